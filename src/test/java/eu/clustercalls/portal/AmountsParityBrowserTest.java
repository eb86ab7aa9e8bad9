package eu.clustercalls.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

import eu.clustercalls.support.Amounts;

/**
 * The server's amount parser and formatter (Amounts) and the browser's (PortalAmounts in portal.js, run in headless
 * Chromium) read and write the same table of typed amounts alike, in each language of the portal.
 */
class AmountsParityBrowserTest {

    /** Language, what a person types, the amount it means (null: refused). */
    private static final List<String[]> CASES = List.of(
            new String[] {"es", "1.500,50", "1500.50"},
            new String[] {"es", "1500,50", "1500.50"},
            new String[] {"es", "2.000", "2000"},
            new String[] {"es", "1.200.000", "1200000"},
            new String[] {"es", "1.200.000,5", "1200000.5"},
            new String[] {"es", " 1 500,50 ", "1500.50"},
            new String[] {"es", "0,5", "0.5"},
            new String[] {"ca", "1.500,50", "1500.50"},
            new String[] {"ca", "1500,50", "1500.50"},
            new String[] {"ca", "2.000", "2000"},
            new String[] {"ca", "1.200.000", "1200000"},
            new String[] {"en", "1,500.50", "1500.50"},
            new String[] {"en", "1500.50", "1500.50"},
            new String[] {"en", "2,000", "2000"},
            new String[] {"en", "1,200,000.05", "1200000.05"},
            new String[] {"en", "007", "7"},
            // Ambiguous in the language, or malformed.
            new String[] {"es", "1500.50", null},
            new String[] {"es", "1.50.0", null},
            new String[] {"es", "12,345", null},
            new String[] {"es", "1.5000", null},
            new String[] {"es", "0.500", null},
            new String[] {"ca", "1,500.50", null},
            new String[] {"en", "1500,50", null},
            new String[] {"en", "12,3456", null},
            new String[] {"en", "1.50.0", null},
            new String[] {"en", "1,5", null},
            new String[] {"en", "1.505", null},
            new String[] {"en", "-5", null},
            new String[] {"en", "1e3", null},
            new String[] {"en", "", null},
            new String[] {"en", "€ 12", null});

    @Test
    void browserAndServerReadEveryTypedAmountAlike() throws Exception {
        List<String> expected = new ArrayList<>();
        for (String[] row : CASES) {
            String java = Amounts.parse(row[1], Locale.forLanguageTag(row[0])).map(BigDecimal::toPlainString).orElse(null);
            assertThat(java).as("the server reading %s in %s", row[1], row[0]).isEqualTo(row[2]);
            expected.add(String.valueOf(row[2]));
        }
        List<String> written = new ArrayList<>();
        Map<String, String> formatted = new LinkedHashMap<>();
        for (String[] row : CASES) {
            if (row[2] != null) {
                String text = Amounts.format(new BigDecimal(row[2]), Locale.forLanguageTag(row[0]));
                formatted.put(row[0] + " " + row[2], text);
                // What the form shows is read back as the same amount.
                assertThat(Amounts.parse(text, Locale.forLanguageTag(row[0]))).hasValueSatisfying(
                        read -> assertThat(read).isEqualByComparingTo(row[2]));
            }
        }
        assertThat(formatted).containsEntry("es 1500.50", "1.500,50").containsEntry("en 1200000.05", "1,200,000.05")
                .containsEntry("es 0.5", "0,50").containsEntry("ca 2000", "2.000");

        try (Browser browser = Browser.open("", "amounts-parity", "ca")) {
            browser.driver().get("about:blank");
            String script = Files.readString(Path.of("src/main/resources/static/portal/assets/portal.js"));
            List<Object> parsed = (List<Object>) ((JavascriptExecutor) browser.driver()).executeScript(script
                    + "; return arguments[0].map(row => String(window.PortalAmounts.parse(row[1], row[0])));",
                    CASES.stream().map(Arrays::asList).toList());
            assertThat(parsed).as("the browser reading the same texts").containsExactlyElementsOf(List.copyOf(expected));
            for (Map.Entry<String, String> entry : formatted.entrySet()) {
                String[] key = entry.getKey().split(" ");
                Object js = ((JavascriptExecutor) browser.driver()).executeScript(script
                        + "; return window.PortalAmounts.format(arguments[0], arguments[1]);", key[1], key[0]);
                assertThat(js).as("the browser writing %s", entry.getKey()).isEqualTo(entry.getValue());
            }
        }
    }
}
