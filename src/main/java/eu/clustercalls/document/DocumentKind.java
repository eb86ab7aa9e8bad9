package eu.clustercalls.document;

import java.util.Arrays;
import java.util.Optional;

/** The file types a claim accepts, recognised by their first bytes: a file's name or declared type proves nothing. */
public enum DocumentKind {
    PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});

    private final String contentType;
    private final byte[] magic;

    DocumentKind(String contentType, byte[] magic) {
        this.contentType = contentType;
        this.magic = magic;
    }

    public String contentType() {
        return contentType;
    }

    /** The kind stored with that content type, if it is one of ours. */
    public static Optional<DocumentKind> ofContentType(String contentType) {
        return Arrays.stream(values()).filter(kind -> kind.contentType.equals(contentType)).findFirst();
    }

    public static Optional<DocumentKind> of(byte[] content) {
        return Arrays.stream(values()).filter(kind -> startsWith(content, kind.magic)).findFirst();
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
    }
}
