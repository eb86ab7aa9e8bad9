package eu.clustercalls.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A demo company's user keeps its figures and de minimis aid up to date in a real browser, in Catalan, at a phone's
 * width: a refused value is shown next to its field, the corrected one is saved as a new revision of the figures.
 * Screenshots under target/portal-screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "clustercalls.password-hash-iterations=1000")
@DirtiesContext
class CompanyBrowserTest {

    private static final String DATABASE = "./target/company-browser-test-" + UUID.randomUUID() + "/clustercalls";

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + DATABASE);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCompanysUserCorrectsARefusedFigureAndDeclaresAid() throws Exception {
        try (Browser browser = Browser.open("http://localhost:" + port, "company", "ca")) {
            browser.visit("/portal/sign-in");
            browser.type("username", "marta.puig");
            browser.type("password", "sme-demo-2026");
            browser.find("password").submit();
            browser.waitFor(d -> !browser.path().startsWith("/portal/sign-in"));

            browser.visit("/portal/company");
            Long companyId = Long.valueOf(browser.all("[id^='edit-company-']").get(0).getAttribute("id")
                    .substring("edit-company-".length()));
            Integer revisions = revisions(companyId);
            browser.click("edit-company-" + companyId);
            browser.waitFor(d -> browser.path().endsWith("/edit"));
            assertThat(browser.pageText()).contains("Actualitzeu les dades de la vostra empresa").doesNotContain("??");
            browser.assertEveryFieldLabelled();
            browser.assertFitsPhoneWidth();

            // Not asked at sign-up: the demo company's figures have no financial year yet.
            browser.type("referenceYear", String.valueOf(LocalDate.now().getYear() - 1));
            browser.type("staffHeadcount", "1000000000");
            browser.click("save-company");
            browser.waitFor(d -> d.findElement(By.id("staffHeadcount-error")));
            assertThat(browser.text("staffHeadcount-error")).contains("Aquesta plantilla és massa gran");
            browser.assertErrorsTiedToFields();
            browser.assertFitsPhoneWidth();
            browser.screenshot("figure-refused");
            assertThat(revisions(companyId)).isEqualTo(revisions);

            browser.type("staffHeadcount", "12");
            browser.click("save-company");
            browser.waitFor(d -> d.findElements(By.id("company-saved")).size() == 1);
            assertThat(revisions(companyId)).isEqualTo(revisions + 1);
            browser.assertFitsPhoneWidth();
            browser.screenshot("figures-saved");

            browser.driver().findElement(By.cssSelector("#declare-aid-" + companyId)).findElement(By.xpath(".."))
                    .findElement(By.tagName("summary")).click();
            browser.setDate("aidGrantedOn", LocalDate.now().plusDays(3));
            browser.type("aidAmount", "2500");
            browser.type("aidGrantingBody", "ACCIÓ");
            browser.find("aidGrantingBody").submit();
            browser.waitFor(d -> d.findElement(By.id("aidGrantedOn-error")));
            assertThat(browser.text("aidGrantedOn-error")).contains("la data no pot ser futura");
            browser.assertErrorsTiedToFields();
            browser.assertFitsPhoneWidth();
            browser.screenshot("aid-refused");

            browser.setDate("aidGrantedOn", LocalDate.now().minusDays(3));
            browser.find("aidGrantingBody").submit();
            browser.waitFor(d -> browser.pageText().contains("L’ajut consta al registre"));
            assertThat(browser.pageText()).contains("2.500,00 €", "ACCIÓ");
            browser.screenshot("aid-declared");
        }
    }

    private Integer revisions(Long companyId) {
        return jdbc.queryForObject("select count(*) from company_figures where company_id = ?", Integer.class,
                companyId);
    }
}
