package eu.clustercalls.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The Camunda webapps in a real browser, as staff see them: Camunda 7 CE's end-of-support banner, which is for
 * operators (README, Operations), is in the page but not on screen, and each page starts right under its header,
 * as it does without the banner. The engine has its default name, as the webapps' addresses name it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.generate-unique-process-engine-name=false")
@ActiveProfiles("test")
@DirtiesContext
class VendorBannerBrowserTest {

    @LocalServerPort
    int port;
    @Value("${clustercalls.admin.password}")
    String adminPassword;

    @Test
    void noStaffScreenShowsTheVendorBannerAndNoneLeavesItsPlaceEmpty() throws Exception {
        try (Browser browser = Browser.open("http://localhost:" + port, "vendor-banner", "en")) {
            browser.driver().manage().window().setSize(new Dimension(1280, 900));
            browser.visit("/camunda/app/tasklist/default/");
            browser.waitFor(d -> d.findElement(By.cssSelector("form[name=signinForm]")));
            assertNoBanner(browser, "tasklist-sign-in");
            browser.signInToWebapp("admin", adminPassword);
            for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
                browser.visit("/camunda/app/" + app + "/default/");
                assertNoBanner(browser, app);
            }
        }
    }

    private static void assertNoBanner(Browser browser, String screen) {
        // Drawn with the header once the page's texts are loaded: then it is known to be there, and hidden.
        WebElement banner = browser.waitFor(d -> d.findElements(By.cssSelector("[cam-widget-header] .ce-eol-banner"))
                .stream().filter(element -> element.getAttribute("textContent").contains("Camunda 8")).findFirst()
                .orElse(null));
        browser.screenshot(screen, 1280, 900);
        assertThat(banner.isDisplayed()).as("the banner on %s", screen).isFalse();
        assertThat(browser.driver().findElement(By.tagName("body")).getText()).as("what %s shows", screen)
                .doesNotContain("Camunda 8", "migrate");
        // Where the page's content starts: the body's top padding and the top of the apps' own frames.
        @SuppressWarnings("unchecked")
        Map<String, Object> layout = (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeScript("""
                const header = document.querySelector('[cam-widget-header]').getBoundingClientRect().bottom;
                const frames = Array.from(document.querySelectorAll('.page-wrap, .ctn-main'))
                    .filter(e => e.offsetParent !== null).map(e => e.getBoundingClientRect().top);
                return {header: header, body: parseFloat(getComputedStyle(document.body).paddingTop), frames: frames};
                """);
        double header = ((Number) layout.get("header")).doubleValue();
        assertThat(((Number) layout.get("body")).doubleValue()).as("the body's top on %s", screen).isEqualTo(header);
        assertThat((List<?>) layout.get("frames")).as("the frames' tops on %s", screen)
                .allSatisfy(top -> assertThat(((Number) top).doubleValue()).isEqualTo(header));
    }
}
