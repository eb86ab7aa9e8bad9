package eu.clustercalls.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;

import eu.clustercalls.Scenario;
import eu.clustercalls.config.ClusterCallsProperties;

/**
 * Every password set, whoever sets it and through whichever door, has at least 12 characters: Camunda's password
 * policy, on. Through the engine REST API a shorter one is a 400 with a sentence, not the engine's 500.
 */
@SignInServerTest
class PasswordPolicyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOO_SHORT = "The password needs at least 12 characters.";

    @LocalServerPort
    int port;
    @Autowired
    Scenario scenario;
    @Autowired
    IdentityService identityService;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    ClusterCallsProperties properties;

    @Test
    void theAdministratorCannotSetAOneCharacterPasswordThroughTheEngineRestApiButTwelveCharactersWork() throws Exception {
        String staff = scenario.user("finance-" + Scenario.next(), Roles.FINANCE);

        HttpResponse<String> refused = credentials(staff, "x");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("message").asText()).isEqualTo(TOO_SHORT);
        assertThat(refused.body()).as("Camunda's error answer: its type and the sentence, no stack trace")
                .doesNotContain("\tat ", "eu.clustercalls");
        assertThat(identityService.checkPassword(staff, Scenario.PASSWORD)).as("the password is unchanged").isTrue();

        assertThat(credentials(staff, "twelve chars").statusCode()).isEqualTo(204);
        assertThat(identityService.checkPassword(staff, "twelve chars")).isTrue();
    }

    @Test
    void aStaffMemberChangingHerOwnPasswordIsHeldToTwelveCharactersToo() throws Exception {
        String staff = scenario.user("finance-" + Scenario.next(), Roles.FINANCE);

        HttpResponse<String> refused = ownCredentials(staff, "x");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("message").asText()).isEqualTo(TOO_SHORT);
        assertThat(identityService.checkPassword(staff, Scenario.PASSWORD)).as("the password is unchanged").isTrue();

        assertThat(ownCredentials(staff, "twelve chars").statusCode()).isEqualTo(204);
        assertThat(identityService.checkPassword(staff, "twelve chars")).isTrue();
    }

    @Test
    void aUserCreatedThroughTheEngineRestApiWithAShortPasswordIsRefusedAndNotCreated() throws Exception {
        String id = "short-" + Scenario.next();
        String user = JSON.writeValueAsString(Map.of("profile", Map.of("id", id, "firstName", "Short",
                "lastName", "Password", "email", id + "@test.clustercalls.eu"), "credentials", Map.of("password", "sme")));

        HttpResponse<String> refused = asAdministrator(engineRest("/user/create")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(user)));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("message").asText()).isEqualTo(TOO_SHORT);
        assertThat(identityService.createUserQuery().userId(id).count()).isZero();
    }

    @Test
    void theIdentityServiceRefusesAOneCharacterPasswordAndAcceptsTwelve() {
        String id = "policy-" + Scenario.next();
        User user = identityService.newUser(id);
        user.setPassword("x");
        assertThatThrownBy(() -> identityService.saveUser(user)).isInstanceOf(BadUserRequestException.class)
                .hasMessage(TOO_SHORT);
        assertThat(identityService.createUserQuery().userId(id).count()).isZero();

        user.setPassword("exactly 12 c");
        identityService.saveUser(user);
        assertThat(identityService.checkPassword(id, "exactly 12 c")).isTrue();
    }

    @Test
    void theEngineTellsThePolicyToCamundaAdmin() throws Exception {
        HttpResponse<String> policy = asAdministrator(engineRest("/identity/password-policy").GET());

        assertThat(policy.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(policy.body()).get("rules").get(0).get("parameter").get("minLength").asText())
                .isEqualTo("12");
    }

    private HttpResponse<String> credentials(String user, String password) throws Exception {
        String body = JSON.writeValueAsString(Map.of("password", password,
                "authenticatedUserPassword", properties.admin().password()));
        return asAdministrator(engineRest("/user/" + user + "/credentials").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** As Camunda's "My profile" page sends it: signed in as that user, with her current password. */
    private HttpResponse<String> ownCredentials(String user, String password) throws Exception {
        String body = JSON.writeValueAsString(Map.of("password", password,
                "authenticatedUserPassword", Scenario.PASSWORD));
        String credentials = user + ":" + Scenario.PASSWORD;
        return HttpClient.newHttpClient().send(engineRest("/user/" + user + "/credentials")
                .header("Content-Type", "application/json").header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder engineRest(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/engine/"
                + processEngine.getName() + path)).timeout(Duration.ofSeconds(30));
    }

    private HttpResponse<String> asAdministrator(HttpRequest.Builder request) throws Exception {
        String credentials = properties.admin().user() + ":" + properties.admin().password();
        return HttpClient.newHttpClient().send(request.header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
