package eu.clustercalls.reimbursement;

/** A file sent with a claim: the name of its part, the file's own name and its bytes. */
public record Upload(String part, String fileName, byte[] content) {
}
