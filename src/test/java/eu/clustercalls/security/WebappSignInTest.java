package eu.clustercalls.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;

import eu.clustercalls.Scenario;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The Camunda webapps' sign-in ({@code POST /camunda/api/admin/auth/user/{engine}/login/tasklist}, as Tasklist's
 * page sends it) goes through the same check as the API: a right password is verified with PBKDF2 once, then
 * remembered; wrong ones are throttled, and the answer says how long to wait. Clients come from addresses of their
 * own through X-Forwarded-For, as behind the production proxy.
 */
@SignInServerTest
class WebappSignInTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    Scenario scenario;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    MeterRegistry meters;

    String reviewer;

    @BeforeEach
    void aReviewer() {
        reviewer = scenario.user("reviewer-" + Scenario.next(), Roles.ELIGIBILITY_REVIEWERS);
    }

    @Test
    void signingInToTasklistTwicePaysPbkdf2OnlyTheFirstTime() throws Exception {
        String address = ClientAddresses.next();
        double before = hashes();
        assertThat(signInToTasklist(address, reviewer, Scenario.PASSWORD).statusCode()).isEqualTo(200);
        assertThat(hashes() - before).as("the first sign-in checks the password with PBKDF2").isEqualTo(1);

        assertThat(signInToTasklist(address, reviewer, Scenario.PASSWORD).statusCode()).isEqualTo(200);
        assertThat(hashes() - before).as("the second finds it verified a moment ago").isEqualTo(1);
    }

    @Test
    void sixWrongPasswordsAtTasklistAreThrottledAndTheAnswerSaysHowLongToWait() throws Exception {
        String address = ClientAddresses.next();
        for (int attempt = 1; attempt < 5; attempt++) {
            HttpResponse<String> wrong = signInToTasklist(address, reviewer, "wrong-password");
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(detail(wrong)).isEqualTo("Wrong user name or password.");
        }
        HttpResponse<String> fifth = signInToTasklist(address, reviewer, "wrong-password");
        assertThat(fifth.statusCode()).isEqualTo(401);
        assertThat(detail(fifth)).isEqualTo("Wrong user name or password. Too many failed sign-ins: try again in 1 minute.");

        HttpResponse<String> sixth = signInToTasklist(address, reviewer, Scenario.PASSWORD);
        assertThat(sixth.statusCode()).as("refused unchecked, even the right password").isEqualTo(429);
        assertThat(detail(sixth)).isEqualTo("Too many failed sign-ins: try again in 1 minute.");
        assertThat(sixth.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
        assertThat(basicSignIn(address, reviewer).statusCode()).as("the API's door has the same lock").isEqualTo(429);

        assertThat(signInToTasklist(ClientAddresses.next(), reviewer, Scenario.PASSWORD).statusCode())
                .as("from another address").isEqualTo(200);
    }

    /** As Tasklist's sign-in page does: open the app for the session and its CSRF token, then post the form. */
    private HttpResponse<String> signInToTasklist(String address, String user, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> page = browser.send(request(address, "/camunda/app/tasklist/").build(),
                HttpResponse.BodyHandlers.ofString());
        String token = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        return browser.send(request(address, "/camunda/api/admin/auth/user/" + processEngine.getName()
                + "/login/tasklist").header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> basicSignIn(String address, String user) throws Exception {
        return HttpClient.newHttpClient().send(request(address, "/api/applications").header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + Scenario.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String address, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("X-Forwarded-For", address);
    }

    private static String detail(HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        return JSON.readTree(response.body()).get("detail").asText();
    }

    private double hashes() {
        return meters.get(PasswordHashing.COMPUTATIONS).functionCounter().count();
    }
}
