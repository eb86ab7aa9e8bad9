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
 * no part of a cell can start a formula (see {@link #defused}). {@link #finish} leaves the stream open (a ZIP writes
 * its next entry to it).
 */
final class CsvWriter {

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    /** What spreadsheets split a line on, depending on the locale and the import dialog; quoted in a cell. */
    private static final String SEPARATORS = ",;\t\r\n";
    /** A cell starting with one of these is a formula to Excel, LibreOffice or Google Sheets (OWASP, CSV injection). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

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
        String safe = defused(value);
        boolean quote = safe.chars().anyMatch(c -> c == '"' || SEPARATORS.indexOf(c) >= 0);
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    /**
     * The text with an apostrophe before every part that a spreadsheet would run as a formula. A spreadsheet does
     * not always split where we do: Spanish and Catalan Excel split on ';', some import dialogs ignore quotes. So
     * the cell itself and whatever follows any separator a spreadsheet may use count as parts, and a part's first
     * character is looked for past blanks and quotes (LibreOffice can trim blanks, and a quote may open a field).
     */
    private static String defused(String value) {
        StringBuilder out = new StringBuilder(value.length() + 1);
        boolean partStarts = true;
        for (int i = 0; i < value.length(); i++) {
            if (partStarts && startsFormula(value, i)) {
                out.append('\'');
            }
            char c = value.charAt(i);
            out.append(c);
            partStarts = SEPARATORS.indexOf(c) >= 0;
        }
        return out.toString();
    }

    private static boolean startsFormula(String value, int from) {
        int i = from;
        while (i < value.length() && (value.charAt(i) == ' ' || value.charAt(i) == '"')) {
            i++;
        }
        return i < value.length() && FORMULA_STARTS.indexOf(value.charAt(i)) >= 0;
    }

    private void write(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
