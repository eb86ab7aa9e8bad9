package eu.clustercalls.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.support.TransactionTemplate;

import eu.clustercalls.ClusterCallsApplication;
import eu.clustercalls.LocalSmtp;
import eu.clustercalls.notification.NotificationRepository;
import eu.clustercalls.notification.NotificationService;
import eu.clustercalls.notification.OutboxMessages;

/**
 * The application started as a newcomer starts it on another port ({@code --server.port}), without a base URL set:
 * what it prints and mails points at the port it listens on, and its front door is the portal.
 */
@ExtendWith(OutputCaptureExtension.class)
class BaseUrlTest {

    private static final int PORT = LocalSmtp.freePort();
    private static final String HERE = "http://localhost:" + PORT;

    private static ConfigurableApplicationContext application;

    /** Started once for the class, while the class's output is captured (the extension starts before this). */
    @BeforeAll
    static void startOnAnotherPort() {
        application = SpringApplication.run(ClusterCallsApplication.class, "--server.port=" + PORT,
                "--spring.profiles.active=test");
    }

    @AfterAll
    static void stop() {
        application.close();
    }

    @Test
    void theStartUpOutputNamesThePortalTheDashboardAndTasklistOnThePortTheServerListensOn(CapturedOutput output) {
        assertThat(output.getOut()).contains("ClusterCalls is ready at " + HERE, HERE + "/portal\n",
                HERE + "/dashboard\n", HERE + "/camunda/app/tasklist/\n", HERE + "/camunda/app/cockpit/\n",
                "set clustercalls.base-url")
                .doesNotContain("localhost:8080");
    }

    @Test
    void aQueuedMailLinksToThePortTheServerListensOn() {
        NotificationRepository notifications = application.getBean(NotificationRepository.class);
        OutboxMessages outbox = new OutboxMessages(application.getBean(TransactionTemplate.class),
                application.getBean(NotificationService.class), notifications);

        long id = outbox.queueToAddress("nuria.soler@example.eu", "Business mission to Montréal");

        assertThat(notifications.findById(id).orElseThrow().getBody())
                .as("the call's link, and the footer's address of the application")
                .contains(HERE + "/portal/calls/1", "registrar una empresa en " + HERE + ".")
                .doesNotContain("localhost:8080");
    }

    @Test
    void theFrontDoorLeadsToThePortal() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        HttpResponse<String> door = http.send(HttpRequest.newBuilder(URI.create(HERE + "/")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(door.statusCode()).isEqualTo(302);
        assertThat(door.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(URI.create(HERE + "/").resolve(location)).isEqualTo(URI.create(HERE + "/portal")));
        HttpResponse<String> portal = http.send(HttpRequest.newBuilder(URI.create(HERE + "/portal")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(portal.statusCode()).isEqualTo(200);
        assertThat(portal.body()).contains("Open calls");
    }

    @Test
    void aConfiguredBaseUrlIsTakenAsGivenWhateverThePort() {
        MockEnvironment environment = new MockEnvironment().withProperty("server.port", "18082");

        BaseUrl configured = new BaseUrl(withBaseUrl("https://calls.example.eu/"), environment);

        assertThat(configured.of("/portal")).isEqualTo("https://calls.example.eu/portal");
        assertThat(configured.isConfigured()).isTrue();
    }

    @Test
    void withoutOneTheAddressIsThisNodesPortAndContextPath() {
        MockEnvironment environment = new MockEnvironment().withProperty("server.port", "18082")
                .withProperty("server.servlet.context-path", "/calls/");

        BaseUrl own = new BaseUrl(withBaseUrl(" "), environment);

        assertThat(own.of("/portal")).isEqualTo("http://localhost:18082/calls/portal");
        assertThat(own.isConfigured()).isFalse();
        assertThat(new BaseUrl(withBaseUrl(null), new MockEnvironment()).get())
                .as("nothing set: Spring Boot's default port").isEqualTo("http://localhost:8080");
    }

    private static ClusterCallsProperties withBaseUrl(String baseUrl) {
        return new ClusterCallsProperties(null, null, null, null, null, null, null, null, null, null, null, null, null,
                0, null, null, null, baseUrl, null, null);
    }
}
