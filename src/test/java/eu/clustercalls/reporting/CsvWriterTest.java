package eu.clustercalls.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvWriterTest {

    /** Company names, reasons or descriptions as a hostile applicant or a careless paste may give them. */
    private static final List<String> HOSTILE = List.of("ACME;=1+2", "x,=1+2", "@SUM(A1:A2)", "\t=1+2", "\r=1+2",
            "=HYPERLINK(\"http://evil.example\",\"x\")", "ACME; =1+2", "ACME;\"=1+2", "ACME\t+1", "ACME\r\n-1+2",
            "a,b;c\t@d", " =1+2", "\"=1+2");
    private static final String FORMULA_STARTS = "=+-@\t\r";

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasGetALeadingApostrophe() {
        assertThat(CsvWriter.cell("=SUM(A1:A2)")).isEqualTo("'=SUM(A1:A2)");
        assertThat(CsvWriter.cell("+34 93 000")).isEqualTo("'+34 93 000");
        assertThat(CsvWriter.cell("-1")).isEqualTo("'-1");
        assertThat(CsvWriter.cell("@cmd")).isEqualTo("'@cmd");
        assertThat(CsvWriter.cell("\t=1+2")).isEqualTo("\"'\t'=1+2\"");
        assertThat(CsvWriter.cell("\r=1+2")).isEqualTo("\"'\r'=1+2\"");
        assertThat(CsvWriter.cell(" =1+2")).as("LibreOffice may trim the blank").isEqualTo("' =1+2");
        assertThat(CsvWriter.cell("Teixits, SL")).isEqualTo("\"Teixits, SL\"");
        assertThat(CsvWriter.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvWriter.cell("Fàbrica 2-3")).as("a formula character inside a part is harmless").isEqualTo("Fàbrica 2-3");
        assertThat(CsvWriter.cell(null)).isEmpty();
    }

    @Test
    void aFormulaAfterASeparatorThatSpreadsheetsSplitOnIsDefusedToo() {
        assertThat(CsvWriter.cell("ACME;=1+2")).as("Spanish and Catalan Excel split on ';'").isEqualTo("\"ACME;'=1+2\"");
        assertThat(CsvWriter.cell("x,=1+2")).isEqualTo("\"x,'=1+2\"");
        assertThat(CsvWriter.cell("ACME; =1+2")).isEqualTo("\"ACME;' =1+2\"");
        assertThat(CsvWriter.cell("ACME;\"=1+2")).as("a quote may open the field").isEqualTo("\"ACME;'\"\"=1+2\"");
        assertThat(CsvWriter.cell("ACME\t+1")).isEqualTo("\"ACME\t'+1\"");
    }

    @Test
    void noFieldStartsAFormulaHoweverASpreadsheetSplitsTheLine() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvWriter csv = new CsvWriter(out);
        HOSTILE.forEach(value -> csv.row(List.of("APP-1", value, "ES")));
        csv.finish();
        String text = out.toString(StandardCharsets.UTF_8).substring(1);

        for (char separator : new char[] {',', ';', '\t'}) {
            for (boolean quotesHonoured : new boolean[] {true, false}) {
                assertThat(fields(text, separator, quotesHonoured))
                        .as("split on '%s', quotes %s", separator, quotesHonoured ? "honoured" : "ignored")
                        .hasSizeGreaterThanOrEqualTo(HOSTILE.size())
                        .noneMatch(CsvWriterTest::startsFormula);
            }
        }
    }

    @Test
    void theTextIsUtf8WithAByteOrderMarkAndCrLfLines() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new CsvWriter(out).row(Arrays.asList("Fàbrica", null)).row(Arrays.asList("a\nb", "c")).finish();

        assertThat(out.toByteArray()).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("\uFEFFFàbrica,\r\n\"a\nb\",c\r\n");
    }

    /**
     * The fields a spreadsheet makes of the text when it splits on the separator (and on line breaks): with quotes
     * honoured, a field that starts with a quote runs to the closing quote, and what follows it is appended.
     */
    private static List<String> fields(String text, char separator, boolean quotesHonoured) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (quotesHonoured && c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == separator || c == '\r' || c == '\n') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    /** Past blanks and quotes, as a lenient import reads it. */
    private static boolean startsFormula(String field) {
        String start = field.replaceFirst("^[ \"]+", "");
        return !start.isEmpty() && FORMULA_STARTS.indexOf(start.charAt(0)) >= 0;
    }
}
