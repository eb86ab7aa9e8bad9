package eu.clustercalls.portal;

import static eu.clustercalls.reimbursement.ClaimFixtures.item;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import eu.clustercalls.Scenario;
import eu.clustercalls.call.ExpenseCategory;
import eu.clustercalls.document.DocumentService;
import eu.clustercalls.document.DocumentSummary;
import eu.clustercalls.reimbursement.ClaimFixtures;
import eu.clustercalls.reimbursement.ClaimSetup;
import eu.clustercalls.reimbursement.ExpenseClaim;
import eu.clustercalls.reimbursement.ReimbursementProcess;
import eu.clustercalls.reimbursement.Upload;
import eu.clustercalls.security.Roles;

/**
 * Finance opens a claim's receipt from "Verify claim" in the browser signed in to Tasklist: its link downloads the
 * file, with no second sign-in, until they sign out. Nobody else gets it through that address: not the staff of another
 * cluster signed in to Tasklist, not the cluster's own reviewer, not an anonymous caller, and HTTP Basic brings no
 * password prompt.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.generate-unique-process-engine-name=false")
@ActiveProfiles("test")
@Import({Scenario.class, ClaimFixtures.class, ClaimSetup.class})
@DirtiesContext
class ReceiptDownloadBrowserTest {

    private static final String SIGN_IN_FIRST = "Please sign in to Tasklist, then open the document again from its task.";

    @LocalServerPort
    int port;
    @Autowired
    Scenario scenario;
    @Autowired
    ClaimSetup setup;
    @Autowired
    ClaimFixtures fixtures;
    @Autowired
    DocumentService documents;
    @Autowired
    TaskService taskService;

    @AfterEach
    void resetClock() {
        ClockUtil.reset(); // the claim opened after the activity: the engine's clock was moved past it
    }

    @Test
    void financeDownloadsAReceiptFromVerifyClaimInItsTasklistSessionAndNobodyElseCan() throws Exception {
        ClaimSetup.Participant sme = setup.openClaim(new BigDecimal("2000"));
        byte[] receipt = ClaimFixtures.pdf("flight to Montreal " + Scenario.next());
        ExpenseClaim claim = fixtures.submit(sme.application(), ClaimFixtures.input(5,
                item(ExpenseCategory.TRAVEL, "480.00", "EUR", sme.call().getActivityStart(), "flight")),
                List.of(new Upload("flight", "flight.pdf", receipt),
                        new Upload("boarding-pass", "pass.png", ClaimFixtures.png("pass " + Scenario.next()))));
        scenario.runJobs();
        Task verify = fixtures.task(sme.application(), ReimbursementProcess.TASK_VERIFY_CLAIM);
        String finance = sme.cluster().verifier();
        taskService.claim(verify.getId(), finance);
        DocumentSummary flight = documents.ofClaim(claim.getId()).stream()
                .filter(file -> file.getFileName().equals("flight.pdf")).findFirst().orElseThrow();
        String path = "/staff/claims/" + claim.getId() + "/documents/" + flight.getId();
        String root = "http://localhost:" + port;
        Path downloads = Files.createTempDirectory("clustercalls-downloads");

        try (Browser browser = Browser.open(root, "receipt-download", "en")) {
            browser.driver().manage().window().setSize(new Dimension(1280, 1600));
            ((ChromeDriver) browser.driver()).executeCdpCommand("Browser.setDownloadBehavior",
                    Map.of("behavior", "allow", "downloadPath", downloads.toString()));
            browser.visit("/camunda/app/tasklist/default/");
            browser.signInToWebapp(finance, Scenario.PASSWORD);
            browser.visit("/camunda/app/tasklist/default/#/?task=" + verify.getId());
            WebElement link = browser.waitFor(d -> d.findElement(By.linkText("flight.pdf")));
            assertThat(link.getAttribute("href")).isEqualTo(root + path);
            WebElement line = link.findElement(By.xpath("./ancestor::li[1]"));
            assertThat(line.getText()).isEqualTo("flight.pdf — receipt of item 1, PDF, " + receipt.length + " bytes");
            browser.screenshot("verify-claim-documents", 1280, 1600);

            // Clicked from the page's script, as the other Tasklist tests do: chromedriver's own click started no download.
            browser.clickByScript(By.linkText("flight.pdf"));

            Path downloaded = downloads.resolve("flight.pdf");
            StaffDesk.await("the download of flight.pdf", () -> Files.exists(downloaded) ? true : null);
            assertThat(Files.readAllBytes(downloaded)).as("the receipt's bytes, downloaded in the Tasklist session")
                    .isEqualTo(receipt);
            assertThat(browser.driver().getCurrentUrl()).as("Tasklist stays open").contains("/camunda/app/tasklist/");
        }

        HttpClient session = signedInToTasklist(finance);
        HttpResponse<byte[]> own = get(session, path);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).isEqualTo(receipt);
        assertThat(own.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(own.headers().firstValue("Content-Disposition")).get().asString().startsWith("attachment;")
                .contains("flight.pdf");
        assertThat(own.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(own.headers().firstValue("Cache-Control")).get().asString().contains("no-store", "private");
        signOutOfTasklist(session, finance);
        assertRefused(get(session, path), 401, SIGN_IN_FIRST);

        Scenario.Cluster other = scenario.cluster();
        assertRefused(get(signedInToTasklist(other.verifier()), path), 404,
                "There is no document " + flight.getId() + " of claim " + claim.getId() + " that you may see.");
        assertRefused(get(signedInToTasklist(sme.cluster().reviewer()), path), 404,
                "There is no document " + flight.getId() + " of claim " + claim.getId() + " that you may see.");
        assertRefused(get(HttpClient.newHttpClient(), path), 401, SIGN_IN_FIRST);
        HttpResponse<byte[]> basic = send(HttpClient.newHttpClient(), HttpRequest.newBuilder(URI.create(root + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (finance + ":" + Scenario.PASSWORD).getBytes(StandardCharsets.UTF_8))).build());
        assertRefused(basic, 401, SIGN_IN_FIRST);
        assertThat(scenario.groupsOf(other.verifier())).contains(Roles.FINANCE);
    }

    private static void assertRefused(HttpResponse<byte[]> response, int status, String message) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(message);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("text/plain");
        assertThat(response.headers().firstValue("WWW-Authenticate")).as("no password prompt").isEmpty();
    }

    /** A browser's session signed in on Tasklist's page, as Tasklist sends the form. */
    private HttpClient signedInToTasklist(String user) {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<byte[]> page = send(client, HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/camunda/app/tasklist/")).build());
        String token = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        HttpResponse<byte[]> signedIn = send(client, HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(Scenario.PASSWORD, StandardCharsets.UTF_8)))
                .build());
        assertThat(signedIn.statusCode()).as("%s signs in to Tasklist", user).isEqualTo(200);
        return client;
    }

    /** Tasklist's "Sign out", with the token the signed-in session's first read hands out. */
    private void signOutOfTasklist(HttpClient client, String user) {
        HttpResponse<byte[]> profile = get(client, "/camunda/api/engine/engine/default/user/" + user + "/profile");
        String token = profile.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        HttpResponse<byte[]> signedOut = send(client, HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/camunda/api/admin/auth/user/default/logout"))
                .header("X-XSRF-TOKEN", token).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(signedOut.statusCode()).as("%s signs out of Tasklist", user).isBetween(200, 299);
    }

    private HttpResponse<byte[]> get(HttpClient client, String path) {
        return send(client, HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build());
    }

    private static HttpResponse<byte[]> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
