package eu.clustercalls.portal;

import static eu.clustercalls.reimbursement.ClaimFixtures.item;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import eu.clustercalls.Scenario;
import eu.clustercalls.call.ExpenseCategory;
import eu.clustercalls.call.FundingCall;
import eu.clustercalls.reimbursement.ClaimFixtures;
import eu.clustercalls.reimbursement.ClaimSetup;

/**
 * Every portal page on a 360 px phone, in Catalan: the page never scrolls sideways (tables stack their rows, each cell
 * under its column's name), and the header takes two lines at most. Screenshots under
 * target/portal-screenshots/phone-width. The site's icon is there for every browser, signed in or not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.generate-unique-process-engine-name=false")
@ActiveProfiles("test")
@Import({Scenario.class, ClaimFixtures.class, ClaimSetup.class})
@DirtiesContext
class PhoneWidthBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    Scenario scenario;
    @Autowired
    ClaimSetup setup;
    @Autowired
    ClaimFixtures fixtures;

    @AfterEach
    void resetClock() {
        ClockUtil.reset(); // the claim opened after the activity: the engine's clock was moved past it
    }

    @Test
    void everyPortalPageFitsAPhoneInCatalanWithAHeaderOfTwoLinesAtMost() throws Exception {
        ClaimSetup.Participant sme = setup.openClaim(new BigDecimal("2000"));
        FundingCall another = scenario.publishedCall(sme.cluster());
        String application = "/portal/applications/" + sme.application().getId();

        try (Browser browser = Browser.open("http://localhost:" + port, "phone-width", "ca")) {
            fits(browser, "/portal/sign-in", "sign-in");
            fits(browser, "/portal/sign-up", "sign-up");
            browser.visit("/portal/sign-in");
            browser.type("username", scenario.applicantOf(sme.application()));
            browser.type("password", Scenario.PASSWORD);
            browser.driver().findElement(By.cssSelector("main form button[type=submit]")).click();
            browser.waitFor(d -> browser.all("a[href='/portal/todo']").isEmpty() ? null : true);

            fits(browser, "/portal", "calls");
            fits(browser, "/portal/calls/" + another.getId(), "call");
            fits(browser, "/portal/calls/" + another.getId() + "/apply", "apply");
            fits(browser, "/portal/applications", "applications");
            fits(browser, "/portal/todo", "todo");
            fits(browser, application + "/claim", "claim-form");
            fits(browser, "/portal/company", "company");

            // A claim sent with long descriptions: its item table, on the claim's page and the application's.
            fixtures.submit(sme.application(), ClaimFixtures.input(5,
                    item(ExpenseCategory.TRAVEL, "1480.00", "EUR", sme.call().getActivityStart(),
                            "Vol d’anada i tornada Barcelona – Montreal amb equipatge facturat i canvi de data"),
                    item(ExpenseCategory.ACCOMMODATION, "2356.40", "CAD", sme.call().getActivityStart(),
                            "Hotel de quatre nits al centre de Montreal, a prop del recinte de la fira")));
            scenario.runJobs();
            fits(browser, application + "/claim", "claim-items");
            assertThat(browser.all("#claim-items td[data-label]")).as("the item table's cells carry their column's name")
                    .isNotEmpty();
            fits(browser, application, "application");
        }
    }

    @Test
    void theSiteIconIsThereForEveryBrowser() throws Exception {
        HttpResponse<byte[]> icon = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/favicon.ico")).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type")).get().asString().contains("icon");
        assertThat(icon.body()).as("an icon file's header").startsWith(0, 0, 1, 0);
    }

    /** The page at 360 px: no sideways scrolling, the header in two lines at most, in Catalan with every text. */
    private static void fits(Browser browser, String path, String name) {
        browser.visit(path + (path.contains("?") ? "&" : "?") + "lang=ca");
        browser.waitFor(d -> d.findElement(By.id("main")));
        browser.screenshot(name);
        assertThat(browser.lang()).isEqualTo("ca");
        assertThat(browser.pageText()).as("texts missing on %s", path).doesNotContain("??");
        browser.assertFitsPhoneWidth();
        JavascriptExecutor script = (JavascriptExecutor) browser.driver();
        // Rows of the header's parts (the name, the menu, the languages): a part starts a row below the last one's.
        Long headerRows = (Long) script.executeScript("const boxes = Array.from("
                + "document.querySelectorAll('header.top > *')).filter(e => e.offsetParent !== null)"
                + ".map(e => e.getBoundingClientRect()).sort((a, b) => a.top - b.top);"
                + "let rows = 0, bottom = -Infinity;"
                + "for (const box of boxes) { if (box.top >= bottom - 1) { rows++; bottom = box.bottom; }"
                + " else { bottom = Math.max(bottom, box.bottom); } }"
                + "return rows;");
        assertThat(headerRows).as("the header's lines on %s", path).isLessThanOrEqualTo(2);
        for (String list : List.of("main-nav", "languages")) {
            List<?> rows = (List<?>) script.executeScript("return [...new Set(Array.from(document.querySelectorAll("
                    + "'header ." + list + " li')).map(e => Math.round(e.getBoundingClientRect().top)))]");
            assertThat(rows).as("the lines of the header's %s on %s", list, path).hasSize(1);
        }
    }
}
