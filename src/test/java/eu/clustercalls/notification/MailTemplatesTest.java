package eu.clustercalls.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.env.MockEnvironment;

import eu.clustercalls.config.BaseUrl;
import eu.clustercalls.config.ClusterCallsProperties;
import eu.clustercalls.reimbursement.ClaimPayment;
import eu.clustercalls.selection.SelectionService.CriterionScore;

/** Every kind of message is written in English, Spanish and Catalan, from the same facts. */
class MailTemplatesTest {

    private static final MailTemplates TEMPLATES = templates();

    /** Every fact any template reads: each kind picks its own. */
    private static final Map<String, Object> FACTS = Map.ofEntries(
            Map.entry("callTitle", "Business mission to Montréal"), Map.entry("slots", "12"),
            Map.entry("maxGrant", new BigDecimal("2000.00")), Map.entry("closesAt", Instant.parse("2027-03-01T17:00:00Z")),
            Map.entry("reference", "APP-7"), Map.entry("companyName", "Teixits Vallès SL"),
            Map.entry("question", "Who will travel?"), Map.entry("dueAt", Instant.parse("2027-03-10T10:30:00Z")),
            Map.entry("eligible", false), Map.entry("reasons", List.of("Not a member of the cluster.")),
            Map.entry("dueOn", Instant.parse("2027-03-20T10:00:00Z")), Map.entry("selection", "MAIN"),
            Map.entry("rank", "3"), Map.entry("confirmBy", Instant.parse("2027-04-01T21:59:00Z")),
            Map.entry("belowThreshold", false), Map.entry("threshold", new BigDecimal("50")),
            Map.entry("reason", "Moved by the managers."), Map.entry("finalScore", new BigDecimal("78.5")),
            Map.entry("maxScore", "100"), Map.entry("total", 21),
            Map.entry("scores", List.of(new CriterionScore("Relevance", new BigDecimal("30.5"), 40))),
            Map.entry("budgetShort", true), Map.entry("euProject", "EU project TEXFUTURE"),
            Map.entry("activityStart", LocalDate.of(2027, 5, 10)), Map.entry("activityEnd", LocalDate.of(2027, 5, 14)),
            Map.entry("grant", new BigDecimal("1850.40")), Map.entry("reimbursementModel", "ACTUAL_COSTS_CAPPED"),
            Map.entry("claimBy", LocalDate.of(2027, 6, 13)), Map.entry("deMinimis", true),
            Map.entry("claimReference", "CLM-4"), Map.entry("why", "The hotel receipt is missing."),
            Map.entry("amount", new BigDecimal("1234.56")), Map.entry("accountHolder", "Teixits Vallès SL"),
            Map.entry("iban", "ES91 2100 0418 4502 0005 1332"), Map.entry("executionDate", LocalDate.of(2027, 7, 1)),
            Map.entry("paymentReference", "PAY-9"), Map.entry("clusterName", "AEI Tèxtils"),
            Map.entry("taskName", "Review eligibility"), Map.entry("subjectOfTask", "APP-7"),
            Map.entry("vatNumber", "ESB12345674"), Map.entry("username", "marta.puig"),
            Map.entry("invitedBy", "Marta Puig"),
            Map.entry("expiresAt", Instant.parse("2027-03-02T09:15:00Z")),
            Map.entry("opensOn", LocalDate.of(2027, 2, 1)), Map.entry("closesOn", LocalDate.of(2027, 3, 1)),
            Map.entry("path", "/portal/applications/7"));

    static Stream<Arguments> kindsAndLanguages() {
        return Stream.of(NotificationType.values())
                .flatMap(type -> Languages.SUPPORTED.stream().map(language -> Arguments.of(type, language)));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("kindsAndLanguages")
    void everyKindIsWrittenInEveryLanguageWithASubjectALinkAndNoMissingText(NotificationType type, String language) {
        MailTemplates.Mail mail = TEMPLATES.write(type, Locale.forLanguageTag(language), "Marta Puig", FACTS);

        assertThat(mail.subject()).isNotBlank().doesNotContain("??", "${", "\n");
        assertThat(mail.body()).doesNotContain("??", "${", "[(", "[#", "{0}", "{1}", "null")
                .startsWith(switch (language) {
                    case "es", "ca" -> "Hola, Marta Puig:";
                    default -> "Dear Marta Puig,";
                });
        if (type != NotificationType.RESERVE_RELEASED) {
            assertThat(mail.body()).as("the link to act on it").contains("http://localhost:8080/portal/applications/7");
        }
    }

    @Test
    void spanishAndCatalanMailsFormatAmountsAndDatesTheirWay() {
        assertThat(TEMPLATES.write(NotificationType.AWARD_LETTER, Locale.forLanguageTag("es"), "Marta Puig", FACTS).body())
                .contains("1.850,40\u00a0€", "10 de mayo de 2027", "Reglamento (UE) 2023/2831", "Gastos reales");
        assertThat(TEMPLATES.write(NotificationType.AWARD_LETTER, Locale.forLanguageTag("ca"), "Marta Puig", FACTS).body())
                .contains("1.850,40\u00a0€", "10 de maig de 2027", "Despeses reals", "llista d’assistència");
        assertThat(TEMPLATES.write(NotificationType.AWARD_LETTER, Locale.ENGLISH, "Marta Puig", FACTS).body())
                .contains("€1,850.40", "10 May 2027");
        assertThat(TEMPLATES.write(NotificationType.CLARIFICATION_REQUESTED, Locale.forLanguageTag("ca"), "", FACTS))
                .satisfies(mail -> assertThat(mail.subject()).isEqualTo("Una pregunta sobre la vostra sol·licitud APP-7"))
                .satisfies(mail -> assertThat(mail.body()).startsWith("Hola:").contains("10 de març de 2027, 11:30 CET"));
    }

    @Test
    void aReducedClaimsPaymentMailListsTheReducedItemsAndFinancesReasonInTheSmesLanguage() {
        Map<String, Object> reduced = new HashMap<>(FACTS);
        reduced.put("computedAmount", new BigDecimal("1400.00"));
        reduced.put("reductionReason", "Hotel: only 3 nights at the event's rate.");
        reduced.put("reductions", List.of(new ClaimPayment.Reduction(2, "ACCOMMODATION", new BigDecimal("450.00"),
                new BigDecimal("284.44"))));

        assertThat(TEMPLATES.write(NotificationType.PAYMENT_EXECUTED, Locale.forLanguageTag("ca"), "Marta Puig", reduced)
                .body()).contains("L’equip financer ha reduït l’import subvencionable de 1.400,00\u00a0€ a 1.234,56\u00a0€",
                        "Hotel: only 3 nights at the event's rate.",
                        "- Despesa 2 (Allotjament): sol·licitat 450,00\u00a0€, acceptat 284,44\u00a0€.");
        assertThat(TEMPLATES.write(NotificationType.PAYMENT_EXECUTED, Locale.forLanguageTag("es"), "Marta Puig", reduced)
                .body()).contains("de 1.400,00\u00a0€ a 1.234,56\u00a0€", "- Gasto 2 (Alojamiento): solicitado 450,00\u00a0€");
        assertThat(TEMPLATES.write(NotificationType.PAYMENT_EXECUTED, Locale.ENGLISH, "Marta Puig", reduced).body())
                .contains("Finance reduced the eligible amount from €1,400.00 to €1,234.56, for this reason:\n"
                        + "Hotel: only 3 nights at the event's rate.\n- Expense 2 (Accommodation): claimed €450.00, "
                        + "accepted €284.44.");
        assertThat(TEMPLATES.write(NotificationType.PAYMENT_EXECUTED, Locale.ENGLISH, "Marta Puig", FACTS).body())
                .as("a claim paid as computed").doesNotContain("reduced", "Expense 2");
    }

    @Test
    void aMailToSomeoneWhoIsNoUserYetSaysWhyTheyReceiveIt() {
        Map<String, Object> toAddress = new HashMap<>(FACTS);
        toAddress.put(MailTemplates.TO_ADDRESS, true);

        assertThat(TEMPLATES.write(NotificationType.CALL_EXTENDED, Locale.ENGLISH, "Núria Soler", toAddress).body())
                .contains("this address was given to register a company at http://localhost:8080")
                .doesNotContain("because of your account");
        assertThat(TEMPLATES.write(NotificationType.CALL_EXTENDED, Locale.ENGLISH, "Marta Puig", FACTS).body())
                .contains("because of your account").doesNotContain("this address was given");
    }

    @Test
    void anInvitationToJoinACompanySaysWhoInvitedTheAddressAndWhy() {
        Map<String, Object> invitation = new HashMap<>(FACTS);
        invitation.put(MailTemplates.TO_ADDRESS, true);
        invitation.put("invitation", true);

        MailTemplates.Mail mail = TEMPLATES.write(NotificationType.COLLEAGUE_INVITATION, Locale.forLanguageTag("ca"),
                "", invitation);
        assertThat(mail.subject()).isEqualTo("Uniu-vos a Teixits Vallès SL a ClusterCalls");
        assertThat(mail.body()).contains("Marta Puig us convida a unir-vos a Teixits Vallès SL",
                "un usuari d’una empresa ha convidat aquesta adreça").doesNotContain("per registrar una empresa");
    }

    @Test
    void theSpanishAndCatalanTextsHaveEveryKeyOfTheEnglishOnes() throws IOException {
        Properties english = bundle("messages/mail.properties");
        for (String translation : List.of("messages/mail_es.properties", "messages/mail_ca.properties")) {
            assertThat(bundle(translation).stringPropertyNames()).as(translation)
                    .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        }
    }

    private static Properties bundle(String path) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MailTemplatesTest.class.getClassLoader().getResourceAsStream(path)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static MailTemplates templates() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/mail", "messages/portal");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        ClusterCallsProperties properties = new ClusterCallsProperties(ZoneId.of("Europe/Brussels"), null, null, null,
                null, null, null, null, null, null, null, null, null, 0, null, null, null, "http://localhost:8080/",
                new ClusterCallsProperties.Mail("ClusterCalls <no-reply@clustercalls.eu>", "en", false,
                        Duration.ofMinutes(15)), null);
        return new MailTemplates(messages, properties, new BaseUrl(properties, new MockEnvironment()));
    }
}
