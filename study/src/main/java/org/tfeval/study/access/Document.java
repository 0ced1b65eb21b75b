package org.tfeval.study.access;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;
import org.tfeval.instrument.workflow.ContentHash;
import org.tfeval.instrument.workflow.Problem;

/**
 * A signed document the steward keeps (agreement, annual report, destruction certificate), recorded
 * by its file name and SHA-256: the study holds the evidence that a document was received, the
 * steward's records hold the document.
 *
 * @param name   the file name as received
 * @param sha256 its SHA-256, lower-case hex
 */
public record Document(String name, String sha256) {
    /** Longest file name kept. */
    public static final int MAX_NAME = 255;

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public Document {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
        name = name.strip();
        if (name.isEmpty() || name.length() > MAX_NAME)
            throw new IllegalArgumentException("a document needs a file name of 1 to " + MAX_NAME + " characters");
        if (!SHA256.matcher(sha256).matches())
            throw new IllegalArgumentException("a document's SHA-256 must be 64 lower-case hex digits");
    }

    /** A file on disk: its name and hash. */
    public static Document of(Path file) {
        if (!Files.isRegularFile(file)) throw Problem.usage("no such file: " + file);
        return new Document(file.getFileName().toString(), ContentHash.sha256(file));
    }

    /** An uploaded file: its name and hash. */
    public static Document of(String name, byte[] content) {
        if (content.length == 0) throw Problem.usage("the document " + name + " is empty");
        return new Document(name, ContentHash.sha256(content));
    }
}
