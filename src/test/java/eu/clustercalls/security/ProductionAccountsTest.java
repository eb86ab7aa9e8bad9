package eu.clustercalls.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import eu.clustercalls.ClusterCallsApplication;
import eu.clustercalls.config.ClusterCallsProperties;

/**
 * Real starts in the production profile (postgres, here on a fresh in-memory H2 database, or its PostgreSQL stand-in
 * on the PostgreSQL run; with the test profile's fast settings): refused without an administrator password or with
 * demo users, otherwise with the administrator created once.
 */
class ProductionAccountsTest {

    private static final String PASSWORD = "four random words here";

    @Test
    void aStartWithoutAnAdministratorPasswordIsRefused() {
        assertThatThrownBy(() -> start(freshDatabase(), "").close())
                .isInstanceOf(InsecureStartException.class)
                .hasMessageContaining("No administrator password is set")
                .hasMessageContaining("Set the environment variable CLUSTERCALLS_ADMIN_PASSWORD");
    }

    @Test
    void theFirstStartCreatesTheAdministratorWhoseOwnPasswordLaterStartsKeep() throws Exception {
        String database = freshDatabase();
        try (ConfigurableApplicationContext context = start(database, PASSWORD)) {
            IdentityService identityService = context.getBean(IdentityService.class);
            assertThat(identityService.createUserQuery().userId("admin").memberOfGroup(Roles.ADMIN).count()).isEqualTo(1);
            String engine = context.getBean(ProcessEngine.class).getName();
            HttpResponse<String> groups = get(context, "/engine-rest/engine/" + engine + "/identity/groups?userId=admin",
                    "admin", PASSWORD);
            assertThat(groups.statusCode()).isEqualTo(200);
            assertThat(groups.body()).contains("\"" + Roles.ADMIN + "\"");

            // The administrator changes their password in Camunda Admin; the next start keeps it.
            User admin = identityService.createUserQuery().userId("admin").singleResult();
            admin.setPassword("changed in camunda admin");
            identityService.saveUser(admin);
            context.getBean(ProductionAccounts.class).afterSingletonsInstantiated();
            assertThat(identityService.checkPassword("admin", "changed in camunda admin")).isTrue();
        }
    }

    @Test
    void aStartOnADatabaseWithDemoUsersIsRefused() {
        String database = freshDatabase();
        try (ConfigurableApplicationContext context = start(database, PASSWORD)) {
            IdentityService identityService = context.getBean(IdentityService.class);
            // As DemoData creates its users.
            User demo = identityService.newUser("marta.puig");
            demo.setEmail("marta.puig@demo.clustercalls.eu");
            demo.setPassword("sme-demo-2026");
            identityService.saveUser(demo);
        }

        assertThatThrownBy(() -> start(database, PASSWORD).close())
                .isInstanceOf(InsecureStartException.class)
                .hasMessageContaining("The database holds the demo users marta.puig")
                .hasMessageContaining("Use a database that was never started with the 'demo' profile");
    }

    @Test
    void aShortAdministratorPasswordIsRefused() {
        assertThatThrownBy(() -> ProductionAccounts.administratorPassword(
                new ClusterCallsProperties.Admin("admin", "admin-demo1")))
                .isInstanceOf(InsecureStartException.class)
                .hasMessageContaining("at least 12 characters");
        assertThat(ProductionAccounts.administratorPassword(new ClusterCallsProperties.Admin("admin", "twelve chars")))
                .isEqualTo("twelve chars");
    }

    @Test
    void theAdministratorPasswordIsNeverInTheSettingsText() {
        assertThat(new ClusterCallsProperties.Admin("admin", PASSWORD).toString()).doesNotContain(PASSWORD);
    }

    private static String freshDatabase() {
        return "jdbc:h2:mem:production-accounts-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    /**
     * Without Camunda's webapps: their filters find the Spring context through a static field, which a refused start
     * would leave pointing at its dead context for every later start in this JVM.
     */
    private static ConfigurableApplicationContext start(String database, String adminPassword) {
        return new SpringApplicationBuilder(ClusterCallsApplication.class)
                .profiles("postgres", "test")
                .run("--spring.datasource.url=" + database, "--server.port=0", "--camunda.bpm.webapp.enabled=false",
                        "--clustercalls.admin.password=" + adminPassword);
    }

    private static HttpResponse<String> get(ConfigurableApplicationContext context, String path, String user,
            String password) throws Exception {
        String port = context.getEnvironment().getProperty("local.server.port");
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + credentials).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
