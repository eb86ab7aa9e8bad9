package eu.clustercalls.security;

import static eu.clustercalls.ApiResponses.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.fasterxml.jackson.databind.JsonNode;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.Scenario;

/**
 * Guessing passwords through the API: each wrong password delays the next sign-in (the engine's clock is moved
 * past the delay), and after the configured number in a row the user is locked until an administrator unlocks it.
 */
@ClusterCallsTest
class SignInLockoutTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Scenario scenario;
    @Autowired
    IdentityService identityService;
    @Autowired
    ProcessEngine processEngine;

    String user;
    int maxAttempts;

    @BeforeEach
    void smeUser() {
        user = Scenario.contactOf(scenario.company(Scenario.figures(8, "1200000", "900000"), List.of()));
        maxAttempts = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getLoginMaxAttempts();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theEngineLocksAfterFiveWrongPasswords() {
        assertThat(maxAttempts).as("loginMaxAttempts of application.yaml").isEqualTo(5);
    }

    @Test
    void afterTooManyWrongPasswordsEvenTheRightOneIsRefusedUntilAnAdministratorUnlocksTheUser() throws Exception {
        signIn(Scenario.PASSWORD, 200); // remembered as right: the lock must still apply
        for (int attempt = 0; attempt < maxAttempts; attempt++) {
            signIn(Scenario.PASSWORD + "?", 401);
            later(Duration.ofMinutes(2));
        }

        JsonNode problem = signIn(Scenario.PASSWORD, 401);
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("detail").asText()).as("the person is told why, without saying whether the user exists")
                .contains("locked until an administrator unlocks it");
        later(Duration.ofDays(1));
        signIn(Scenario.PASSWORD, 401);

        identityService.unlockUser(user);
        signIn(Scenario.PASSWORD, 200);
    }

    @Test
    void aWrongPasswordDelaysTheNextSignInForAFewSeconds() throws Exception {
        signIn("wrong-password", 401);
        signIn(Scenario.PASSWORD, 401);

        later(Duration.ofSeconds(4));
        signIn(Scenario.PASSWORD, 200);
    }

    @Test
    void aSuccessfulSignInStartsTheCountAgain() throws Exception {
        for (int attempt = 1; attempt < maxAttempts; attempt++) {
            signIn("wrong-password", 401);
            later(Duration.ofMinutes(2));
        }
        signIn(Scenario.PASSWORD, 200);

        signIn("wrong-password", 401);
        later(Duration.ofMinutes(2));
        signIn(Scenario.PASSWORD, 200);
    }

    @Test
    void aRememberedPasswordStillWaitsOutTheDelayAfterAWrongOne() throws Exception {
        signIn(Scenario.PASSWORD, 200);
        signIn(Scenario.PASSWORD, 200);

        signIn("wrong-password", 401);
        signIn(Scenario.PASSWORD, 401);
        later(Duration.ofSeconds(4));
        signIn(Scenario.PASSWORD, 200);
    }

    @Test
    void aChangedPasswordIsRefusedAtOnceThoughTheOldOneWasJustAccepted() throws Exception {
        signIn(Scenario.PASSWORD, 200);

        User stored = identityService.createUserQuery().userId(user).singleResult();
        stored.setPassword("a brand new passphrase");
        identityService.saveUser(stored);

        signIn(Scenario.PASSWORD, 401);
        later(Duration.ofSeconds(4));
        signIn("a brand new passphrase", 200);
    }

    private JsonNode signIn(String password, int status) throws Exception {
        MvcResult result = mvc.perform(get("/api/applications").with(httpBasic(user, password))).andReturn();
        if (status == 401) {
            assertThat(result.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        }
        return body(result, status);
    }

    private static void later(Duration duration) {
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
    }
}
