package org.tfeval.instrument.workflow;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, the one hash tfeval names content by: imported files, snapshot datasets and IDs,
 * release packages, report results, audit events. Hex is lower case; a short ID is the first
 * {@link #SHORT_ID_LENGTH} characters, for folder names and messages.
 */
public final class ContentHash {
    /** Characters of a content ID shown in folder names and messages: enough to tell snapshots apart. */
    public static final int SHORT_ID_LENGTH = 12;

    private ContentHash() {}

    /** SHA-256 of a file's bytes, hex. */
    public static String sha256(Path file) {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), newDigest())) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read", e);
        }
    }

    /** SHA-256 of bytes, hex. */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest(bytes));
    }

    /** SHA-256 of a text's UTF-8 bytes, hex. */
    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** SHA-256 of bytes, the 32 raw bytes (for seeds derived from a hash). */
    public static byte[] digest(byte[] bytes) {
        return newDigest().digest(bytes);
    }

    /** The first {@link #SHORT_ID_LENGTH} characters of a content ID (all of a shorter one). */
    public static String shortId(String id) {
        if (id == null || id.isEmpty())
            throw new IllegalArgumentException("a content ID is needed, got " + (id == null ? "null" : "an empty one"));
        return id.length() <= SHORT_ID_LENGTH ? id : id.substring(0, SHORT_ID_LENGTH);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
