package eu.clustercalls.security;

import static eu.clustercalls.ApiResponses.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.digest.Sha512HashDigest;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.Scenario;

/** Passwords in Camunda's identity service: PBKDF2 for new ones, earlier SHA-512 hashes still valid. */
@ClusterCallsTest
class PasswordHashingTest {

    @Autowired
    IdentityService identityService;
    @Autowired
    Scenario scenario;
    @Autowired
    MockMvc mvc;

    @Test
    void aNewPasswordIsStoredAsASaltedPbkdf2Hash() {
        String user = scenario.user("hashed-" + Scenario.next(), Roles.SME);

        UserEntity stored = stored(user);
        assertThat(stored.getPassword()).startsWith("{PBKDF2-SHA256}1000$").doesNotContain(Scenario.PASSWORD);
        assertThat(identityService.checkPassword(user, Scenario.PASSWORD)).isTrue();
    }

    @Test
    void aWrongPasswordDoesNotCheck() {
        String user = scenario.user("hashed-" + Scenario.next(), Roles.SME);

        assertThat(identityService.checkPassword(user, "test-passwore")).isFalse();
    }

    @Test
    void theSamePasswordGetsADifferentHashForEachUser() {
        String first = scenario.user("hashed-" + Scenario.next(), Roles.SME);
        String second = scenario.user("hashed-" + Scenario.next(), Roles.SME);

        assertThat(stored(first).getPassword()).isNotEqualTo(stored(second).getPassword());
    }

    @Test
    void aSha512HashFromBeforeStillChecks() {
        String user = "sha512-" + Scenario.next();
        UserEntity old = (UserEntity) identityService.newUser(user);
        String salt = "c2FsdC1vZi10aGUtZGVtbw==";
        // What Camunda's default stored, e.g. in the demo's H2 files: SHA-512 of the password followed by the salt.
        old.setSalt(salt);
        old.setDbPassword("{SHA-512}" + new Sha512HashDigest().encrypt("admin-demo" + salt));
        identityService.saveUser(old);

        assertThat(identityService.checkPassword(user, "admin-demo")).isTrue();
        assertThat(identityService.checkPassword(user, "admin-demo ")).isFalse();
    }

    @Test
    void aHashWithAnotherIterationCountStillChecks() {
        String user = "rounds-" + Scenario.next();
        UserEntity earlier = (UserEntity) identityService.newUser(user);
        earlier.setSalt("");
        earlier.setDbPassword("{PBKDF2-SHA256}" + new Pbkdf2PasswordEncryptor(1200).encrypt("set-before-the-change"));
        identityService.saveUser(earlier);

        assertThat(identityService.checkPassword(user, "set-before-the-change")).isTrue();
    }

    @Test
    void aVeryLongPasswordIsHashedWholeAndChecked() {
        String longPassword = "ab".repeat(5_000);
        String user = scenario.user("long-" + Scenario.next(), Roles.SME);
        UserEntity entity = stored(user);
        entity.setPassword(longPassword);
        identityService.saveUser(entity);

        assertThat(identityService.checkPassword(user, longPassword)).isTrue();
        // bcrypt would accept this one: the same first 72 bytes.
        assertThat(identityService.checkPassword(user, longPassword.substring(0, 9_999) + "c")).isFalse();
    }

    @Test
    void aVeryLongOrEmptyPasswordIsRefusedWith401() throws Exception {
        String user = scenario.user("sme-" + Scenario.next(), Roles.SME);

        body(mvc.perform(get("/api/applications").with(httpBasic(user, "x".repeat(10_000)))).andReturn(), 401);
        body(mvc.perform(get("/api/applications").with(httpBasic(user, ""))).andReturn(), 401);
        body(mvc.perform(get("/api/applications").with(httpBasic("", ""))).andReturn(), 401);
    }

    @Test
    void aUserWithoutPasswordCannotSignIn() throws Exception {
        String user = "nopassword-" + Scenario.next();
        identityService.saveUser(identityService.newUser(user));

        body(mvc.perform(get("/api/applications").with(httpBasic(user, ""))).andReturn(), 401);
    }

    private UserEntity stored(String userId) {
        return (UserEntity) identityService.createUserQuery().userId(userId).singleResult();
    }
}
