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
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(document.getFileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                // A receipt names people: kept by no shared cache, nor on the staff's disk beyond the download.
                .cacheControl(CacheControl.noStore().cachePrivate())
                .header("X-Content-SHA256", document.getSha256())
                .body(document.getContent());
    }
}
