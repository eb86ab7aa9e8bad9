package eu.clustercalls.security;

import static eu.clustercalls.ApiResponses.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
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
 * Guessing passwords through the API, each test from client addresses of its own (the throttle's counts live in the
 * database this test context shares). The engine's clock is moved past each lock. The rule (application.yaml): 5
 * failures in a row with a user name from one address lock it at that address for 1 minute, then 2, 4, 8, at most
 * 15; 20 failures from one address, whatever the user names, lock the address. Another address is never kept out.
 */
@ClusterCallsTest
class SignInLockoutTest {

    private static final String WRONG = "Wrong user name or password.";
    private static final String TOO_MANY = "Too many failed sign-ins: try again in ";

    @Autowired
    MockMvc mvc;
    @Autowired
    Scenario scenario;
    @Autowired
    IdentityService identityService;
    @Autowired
    SignInCheck signInCheck;

    String user;
    String attacker;
    String usersOwnAddress;

    @BeforeEach
    void anSmeUserAndTwoAddresses() {
        user = Scenario.contactOf(scenario.company(Scenario.figures(8, "1200000", "900000"), List.of()));
        attacker = ClientAddresses.next();
        usersOwnAddress = ClientAddresses.next();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void guessesSentAtOnceFromOneAddressWaitTheirTurnAndMeetTheLock() throws Exception {
        ExecutorService guessers = Executors.newFixedThreadPool(12);
        try {
            List<Future<SignInResult>> answers = new ArrayList<>();
            for (int guess = 0; guess < 12; guess++) {
                String password = "guess-at-once-" + guess;
                answers.add(guessers.submit(() -> signInCheck.check(user, password, attacker)));
            }
            Map<SignInResult.Outcome, Long> outcomes = new EnumMap<>(SignInResult.Outcome.class);
            for (Future<SignInResult> answer : answers) {
                outcomes.merge(answer.get(60, TimeUnit.SECONDS).outcome(), 1L, Long::sum);
            }
            assertThat(outcomes).as("nobody is turned away for being many; the lock stops the rest")
                    .doesNotContainKey(SignInResult.Outcome.BUSY)
                    .doesNotContainKey(SignInResult.Outcome.ACCEPTED);
            assertThat(outcomes.getOrDefault(SignInResult.Outcome.WRONG, 0L))
                    .as("at most the 5 a lock allows, and the checks still under way when it came")
                    .isBetween(5L, 6L);
        } finally {
            guessers.shutdownNow();
        }
        signIn(usersOwnAddress, user, Scenario.PASSWORD, 200);
    }

    @Test
    void anAttackersWrongPasswordsNeverKeepTheRightUserOutFromAnotherAddress() throws Exception {
        for (int round = 0; round < 8; round++) {
            for (int attempt = 0; attempt < 5; attempt++) {
                signIn(attacker, user, "guess-" + round + "-" + attempt, 401, 429);
            }
            assertThat(detail(signIn(attacker, user, "one more guess", 429))).startsWith(TOO_MANY);

            signIn(usersOwnAddress, user, Scenario.PASSWORD, 200);
            signIn(ClientAddresses.next(), user, Scenario.PASSWORD, 200);
            later(Duration.ofMinutes(15));
        }
    }

    @Test
    void aLockedUserIsToldHowLongToWaitAndMayTryAgainAfterIt() throws Exception {
        for (int attempt = 1; attempt < 5; attempt++) {
            assertThat(detail(signIn(usersOwnAddress, user, "wrong-password", 401))).isEqualTo(WRONG);
        }
        MvcResult fifth = signIn(usersOwnAddress, user, "wrong-password", 401);
        assertThat(detail(fifth)).isEqualTo(WRONG + " " + TOO_MANY + "1 minute.");

        MvcResult locked = signIn(usersOwnAddress, user, Scenario.PASSWORD, 429);
        assertThat(detail(locked)).as("refused unchecked, even the right password").isEqualTo(TOO_MANY + "1 minute.");
        assertThat(locked.getResponse().getHeader("Retry-After")).isEqualTo("60");

        later(Duration.ofSeconds(61));
        signIn(usersOwnAddress, user, Scenario.PASSWORD, 200);
    }

    @Test
    void eachFailureAfterALockDoublesItUpToFifteenMinutesNeverMore() throws Exception {
        for (int attempt = 1; attempt < 5; attempt++) {
            signIn(usersOwnAddress, user, "wrong-password", 401);
        }
        for (int lock : new int[] { 1, 2, 4, 8, 15, 15, 15 }) {
            signIn(usersOwnAddress, user, "wrong-password", 401);
            String wait = lock == 1 ? "1 minute." : lock + " minutes.";
            assertThat(detail(signIn(usersOwnAddress, user, Scenario.PASSWORD, 429))).isEqualTo(TOO_MANY + wait);
            later(Duration.ofMinutes(lock).minusSeconds(1));
            signIn(usersOwnAddress, user, Scenario.PASSWORD, 429);
            later(Duration.ofSeconds(2));
        }
        signIn(usersOwnAddress, user, Scenario.PASSWORD, 200);
    }

    @Test
    void aRightPasswordStartsTheCountAgain() throws Exception {
        for (int attempt = 1; attempt < 5; attempt++) {
            signIn(usersOwnAddress, user, "wrong-password", 401);
        }
        signIn(usersOwnAddress, user, Scenario.PASSWORD, 200);

        for (int attempt = 1; attempt < 5; attempt++) {
            signIn(usersOwnAddress, user, "wrong-password", 401);
        }
        signIn(usersOwnAddress, user, Scenario.PASSWORD, 200);
    }

    @Test
    void anAddressTryingManyUserNamesIsLockedForEveryUserNameButOtherAddressesAreNot() throws Exception {
        for (int attempt = 0; attempt < 20; attempt++) {
            // Known and unknown user names count alike.
            String name = attempt % 2 == 0 ? "nobody-" + Scenario.next() : Scenario.contactOf(
                    scenario.company(Scenario.figures(8, "1200000", "900000"), List.of()));
            signIn(attacker, name, "password-" + attempt, 401);
        }

        assertThat(detail(signIn(attacker, user, Scenario.PASSWORD, 429))).isEqualTo(TOO_MANY + "1 minute.");
        signIn(usersOwnAddress, user, Scenario.PASSWORD, 200);
        later(Duration.ofSeconds(61));
        signIn(attacker, user, Scenario.PASSWORD, 200);
    }

    @Test
    void aRememberedPasswordIsRefusedWhileLocked() throws Exception {
        signIn(usersOwnAddress, user, Scenario.PASSWORD, 200);
        for (int attempt = 0; attempt < 5; attempt++) {
            signIn(usersOwnAddress, user, "wrong-password", 401);
        }

        signIn(usersOwnAddress, user, Scenario.PASSWORD, 429);
    }

    @Test
    void camundasOwnLockWhichIsForGoodIsNeverSet() throws Exception {
        for (int attempt = 0; attempt < 12; attempt++) {
            signIn(ClientAddresses.next(), user, "wrong-password", 401);
        }

        UserEntity stored = (UserEntity) identityService.createUserQuery().userId(user).singleResult();
        assertThat(stored.getAttempts()).isZero();
        assertThat(stored.getLockExpirationTime()).isNull();
        signIn(ClientAddresses.next(), user, Scenario.PASSWORD, 200);
    }

    @Test
    void unlockingTheUserInCamundaLiftsItsLocksAtEveryAddress() throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            signIn(usersOwnAddress, user, "wrong-password", 401);
        }
        signIn(usersOwnAddress, user, Scenario.PASSWORD, 429);

        identityService.unlockUser(user);

        signIn(usersOwnAddress, user, Scenario.PASSWORD, 200);
    }

    @Test
    void aChangedPasswordIsRefusedAtOnceThoughTheOldOneWasJustAccepted() throws Exception {
        signIn(usersOwnAddress, user, Scenario.PASSWORD, 200);

        User stored = identityService.createUserQuery().userId(user).singleResult();
        stored.setPassword("a brand new passphrase");
        identityService.saveUser(stored);

        signIn(usersOwnAddress, user, Scenario.PASSWORD, 401);
        signIn(usersOwnAddress, user, "a brand new passphrase", 200);
    }

    @Test
    void thePortalsSignInPageSaysHowLongToWaitInTheReadersLanguage() throws Exception {
        for (int attempt = 1; attempt < 5; attempt++) {
            assertThat(portalSignIn(user, "wrong-password")).isEqualTo("/portal/sign-in?error");
        }
        assertThat(portalSignIn(user, "wrong-password")).isEqualTo("/portal/sign-in?error&locked=1");
        assertThat(portalSignIn(user, Scenario.PASSWORD)).isEqualTo("/portal/sign-in?locked=1");

        String page = mvc.perform(get("/portal/sign-in").param("locked", "4")).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("role=\"alert\"", "Too many failed sign-ins: try again in 4 minutes.");
        String spanish = mvc.perform(get("/portal/sign-in").param("locked", "1").param("lang", "es")).andReturn()
                .getResponse().getContentAsString();
        assertThat(spanish).contains("Demasiados intentos fallidos: vuelva a intentarlo dentro de 1 minuto.");
    }

    /** Signs in on the portal's form from the user's own address; where the browser is sent next. */
    private String portalSignIn(String name, String password) throws Exception {
        return mvc.perform(post("/portal/sign-in").with(csrf()).param("username", name).param("password", password)
                .with(request -> {
                    request.setRemoteAddr(usersOwnAddress);
                    return request;
                })).andReturn().getResponse().getRedirectedUrl();
    }

    /** Signs in with HTTP Basic from the given address; the status must be one of those given. */
    private MvcResult signIn(String address, String name, String password, int... statuses) throws Exception {
        MvcResult result = mvc.perform(get("/api/applications").with(httpBasic(name, password)).with(request -> {
            request.setRemoteAddr(address);
            return request;
        })).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString())
                .isIn(Arrays.stream(statuses).boxed().toList());
        if (result.getResponse().getStatus() != 200) {
            assertThat(result.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        }
        return result;
    }

    private static String detail(MvcResult result) throws Exception {
        JsonNode problem = body(result, result.getResponse().getStatus());
        return problem.get("detail").asText();
    }

    private static void later(Duration duration) {
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
    }
}
