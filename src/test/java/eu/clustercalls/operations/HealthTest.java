package eu.clustercalls.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.LocalSmtp;
import eu.clustercalls.Scenario;
import eu.clustercalls.notification.OutboxMessages;
import eu.clustercalls.security.Roles;

/**
 * /actuator/health as in production: the job executor runs and an SMTP server (GreenMail, in this JVM) is set. Nothing
 * sends the outbox (clustercalls.outbox.enabled is off in tests), which is what a stuck outbox looks like.
 */
@ClusterCallsTest
@Import(OutboxMessages.class)
@TestPropertySource(properties = {
        "spring.mail.host=127.0.0.1",
        "camunda.bpm.job-execution.enabled=true",
        "clustercalls.operations.outbox-stuck-after=PT1H" })
class HealthTest {

    private static final int SMTP_PORT = LocalSmtp.freePort();

    @RegisterExtension
    static GreenMailExtension smtp = LocalSmtp.server(SMTP_PORT);

    @DynamicPropertySource
    static void smtpPort(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Scenario scenario;
    @Autowired
    OutboxMessages outbox;
    @Autowired
    ObjectMapper json;

    private final String recipient = "ops-" + Scenario.next();

    @AfterEach
    void forgetTheMessages() {
        outbox.forget(recipient);
    }

    @Test
    void anAdministratorSeesTheDatabaseTheEngineTheJobExecutorTheMailServerAndTheOutbox() throws Exception {
        JsonNode health = health("/actuator/health", admin(), 200);

        assertThat(health.get("status").asText()).isEqualTo("UP");
        JsonNode components = health.get("components");
        assertThat(components.fieldNames()).toIterable()
                .contains("db", "processEngine", "jobExecutor", "mail", "outbox");
        assertThat(components.get("db").get("status").asText()).isEqualTo("UP");
        assertThat(components.get("processEngine").get("status").asText()).isEqualTo("UP");
        assertThat(components.get("jobExecutor").get("status").asText()).isEqualTo("UP");
        assertThat(components.get("mail").get("status").asText()).isEqualTo("UP");
        assertThat(components.get("mail").get("details").get("location").asText()).endsWith(":" + SMTP_PORT);
        JsonNode outbox = components.get("outbox");
        assertThat(outbox.get("status").asText()).isEqualTo("UP");
        assertThat(outbox.get("details").get("pending").asLong()).isZero();
        assertThat(outbox.get("details").get("mailServer").asBoolean()).isTrue();
    }

    @Test
    void anonymousCallersAndStaffOtherThanAdministratorsSeeTheStatusOnly() throws Exception {
        JsonNode anonymous = health("/actuator/health", null, 200);
        String manager = scenario.user("manager-" + Scenario.next(), Roles.CALL_MANAGERS);
        JsonNode staff = health("/actuator/health", manager, 200);

        assertThat(anonymous.get("status").asText()).isEqualTo("UP");
        assertThat(anonymous.has("components")).isFalse();
        assertThat(staff.get("status").asText()).isEqualTo("UP");
        assertThat(staff.has("components")).isFalse();
        assertThat(health("/actuator/health/liveness", null, 200).get("status").asText()).isEqualTo("UP");
        assertThat(health("/actuator/health/readiness", null, 200).get("status").asText()).isEqualTo("UP");
    }

    @Test
    void theOutboxCountsWaitingMessagesAndStaysUpWhileTheyAreDueForLessThanTheThreshold() throws Exception {
        outbox.queueAt(recipient, Instant.now().minus(Duration.ofMinutes(40)));

        JsonNode outbox = health("/actuator/health", admin(), 200).get("components").get("outbox");

        assertThat(outbox.get("status").asText()).isEqualTo("UP");
        assertThat(outbox.get("details").get("pending").asLong()).isEqualTo(1);
        assertThat(outbox.get("details").get("failed").asLong()).isZero();
        assertThat(Duration.parse(outbox.get("details").get("oldestPendingAge").asText()))
                .isBetween(Duration.ofMinutes(40), Duration.ofMinutes(45));
    }

    @Test
    void aBacklogFoundAtStartUpIsNotHeldAgainstTheNodeBeforeItHadTheThresholdToSendIt() throws Exception {
        outbox.queueAt(recipient, Instant.now().minus(Duration.ofHours(2)));

        JsonNode outbox = health("/actuator/health", admin(), 200).get("components").get("outbox");

        assertThat(outbox.get("status").asText()).isEqualTo("UP");
        assertThat(Duration.parse(outbox.get("details").get("oldestPendingAge").asText()))
                .isGreaterThanOrEqualTo(Duration.ofHours(2));
    }

    @Test
    void aMessageDueForLongerThanTheThresholdTakesTheOutboxDownButNotTheNodesReadiness() throws Exception {
        String admin = admin();
        outbox.queueAt(recipient, Instant.now());
        // Two hours later, and nothing has sent it.
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofHours(2))));
        JsonNode health;
        try {
            health = health("/actuator/health", admin, 503);
        } finally {
            ClockUtil.reset();
        }

        assertThat(health.get("status").asText()).isEqualTo("DOWN");
        JsonNode outbox = health.get("components").get("outbox");
        assertThat(outbox.get("status").asText()).isEqualTo("DOWN");
        assertThat(outbox.get("details").get("reason").asText()).contains("longer than PT1H")
                .contains("no node is sending");
        assertThat(health.get("components").get("db").get("status").asText()).isEqualTo("UP");
        assertThat(health("/actuator/health/readiness", admin(), 200).get("status").asText()).isEqualTo("UP");
    }

    @Test
    void anSmtpServerThatIsAwayTakesTheMailComponentDownButNotTheNodesReadiness() throws Exception {
        smtp.stop();
        try {
            JsonNode health = health("/actuator/health", admin(), 503);

            assertThat(health.get("components").get("mail").get("status").asText()).isEqualTo("DOWN");
            assertThat(health.get("components").get("outbox").get("status").asText()).isEqualTo("UP");
            assertThat(health("/actuator/health/readiness", null, 200).get("status").asText()).isEqualTo("UP");
        } finally {
            smtp.start();
        }
    }

    private String admin() {
        return scenario.user("admin-" + Scenario.next(), Roles.ADMIN);
    }

    private JsonNode health(String path, String user, int status) throws Exception {
        var request = get(path);
        if (user != null) {
            request.with(httpBasic(user, Scenario.PASSWORD));
        }
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(status);
        return json.readTree(result.getResponse().getContentAsString());
    }

}
