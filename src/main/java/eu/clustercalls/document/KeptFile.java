package eu.clustercalls.document;

/** A file of a claim's draft, kept for the form's field {@code part} (a receipt's, or a proof of attendance). */
public record KeptFile(Long id, String part, StoredDocument.Purpose purpose, String fileName, long sizeBytes) {
}
