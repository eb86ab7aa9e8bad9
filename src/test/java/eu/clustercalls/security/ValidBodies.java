package eu.clustercalls.security;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import eu.clustercalls.reimbursement.ClaimFixtures;

/** Bodies the input endpoints accept from the people they are meant for, as JSON objects (mutable copies). */
final class ValidBodies {

    private ValidBodies() {
    }

    static Map<String, Object> application(Long companyId) {
        Map<String, Object> body = object("companyId", companyId,
                "motivation", "We want to meet Canadian buyers of technical textiles.",
                "targetMarkets", "Canada",
                "exportExperience", "Exports to France and Italy.",
                "requestedAmount", 1500.00);
        body.put("participants", List.of(object("fullName", "Marta Puig", "jobTitle", "Export manager")));
        body.put("declarations", object("smeStatus", true, "deMinimis", true, "noDoubleFunding", true,
                "dataProtection", true));
        return body;
    }

    static Map<String, Object> clarificationAnswer() {
        return object("answer", "We exhibited at Techtextil North America 2024.");
    }

    static Map<String, Object> evaluation() {
        Map<String, Object> body = object("conflictOfInterest", false, "conflictReason", "");
        body.put("scores", object("RELEVANCE", 8, "READINESS", 7, "REPRESENTATION", 4));
        body.put("comment", "A clear plan for the Canadian market.");
        return body;
    }

    static Map<String, Object> conflictOfInterest() {
        return object("conflictOfInterest", true, "conflictReason", "I advised this company on its export plan in 2024.");
    }

    static Map<String, Object> participation() {
        return object("confirm", true, "reason", "Our export manager will travel.");
    }

    static Map<String, Object> earlyClosure() {
        return object("reason", "The fair was cancelled.");
    }

    static Map<String, Object> extension(LocalDate closingDate) {
        return object("closingDate", closingDate.toString(), "reason", "More time for the members.");
    }

    static Map<String, Object> anonymisation() {
        return object("reason", "Asked by the company's manager by letter of 3 March.");
    }

    static Map<String, Object> exchangeRate() {
        return object("unitsPerEuro", 150.25);
    }

    /** A claim of one flight with its receipt in the part "flight" and proof of attendance in "boarding-pass". */
    static Map<String, Object> claim(LocalDate expenseDate, int daysAttended) {
        Map<String, Object> item = object("category", "TRAVEL", "amount", 450.00, "currency", "EUR",
                "date", expenseDate.toString(), "description", "Flight to Montreal", "receipt", "flight");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", List.of(item));
        body.put("attendanceProofs", List.of("boarding-pass"));
        body.putAll(object("missionReport", "Met four buyers; two asked for samples.", "daysAttended", daysAttended,
                "iban", ClaimFixtures.SME_IBAN, "accountHolder", "Test Company SL"));
        return body;
    }

    private static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }
}
