package eu.clustercalls.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import eu.clustercalls.ClusterCallsApplication;

/**
 * The host's way in: the only administrator, locked from the address it signs in from (and that address locked for
 * every user name), stays locked across a restart, and a start with clustercalls.sign-in.unlock-users=admin lets it
 * in at once. Real starts in the production profile on one database (with the test profile's fast settings and
 * locks of 10 minutes, so that none ends by itself meanwhile).
 */
class UnlockUsersTest {

    private static final String PASSWORD = "four random words here";

    @Test
    void aLockedAdministratorIsUnlockedByAStartWithTheHostSetting() throws Exception {
        String database = "jdbc:h2:mem:unlock-users-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (ConfigurableApplicationContext context = start(database)) {
            for (int attempt = 0; attempt < 20; attempt++) {
                assertThat(signIn(context, attempt < 5 ? "admin" : "nobody-" + attempt, "wrong guess").statusCode())
                        .isEqualTo(401);
            }
            assertThat(signIn(context, "admin", PASSWORD).statusCode()).isEqualTo(429);
            // As Camunda's own lock, for good, left it before the throttle.
            context.getBean(JdbcTemplate.class).update("update ACT_ID_USER set ATTEMPTS_ = 5 where ID_ = 'admin'");
        }
        try (ConfigurableApplicationContext context = start(database)) {
            assertThat(signIn(context, "admin", PASSWORD).statusCode()).as("a restart alone unlocks nothing")
                    .isEqualTo(429);
        }

        try (ConfigurableApplicationContext context = start(database, "--clustercalls.sign-in.unlock-users=admin")) {
            assertThat(signIn(context, "admin", PASSWORD).statusCode()).isEqualTo(200);
            UserEntity admin = (UserEntity) context.getBean(IdentityService.class).createUserQuery().userId("admin")
                    .singleResult();
            assertThat(admin.getAttempts()).isZero();
            assertThat(admin.getLockExpirationTime()).isNull();
        }
    }

    /** Without Camunda's webapps, as ProductionAccountsTest explains. */
    private static ConfigurableApplicationContext start(String database, String... more) {
        List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + database, "--server.port=0",
                "--camunda.bpm.webapp.enabled=false", "--clustercalls.admin.password=" + PASSWORD,
                "--clustercalls.sign-in.first-lock=PT10M"));
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(ClusterCallsApplication.class).profiles("postgres", "test")
                .run(arguments.toArray(String[]::new));
    }

    private static HttpResponse<String> signIn(ConfigurableApplicationContext context, String user, String password)
            throws Exception {
        String port = context.getEnvironment().getProperty("local.server.port");
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/actuator/info")).header("Authorization", "Basic " + credentials).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
