package eu.clustercalls.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import eu.clustercalls.Scenario;
import eu.clustercalls.security.Roles;

/**
 * An address nothing serves, asked by a signed-in person (only a running server dispatches to its error page): the
 * portal's page in the reader's language for a browser, a sentence in the JSON answer for the API, never Spring's
 * "No static resource …" nor its white error page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(Scenario.class)
class ErrorPagesTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    Scenario scenario;

    @Test
    void aPortalAddressNothingServesShowsThePortalsPageInTheReadersLanguage() throws Exception {
        String user = scenario.user("sme-" + Scenario.next(), Roles.SME);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String signIn = browser.send(get("/portal/sign-in?lang=ca"), HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = CSRF.matcher(signIn);
        assertThat(token.find()).as("the sign-in form's CSRF token").isTrue();
        String form = "username=" + user + "&password=" + URLEncoder.encode(Scenario.PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + token.group(1);
        browser.send(HttpRequest.newBuilder(uri("/portal/sign-in")).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.discarding());

        HttpResponse<String> missing = browser.send(get("/portal/calls-that-are-not-here"),
                HttpResponse.BodyHandlers.ofString());

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("<html lang=\"ca\"", "Aquí no hi ha res que pugueu veure.")
                .doesNotContain("Whitelabel", "No static resource", "Exception");
    }

    @Test
    void anApiAddressNothingServesSaysSoInASentence() throws Exception {
        String user = scenario.user("sme-" + Scenario.next(), Roles.SME);
        HttpResponse<String> missing = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/nothing-here"))
                .header("Accept", "application/json").header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + Scenario.PASSWORD).getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("There is nothing at this address.").doesNotContain("static resource");
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").build();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
