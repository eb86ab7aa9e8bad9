package eu.clustercalls.document;

/** A file that passed the checks: its type recognised from its content, and its hash. */
public record CheckedUpload(String fileName, byte[] content, DocumentKind kind, String sha256) {
}
