package eu.clustercalls.document;

/** A stored document without its content. */
public interface DocumentSummary {

    Long getId();

    Long getClaimId();

    StoredDocument.Purpose getPurpose();

    String getFileName();

    String getContentType();

    long getSizeBytes();

    String getSha256();
}
