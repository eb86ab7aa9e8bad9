package eu.clustercalls.document;

import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A stored document sent to a browser: saved as a file under its name, never rendered as a page of ours. */
public final class Downloads {

    private Downloads() {
    }

    public static ResponseEntity<byte[]> attachment(StoredDocument document) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.getContentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(document.getFileName()))
                .header("X-Content-Type-Options", "nosniff")
                // A receipt names people: kept by no shared cache, nor on the staff's disk beyond the download.
                .cacheControl(CacheControl.noStore().cachePrivate())
                .header("X-Content-SHA256", document.getSha256())
                .body(document.getContent());
    }

    /** A PDF made for this download (not stored), such as the application as submitted. */
    public static ResponseEntity<byte[]> pdf(String fileName, byte[] content) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(fileName))
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(content);
    }

    /** A plain name as it is; another one also encoded (RFC 5987), which browsers prefer to the plain one. */
    private static String disposition(String fileName) {
        ContentDisposition.Builder attachment = ContentDisposition.attachment();
        boolean plain = StandardCharsets.US_ASCII.newEncoder().canEncode(fileName);
        return (plain ? attachment.filename(fileName) : attachment.filename(fileName, StandardCharsets.UTF_8))
                .build().toString();
    }
}
