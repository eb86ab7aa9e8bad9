package eu.clustercalls;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The embedded default as a newcomer starts it: default ("demo") profile with its demo data, a real server and a
 * real HTTP client. Only the database is a fresh H2 file under target/ (a fresh PostgreSQL database on the PostgreSQL
 * run), so that ./data is left alone.
 * <p>
 * The engine keeps its default name "default", as in a real start: the engine REST API without an engine name in
 * the path ({@code /engine-rest/process-definition}) serves only the engine of that name (the test profile's
 * unique engine names would make it answer 404). Closed after the class, so "default" is free again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class StartupTest {

    private static final String DATABASE = "./target/startup-test-" + UUID.randomUUID() + "/clustercalls";

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + DATABASE);
    }

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    IdentityService identityService;

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @Test
    void tasklistServesItsSignInPage() throws Exception {
        HttpResponse<String> page = get("/camunda/app/tasklist/", null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<title>Camunda Tasklist</title>").doesNotContain("$APP_ROOT", "$BASE");
    }

    @Test
    void tasklistsScriptsAreServed() throws Exception {
        HttpResponse<String> script = get("/camunda/app/tasklist/camunda-tasklist-bootstrap.js", null);

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).isNotBlank();
    }

    @Test
    void cockpitLoadsThePathTakenPlugin() throws Exception {
        HttpResponse<String> config = get("/camunda/app/cockpit/scripts/config.js", null);
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).contains("customScripts", "scripts/clustercalls/path-taken.js");
        HttpResponse<String> plugin = get("/camunda/app/cockpit/scripts/clustercalls/path-taken.js", null);
        assertThat(plugin.statusCode()).isEqualTo(200);
        assertThat(plugin.body()).contains("cockpit.processInstance.runtime.tab", "cockpit.processInstance.diagram.plugin",
                "/history/activity-instance");
    }

    @Test
    void tasklistLoadsTheStaffLanguageScriptAndKeepsItsShortcuts() throws Exception {
        HttpResponse<String> config = get("/camunda/app/tasklist/scripts/config.js", null);
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).contains("scripts/clustercalls/staff-language.js", "claimTask", "startProcess");
        HttpResponse<String> script = get("/camunda/app/tasklist/scripts/clustercalls/staff-language.js", null);
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("/staff/language", "MutationObserver");
    }

    @Test
    void theEngineRestApiAsksForCredentials() throws Exception {
        assertThat(get("/engine-rest/process-definition", null).statusCode()).isEqualTo(401);
        assertThat(get("/engine-rest/process-definition", basic("joan.riera", "wrong-password")).statusCode()).isEqualTo(401);
        assertThat(get("/engine-rest/process-definition", basic("nobody", "admin-demo-2026")).statusCode()).isEqualTo(401);
    }

    @Test
    void theDemoAdministratorReadsTheDeployedProcesses() throws Exception {
        HttpResponse<String> definitions = get("/engine-rest/process-definition", basic("admin", "admin-demo-2026"));

        assertThat(definitions.statusCode()).isEqualTo(200);
        JsonNode list = json.readTree(definitions.body());
        assertThat(list.findValuesAsText("key")).contains("funding-call", "application");
    }

    @Test
    void theOpenCallsIncludeTheMontrealDemoCall() throws Exception {
        HttpResponse<String> calls = get("/api/calls", null);

        assertThat(calls.statusCode()).isEqualTo(200);
        JsonNode list = json.readTree(calls.body());
        assertThat(list.findValuesAsText("title")).contains("ADMANTEX2i – Business mission to Montreal");
        assertThat(list.findValuesAsText("destinationCity")).contains("Montreal");
    }

    @Test
    void aDemoSmeUserSeesItsApplication() throws Exception {
        HttpResponse<String> applications = get("/api/applications", basic("marta.puig", "sme-demo-2026"));

        assertThat(applications.statusCode()).isEqualTo(200);
        JsonNode list = json.readTree(applications.body());
        assertThat(list.findValuesAsText("callTitle")).containsExactlyInAnyOrder(
                "ADMANTEX2i – Business mission to Montreal", "TEXGLOBAL – Delegation to Techtextil North America, Atlanta",
                "EXTRATEX – Business mission to New York");
        assertThat(list.findValuesAsText("status"))
                .as("Montreal in review; Atlanta scored by its two evaluators; New York selected and confirmed")
                .containsExactlyInAnyOrder("IN_REVIEW", "EVALUATED", "CONFIRMED");
    }

    @Test
    void theDemoSmeFindsItsNewYorkExpenseClaimOpen() throws Exception {
        JsonNode list = json.readTree(get("/api/applications", basic("marta.puig", "sme-demo-2026")).body());
        JsonNode newYork = null;
        for (JsonNode application : list) {
            if (application.get("callTitle").asText().contains("New York")) {
                newYork = application;
            }
        }
        assertThat(newYork).as("the New York application").isNotNull();

        HttpResponse<String> claim = get("/api/applications/" + newYork.get("id").asLong() + "/expense-claim",
                basic("marta.puig", "sme-demo-2026"));

        assertThat(claim.statusCode()).isEqualTo(200);
        JsonNode view = json.readTree(claim.body());
        assertThat(view.get("status").asText()).isEqualTo("OPEN");
        assertThat(Instant.parse(view.get("dueAt").asText())).as("30 days after the mission ended six days ago")
                .isBetween(Instant.now().plus(Duration.ofDays(23)), Instant.now().plus(Duration.ofDays(26)));
        assertThat(get("/api/exchange-rates", basic("joan.riera", "finance-demo")).body())
                .as("finance loaded the dollar rate of the mission's week").contains("1.163");
    }

    @Test
    void anSmeUserIsKeptOutOfTheEngineRestApi() throws Exception {
        HttpResponse<String> tasks = get("/engine-rest/task", basic("marta.puig", "sme-demo-2026"));

        assertThat(tasks.statusCode()).isEqualTo(403);
        assertThat(tasks.body()).contains("for cluster staff").doesNotContain("Teixits");
    }

    @Test
    void anEvaluatorOfFomentexSeesNoTaskOfAeiTextils() throws Exception {
        JsonNode aeiTasks = json.readTree(get("/engine-rest/task", basic("anna.roca", "manager-demo")).body());
        assertThat(aeiTasks.findValuesAsText("tenantId")).as("the demo's AEI tasks, as a call manager of AEI sees them")
                .isNotEmpty().containsOnly("aei-textils");

        HttpResponse<String> fomentex = get("/engine-rest/task", basic("xoan.lopez", "evaluator-demo"));
        assertThat(fomentex.statusCode()).isEqualTo(200);
        assertThat(json.readTree(fomentex.body())).isEmpty();
        HttpResponse<String> history = get("/engine-rest/history/process-instance", basic("iria.castro", "manager-demo"));
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(json.readTree(history.body())).as("FOMENTEX has no call yet, and sees none of AEI's").isEmpty();
    }

    @Test
    void apiAnswersCarryTheSecurityHeaders() throws Exception {
        HttpResponse<String> calls = get("/api/calls", null);

        assertThat(calls.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'"));
        assertThat(calls.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(calls.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(calls.headers().firstValue("Referrer-Policy")).contains("same-origin");
    }

    @Test
    void tasklistPagesCarryTheSecurityHeaders() throws Exception {
        HttpResponse<String> page = get("/camunda/app/tasklist/", null);

        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("frame-ancestors 'none'"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("same-origin");
    }

    @Test
    void tasklistSignInGivesAnHttpOnlySameSiteSessionCookieAndKeepsSmeUsersOut() throws Exception {
        HttpResponse<String> staff = signInToTasklist("roser.camps", "reviewer-demo");
        assertThat(staff.statusCode()).as(staff.body()).isEqualTo(200);
        assertThat(staff.headers().allValues("Set-Cookie")).filteredOn(cookie -> cookie.startsWith("JSESSIONID="))
                .singleElement().satisfies(cookie -> assertThat(cookie).contains("HttpOnly", "SameSite=Lax"));

        HttpResponse<String> sme = signInToTasklist("marta.puig", "sme-demo-2026");
        assertThat(sme.statusCode()).as("an SME user may not use Tasklist").isIn(401, 403);
    }

    /** As Tasklist's sign-in page does: open the app for the session and its CSRF token, then post the form. */
    private HttpResponse<String> signInToTasklist(String user, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/camunda/app/tasklist/")).build(),
                HttpResponse.BodyHandlers.ofString());
        String token = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aChangeWithoutTheCsrfTokenIsRefusedAndOneWithItGoesThrough() throws Exception {
        String extension = "{\"reason\":\"More time\"}";
        HttpResponse<String> forged = send(post("/api/calls/1/extension", extension)
                .header("Authorization", basic("anna.roca", "manager-demo")));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(json.readTree(forged.body()).get("detail").asText()).contains("CSRF token", "GET /api/csrf-token");

        HttpResponse<String> tokenAnswer = get("/api/csrf-token", null);
        String token = json.readTree(tokenAnswer.body()).get("token").asText();
        assertThat(tokenAnswer.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("CLUSTERCALLS-CSRF=" + token).contains("SameSite=Strict"));
        HttpResponse<String> sent = send(post("/api/calls/1/extension", extension)
                .header("Authorization", basic("anna.roca", "manager-demo"))
                .header("X-CSRF-TOKEN", token).header("Cookie", "CLUSTERCALLS-CSRF=" + token));
        assertThat(sent.statusCode()).as("past the CSRF check, the request itself is checked").isEqualTo(400);
        assertThat(sent.body()).contains("Please give the new closing date.");
    }

    private HttpRequest.Builder post(String path, String json) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void theApiDescriptionIsPublished() throws Exception {
        HttpResponse<String> docs = get("/v3/api-docs", null);

        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode description = json.readTree(docs.body());
        assertThat(description.get("openapi").asText()).startsWith("3.");
        assertThat(description.get("paths").has("/api/calls")).isTrue();
        assertThat(description.get("paths").has("/api/calls/{callId}/applications")).isTrue();
    }

    @Test
    void everyDemoUserHasTheDemoEmailDomainByWhichAProductionStartRefusesThem() {
        long users = identityService.createUserQuery().count();

        assertThat(users).isPositive();
        assertThat(identityService.createUserQuery().userEmailLike("%@demo.clustercalls.eu").count()).isEqualTo(users);
    }

    @Test
    void theHealthCheckSaysUp() throws Exception {
        HttpResponse<String> health = get("/actuator/health", null);

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json.readTree(health.body()).get("status").asText()).isEqualTo("UP");
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
