package eu.clustercalls.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.clustercalls.ClusterCallsTest;
import eu.clustercalls.Scenario;
import eu.clustercalls.notification.OutboxMessages;
import eu.clustercalls.security.Roles;

/** Without an SMTP server messages stay in the outbox on purpose: however long they wait, the node is healthy. */
@ClusterCallsTest
@Import(OutboxMessages.class)
class OutboxHealthWithoutSmtpTest {

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
    void aMessageWaitingForDaysKeepsTheOutboxUpAndNoMailComponentIsShown() throws Exception {
        outbox.queueAt(recipient, Instant.now().minus(Duration.ofDays(3)));
        String admin = scenario.user("admin-" + Scenario.next(), Roles.ADMIN);
        String health = mvc.perform(get("/actuator/health").with(httpBasic(admin, Scenario.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        JsonNode components = json.readTree(health).get("components");

        assertThat(components.has("mail")).isFalse();
        JsonNode details = components.get("outbox").get("details");
        assertThat(components.get("outbox").get("status").asText()).isEqualTo("UP");
        assertThat(details.get("mailServer").asBoolean()).isFalse();
        assertThat(details.get("pending").asLong()).isPositive();
        assertThat(Duration.parse(details.get("longestDueFor").asText())).isGreaterThan(Duration.ofDays(2));
    }
}
