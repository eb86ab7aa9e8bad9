package eu.clustercalls.document;

/** A file as a user sent it, not yet checked (see {@link DocumentService#check}). */
public record SentFile(String fileName, byte[] content) {
}
