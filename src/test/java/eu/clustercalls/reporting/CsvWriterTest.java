package eu.clustercalls.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasGetALeadingApostrophe() {
        assertThat(CsvWriter.cell("=SUM(A1:A2)")).isEqualTo("'=SUM(A1:A2)");
        assertThat(CsvWriter.cell("+34 93 000")).isEqualTo("'+34 93 000");
        assertThat(CsvWriter.cell("-1")).isEqualTo("'-1");
        assertThat(CsvWriter.cell("@cmd")).isEqualTo("'@cmd");
        assertThat(CsvWriter.cell("Teixits, SL")).isEqualTo("\"Teixits, SL\"");
        assertThat(CsvWriter.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvWriter.cell(null)).isEmpty();
    }

    @Test
    void theTextIsUtf8WithAByteOrderMarkAndCrLfLines() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new CsvWriter(out).row(Arrays.asList("Fàbrica", null)).row(Arrays.asList("a\nb", "c")).finish();

        assertThat(out.toByteArray()).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("\uFEFFFàbrica,\r\n\"a\nb\",c\r\n");
    }
}
