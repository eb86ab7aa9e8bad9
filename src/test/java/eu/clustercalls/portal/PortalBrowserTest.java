package eu.clustercalls.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The portal in a real browser, on the embedded default with its demo data as a newcomer starts it: an SME signs up,
 * applies to the Montreal call, and follows its application to payment while the cluster's staff decide through the
 * engine REST API; in Spanish, at a phone's width. Screenshots of every step are under target/portal-screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // Sign-ins cost one hash each: fewer rounds than production keeps the test quick.
        "clustercalls.password-hash-iterations=1000",
        // The job executor looks for due jobs at least every second, so each step follows the last at once.
        "camunda.bpm.job-execution.max-wait=1000"})
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalBrowserTest {

    private static final String DATABASE = "./target/portal-browser-test-" + UUID.randomUUID() + "/clustercalls";
    private static final Map<String, String> PASSWORDS = Map.of("admin", "admin-demo-2026",
            "roser.camps", "reviewer-demo", "anna.roca", "manager-demo", "oriol.serra", "manager-demo",
            "eva.marti", "evaluator-demo", "marc.sala", "evaluator-demo", "clara.vives", "evaluator-demo",
            "joan.riera", "finance-demo", "montse.vila", "finance-demo");

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + DATABASE);
    }

    @LocalServerPort
    int port;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MessageSource messages;

    @AfterEach
    void realTimeAgain() {
        ClockUtil.reset();
    }

    @Test
    @Order(2)
    void smeSignsUpAppliesAndFollowsItsApplicationToPayment() throws Exception {
        StaffDesk staff = new StaffDesk(baseUrl(), PASSWORDS, tasks, runtime, management);
        String vat = "ESB" + (10_000_000 + (int) (Math.random() * 89_999_999)) / 10 + "7";
        try (Browser browser = Browser.open(baseUrl(), "sme-to-payment-in-spanish", "es")) {
            // 1. The open calls, and the sign-up of a new company with its first user.
            browser.visit("/portal");
            assertThat(browser.lang()).isEqualTo("es");
            assertThat(browser.pageText()).contains("ADMANTEX2i – Business mission to Montreal", "cierra en");
            browser.assertFitsPhoneWidth();
            browser.screenshot("open-calls");
            browser.visit("/portal/sign-up");
            browser.assertEveryFieldLabelled();
            // Of the repeated rows only the first shows; a button adds the next and puts the cursor in it.
            assertThat(browser.find("related1Name").isDisplayed()).isFalse();
            browser.click("related-add");
            assertThat(browser.find("related1Name").isDisplayed()).isTrue();
            assertThat(browser.focused().getAttribute("id")).isEqualTo("related1Name");
            browser.type("legalName", "Teixits Nous de Manresa SL");
            browser.choose("country", "ES");
            // A VAT number of the wrong format is refused next to its field, which gets the focus.
            browser.type("vatNumber", "ES123");
            browser.click("sign-up-submit");
            assertThat(browser.text("vatNumber-error")).isNotBlank();
            assertThat(browser.focused().getAttribute("id")).isEqualTo("vatNumber");
            browser.assertErrorsTiedToFields();
            browser.screenshot("sign-up-error");
            browser.type("vatNumber", vat);
            browser.type("city", "Manresa");
            browser.type("naceCode", "13.20");
            browser.type("staffHeadcount", "12");
            browser.type("annualTurnover", "1500000");
            browser.type("balanceSheetTotal", "900000");
            browser.choose("clusterId", "aei-textils");
            browser.type("memberNumber", "AEI-0321");
            browser.type("username", "nuria.manresa");
            browser.type("firstName", "Núria");
            browser.type("lastName", "Serrat");
            browser.type("email", "nuria@teixits-nous.example");
            browser.type("password", "a long enough password");
            browser.type("passwordRepeat", "a long enough password");
            browser.assertFitsPhoneWidth();
            browser.screenshot("sign-up-form");
            browser.click("sign-up-submit");
            // The answer names the address only; the link in the mail (read from the outbox) finishes the sign-up.
            browser.waitFor(d -> browser.path().equals("/portal/sign-up/sent"));
            assertThat(browser.text("sign-up-sent")).contains("nuria@teixits-nous.example");
            browser.screenshot("sign-up-sent");
            browser.visit(SignUps.link(jdbc, "nuria@teixits-nous.example"));
            assertThat(browser.text("confirm-username")).isEqualTo("nuria.manresa");
            browser.assertFitsPhoneWidth();
            browser.screenshot("sign-up-confirm");
            browser.click("confirm-sign-up");
            browser.waitFor(d -> browser.path().equals("/portal/sign-up/welcome"));
            assertThat(browser.text("signed-up")).contains("nuria.manresa");
            browser.screenshot("signed-up");
            browser.signOut();

            // 2. The cluster confirms the membership number, on its dashboard.
            signIn(browser, "anna.roca", "manager-demo");
            browser.visit("/dashboard/memberships");
            assertThat(browser.pageText()).contains("Teixits Nous de Manresa SL", "AEI-0321");
            browser.screenshot("membership-to-confirm");
            WebElement confirm = browser.all("button[id^='confirm-membership-']").get(0);
            browser.click(confirm.getAttribute("id"));
            browser.waitFor(d -> !browser.pageText().contains("AEI-0321"));
            browser.signOut();

            // 3. The SME applies to the Montreal call: draft, preview, declarations, submit.
            signInWithTheKeyboard(browser, "nuria.manresa", "a long enough password");
            Long montreal = jdbc.queryForObject("select id from funding_call where title like '%Montreal%'", Long.class);
            browser.visit("/portal/calls/" + montreal);
            browser.screenshot("montreal-call");
            browser.visit("/portal/calls/" + montreal + "/apply");
            browser.assertEveryFieldLabelled();
            browser.type("motivation", "Canadian buyers of technical fabrics look for European suppliers.");
            browser.type("targetMarkets", "Canada, Quebec");
            browser.click("save-draft");
            assertThat(browser.text("draft-status")).startsWith("Borrador guardado");
            browser.screenshot("draft-saved");
            browser.type("exportExperience", "We export to France and Portugal.");
            browser.type("requestedAmount", "1900");
            browser.type("participant0FullName", "Núria Serrat");
            browser.type("participant0JobTitle", "Export manager");
            browser.click("preview");
            browser.find("submit-application");
            browser.assertFitsPhoneWidth();
            browser.screenshot("preview");
            for (String declaration : List.of("smeStatus", "deMinimis", "noDoubleFunding", "dataProtection")) {
                browser.tick(declaration);
            }
            browser.click("submit-application");
            browser.waitFor(d -> browser.path().matches("/portal/applications/\\d+.*"));
            long applicationId = Long.parseLong(browser.path().replaceAll("/portal/applications/(\\d+).*", "$1"));
            browser.screenshot("submitted");
            String process = jdbc.queryForObject("select process_instance_id from application where id = ?",
                    String.class, applicationId);

            // 4. Staff decide through the API: every Montreal application reviewed, the eligible ones evaluated,
            // the call closed (its timer moved to now, as in Cockpit) and the selection approved.
            List<String> montrealProcesses = jdbc.queryForList(
                    "select process_instance_id from application where call_id = ?", String.class, montreal);
            String callProcess = jdbc.queryForObject("select process_instance_id from funding_call where id = ?",
                    String.class, montreal);
            for (Task review : staff.awaitTasks("task_eligibility_review", montrealProcesses, montrealProcesses.size())) {
                staff.complete("roser.camps", review, Map.of("reviewDecision", "CONFIRM"));
            }
            browser.visit("/portal/applications/" + applicationId);
            assertThat(browser.find("timeline").findElement(By.cssSelector("[data-step='eligibility']")).getAttribute("class"))
                    .contains("done");
            browser.screenshot("eligible");
            Integer eligible = jdbc.queryForObject("select count(*) from application where call_id = ? and eligible = true",
                    Integer.class, montreal);
            // Each eligible application is scored by as many evaluators as the call asks for, each as they are assigned.
            StaffDesk.await("the evaluations of " + eligible + " applications", () -> {
                for (Task evaluation : tasks.createTaskQuery().taskDefinitionKey("task_evaluate").list()) {
                    if (montrealProcesses.contains(evaluation.getProcessInstanceId())) {
                        staff.complete(evaluation.getAssignee(), evaluation, Map.of("conflictOfInterest", "NO",
                                "scoreRelevance", 9, "scoreReadiness", 8, "scoreRepresentation", 4,
                                "evaluationComment", "A clear plan for the Canadian market."));
                    }
                }
                return eligible.equals(jdbc.queryForObject("select count(*) from application where call_id = ? "
                        + "and status = 'EVALUATED'", Integer.class, montreal)) ? true : null;
            });
            staff.fireTimers("timer_closing_date", List.of(callProcess));
            Task decision = staff.awaitTasks("task_selection_decision", List.of(callProcess), 1).get(0);
            staff.complete("oriol.serra", decision, Map.of("selectionDecision", "APPROVE"));
            staff.awaitTasks("task_confirm_participation", List.of(process), 1);

            // 5. The SME confirms its place in "To do", and reads its result with the scores.
            browser.visit("/portal/todo");
            browser.screenshot("to-do-confirm");
            browser.click("confirm-participation-" + applicationId);
            // The same page comes back, with the notice that says it is done.
            browser.waitFor(d -> browser.path().startsWith("/portal/todo?done=confirmed"));
            browser.visit("/portal/applications/" + applicationId);
            browser.waitFor(d -> browser.text("application-status").equals(spanish("applications.status.CONFIRMED")));
            browser.screenshot("confirmed");

            // 6. After the mission (the clock moved past its last day), the claim with a receipt.
            LocalDate activityEnd = jdbc.queryForObject("select activity_end from funding_call where id = ?",
                    LocalDate.class, montreal);
            LocalDate activityStart = jdbc.queryForObject("select activity_start from funding_call where id = ?",
                    LocalDate.class, montreal);
            ClockUtil.setCurrentTime(Date.from(activityEnd.plusDays(2).atTime(9, 0).toInstant(ZoneOffset.UTC)));
            staff.awaitTasks("task_submit_claim", List.of(process), 1);
            Path receipt = pdf("receipt", "Air Canada BCN-YUL return");
            Path badge = pdf("badge", "ADMANTEX2i attendance list");
            browser.visit("/portal/todo");
            browser.click("claim-" + applicationId);
            browser.assertEveryFieldLabelled();
            browser.choose("item0Category", "TRAVEL");
            browser.type("item0Description", "Return flight Barcelona–Montreal");
            browser.setDate("item0Date", activityStart);
            browser.type("item0Amount", "850,40");
            browser.choose("item0Currency", "EUR");
            browser.attach("item0Receipt", receipt);
            browser.attach("attendanceProof", badge);
            browser.type("daysAttended", "5");
            browser.type("missionReport", "We met six buyers in Montreal; two asked for samples.");
            browser.type("iban", "ES9121000418450200051332");
            browser.type("accountHolder", "Teixits Nous de Manresa SL");
            browser.waitFor(d -> browser.text("eligible-total").contains("850,40"));
            browser.assertFitsPhoneWidth();
            browser.screenshot("claim-form");
            browser.click("submit-claim");
            browser.waitFor(d -> browser.path().equals("/portal/applications/" + applicationId + "?claimed"));
            browser.screenshot("claimed");
            assertThat(browser.find("claimed").getAttribute("role")).isEqualTo("status");
            assertThat(browser.text("claimed")).contains("enviada: el equipo financiero la está revisando");
            assertThat(browser.text("application-status")).isEqualTo(spanish("applications.badge.SUBMITTED"));
            assertThat(browser.find("timeline").findElement(By.cssSelector("[data-step='paid']")).getAttribute("class"))
                    .as("not paid, not in progress, before finance has looked").isEmpty();

            // 7. Finance verifies and approves; the payment is made and the SME sees it paid.
            Task verify = staff.awaitTasks("task_verify_claim", List.of(process), 1).get(0);
            staff.complete("joan.riera", verify, Map.of("verification", "APPROVE"));
            Task approve = staff.awaitTasks("task_approve_payment", List.of(process), 1).get(0);
            staff.complete("montse.vila", approve, Map.of("paymentDecision", "APPROVE",
                    "paymentComment", "Receipts checked."));
            StaffDesk.await("the payment", () -> "REIMBURSED".equals(jdbc.queryForObject(
                    "select status from application where id = ?", String.class, applicationId)) ? true : null);
            browser.visit("/portal/applications/" + applicationId);
            assertThat(browser.text("application-status")).isEqualTo(spanish("applications.status.REIMBURSED"))
                    .isEqualTo("Pagada");
            assertThat(browser.find("timeline").findElement(By.cssSelector("[data-step='paid']")).getAttribute("class"))
                    .contains("done");
            assertThat(browser.pageText()).contains("850,40").doesNotContain("??");
            browser.assertFitsPhoneWidth();
            browser.screenshot("paid");
        }
    }

    /** First: the other test moves the clock past the mission, after which no demo call is open any more. */
    @Test
    @Order(1)
    void aCatalanReaderSeesThePortalInCatalan() throws Exception {
        try (Browser browser = Browser.open(baseUrl(), "catalan", "en")) {
            browser.visit("/portal");
            assertThat(browser.lang()).isEqualTo("en");
            browser.clickLink("Català");
            browser.waitFor(d -> "ca".equals(browser.lang()));
            assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Convocatòries obertes");
            assertThat(browser.pageText()).contains("tanca d’aquí a", "Destinació", "Ajut màxim", "2.000,00 €")
                    .doesNotContain("Open calls", "??");
            browser.screenshot("open-calls-in-catalan");

            // The choice stays as the reader moves on, also on the sign-up page.
            browser.visit("/portal/sign-up");
            assertThat(browser.lang()).isEqualTo("ca");
            assertThat(browser.pageText()).doesNotContain("??");
            assertThat(browser.driver().findElement(By.cssSelector("label[for='vatNumber']")).getText()).isNotBlank();
            browser.screenshot("sign-up-in-catalan");
        }
    }

    private String spanish(String key) {
        return messages.getMessage(key, null, Locale.forLanguageTag("es"));
    }

    private void signIn(Browser browser, String username, String password) {
        browser.visit("/portal/sign-in");
        browser.type("username", username);
        browser.type("password", password);
        browser.find("password").submit();
        browser.waitFor(d -> !browser.path().startsWith("/portal/sign-in"));
    }

    /** Tab to the skip link, jump to the form, type, press Enter: no mouse. */
    private void signInWithTheKeyboard(Browser browser, String username, String password) {
        browser.visit("/portal/sign-in");
        browser.press(Keys.TAB);
        assertThat(browser.focused().getAttribute("class")).isEqualTo("skip");
        browser.press(Keys.ENTER);
        browser.press(Keys.TAB);
        assertThat(browser.focused().getAttribute("id")).isEqualTo("username");
        browser.press(username, Keys.TAB);
        assertThat(browser.focused().getAttribute("id")).isEqualTo("password");
        browser.press(password, Keys.ENTER);
        browser.waitFor(d -> !browser.path().startsWith("/portal/sign-in"));
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }

    private static Path pdf(String name, String text) throws Exception {
        Path file = Files.createTempFile(name, ".pdf");
        Files.write(file, ("%PDF-1.4\n% " + text + "\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII));
        return file;
    }
}
