package eu.clustercalls.document;

import java.util.Locale;

import eu.clustercalls.support.Formats;

/**
 * A document in the markdown of a staff form: a link that opens it in the browser session signed in to Tasklist, with
 * its name, type and size. The link is ours; the name, which an SME typed, is text that can add no markup.
 */
public final class DocumentLinks {

    private DocumentLinks() {
    }

    /** {@code [name](path) — what, PDF, 12.3 KB}, and the note when there is one (markdown of ours, or null). */
    public static String line(String path, String fileName, String contentType, long sizeBytes, String what,
            String note) {
        return line(path, fileName, contentType, sizeBytes, what, note, Locale.UK);
    }

    /** The line with the size's decimals as the language writes them ("12,3 KB"); {@code what} is in that language. */
    public static String line(String path, String fileName, String contentType, long sizeBytes, String what,
            String note, Locale locale) {
        String type = DocumentKind.ofContentType(contentType).map(Enum::name).orElse(contentType);
        return "[" + Formats.markdownText(fileName) + "](" + path + ") — " + what + ", " + type + ", "
                + size(sizeBytes, locale) + (note == null ? "" : " — " + note);
    }

    /** A file's size as people read it: 850 bytes, 12.3 KB, 1.5 MB. */
    public static String size(long bytes) {
        return size(bytes, Locale.UK);
    }

    /** The size with the language's decimal mark; "byte", "KB" and "MB" read the same in English, Spanish and Catalan. */
    public static String size(long bytes, Locale locale) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        if (bytes < 1024 * 1024) {
            return String.format(locale, "%.1f KB", bytes / 1024.0);
        }
        return String.format(locale, "%.1f MB", bytes / 1024.0 / 1024.0);
    }
}
