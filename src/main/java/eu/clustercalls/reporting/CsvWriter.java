package eu.clustercalls.reporting;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.util.StreamUtils;

/**
 * CSV (RFC 4180) for a spreadsheet: UTF-8 with a byte order mark, without which Excel reads accents as Latin-1;
 * a cell that a spreadsheet would read as a formula gets a leading apostrophe. {@link #finish} leaves the stream open
 * (a ZIP writes its next entry to it).
 */
final class CsvWriter {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final Writer out;

    CsvWriter(OutputStream stream) {
        this.out = new BufferedWriter(new OutputStreamWriter(StreamUtils.nonClosing(stream), StandardCharsets.UTF_8));
        write(String.valueOf(BYTE_ORDER_MARK));
    }

    CsvWriter row(List<String> cells) {
        write(cells.stream().map(CsvWriter::cell).collect(Collectors.joining(",", "", "\r\n")));
        return this;
    }

    void finish() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = safe.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    private void write(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
