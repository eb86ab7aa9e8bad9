package eu.clustercalls.security;

import static eu.clustercalls.ApiResponses.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.fasterxml.jackson.databind.JsonNode;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.Scenario;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * An unknown user name costs what a known one with a wrong password costs, one PBKDF2 hash (counted by the metric
 * clustercalls.password.hashes), and gets the same answer: neither its time nor its text tells which users exist.
 */
@ClusterCallsTest
class UnknownUserSignInTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Scenario scenario;
    @Autowired
    IdentityService identityService;
    @Autowired
    MeterRegistry meters;

    String user;

    @BeforeEach
    void aUserAndTheStandInHashMade() throws Exception {
        user = scenario.user("sme-" + Scenario.next(), Roles.SME);
        // The first unknown user name of a node also makes the stand-in hash, once.
        signIn("nobody-" + Scenario.next(), "any password", 401);
    }

    @Test
    void anUnknownUserNameIsHashedOnceLikeAKnownOneWithAWrongPasswordAndAnsweredAlike() throws Exception {
        double before = hashes();
        JsonNode unknown = signIn("nobody-" + Scenario.next(), "wrong-password", 401);
        assertThat(hashes() - before).isEqualTo(1);

        before = hashes();
        JsonNode known = signIn(user, "wrong-password", 401);
        assertThat(hashes() - before).isEqualTo(1);

        assertThat(unknown).isEqualTo(known);
        assertThat(unknown.get("detail").asText()).isEqualTo("Wrong user name or password.");
    }

    @Test
    void aUserWithoutPasswordIsHashedOnceToo() throws Exception {
        String withoutPassword = "nopassword-" + Scenario.next();
        identityService.saveUser(identityService.newUser(withoutPassword));

        double before = hashes();
        signIn(withoutPassword, "", 401);
        assertThat(hashes() - before).isEqualTo(1);
    }

    @Test
    void aRightPasswordIsHashedOnceThenRemembered() throws Exception {
        double before = hashes();
        signIn(user, Scenario.PASSWORD, 200);
        signIn(user, Scenario.PASSWORD, 200);
        signIn(user, Scenario.PASSWORD, 200);

        assertThat(hashes() - before).isEqualTo(1);
    }

    private JsonNode signIn(String name, String password, int status) throws Exception {
        return body(mvc.perform(get("/api/applications").with(httpBasic(name, password)).with(from())).andReturn(),
                status);
    }

    /** Each sign-in from an address of its own: no throttle in the way. */
    private static RequestPostProcessor from() {
        String address = ClientAddresses.next();
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private double hashes() {
        return meters.get(PasswordHashing.COMPUTATIONS).functionCounter().count();
    }
}
