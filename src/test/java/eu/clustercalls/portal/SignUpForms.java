package eu.clustercalls.portal;

import java.time.LocalDate;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import eu.clustercalls.Scenario;

/** A complete sign-up form as the browser sends it, with a new VAT number and user name each time. */
public final class SignUpForms {

    public static final String PASSWORD = "correct-horse-42";

    private SignUpForms() {
    }

    /** A micro enterprise with a 30 % partner and one declared aid, claiming membership of that cluster (or none). */
    public static MultiValueMap<String, String> valid(String clusterId) {
        int n = Scenario.next();
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("legalName", "Signed Up Textiles " + n + " SL");
        form.add("vatNumber", String.format("ESA%07d1", n));
        form.add("country", "ES");
        form.add("city", "Sabadell");
        form.add("naceCode", "13.20");
        form.add("staffHeadcount", "6");
        form.add("annualTurnover", "900000");
        form.add("balanceSheetTotal", "700000");
        form.add("related0Name", "Filatures Partner " + n + " SA");
        form.add("related0Relation", "PARTNER");
        form.add("related0Share", "30");
        form.add("related0Staff", "10");
        form.add("related0Turnover", "1000000");
        form.add("related0BalanceSheet", "800000");
        form.add("aid0GrantedOn", LocalDate.now().minusYears(1).toString());
        form.add("aid0Amount", "12500");
        form.add("aid0GrantingBody", "ACCIÓ");
        form.add("clusterId", clusterId == null ? "" : clusterId);
        form.add("memberNumber", clusterId == null ? "" : "AEI-" + n);
        form.add("username", "signup.user" + n);
        form.add("firstName", "Núria");
        form.add("lastName", "Soler");
        form.add("email", "nuria" + n + "@example.com");
        form.add("password", PASSWORD);
        form.add("passwordRepeat", PASSWORD);
        return form;
    }
}
