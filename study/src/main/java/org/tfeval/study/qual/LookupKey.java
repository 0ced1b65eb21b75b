package org.tfeval.study.qual;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.tfeval.instrument.workflow.OwnerOnlyFiles;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.qual.deid.Category;
import org.tfeval.qual.deid.Roster;

/**
 * The key of the key map's lookup: tokens are found by an HMAC of the category and the normalised
 * words, so the database can say "these words already have a token" without holding the words. The
 * key lives in the study folder's key store ({@value #FILE}, owner-only), never in the database.
 */
final class LookupKey {
    static final String FILE = "keys/deid-lookup";
    private static final int BYTES = 32;

    private final byte[] key;

    private LookupKey(byte[] key) {
        this.key = key;
    }

    static LookupKey of(Path studyDir) {
        Path file = studyDir.resolve(FILE);
        try {
            OwnerOnlyFiles.folder(file.getParent());
            if (!Files.exists(file)) {
                byte[] fresh = new byte[BYTES];
                new SecureRandom().nextBytes(fresh);
                try {
                    Files.write(file, fresh, StandardOpenOption.CREATE_NEW, StandardOpenOption.SYNC);
                    Files.setPosixFilePermissions(file, OwnerOnlyFiles.FILE);
                } catch (FileAlreadyExistsException e) {
                    // made meanwhile: read it
                }
            }
            byte[] key = Files.readAllBytes(file);
            if (key.length != BYTES) throw Problem.internal("the key-map lookup key " + file + " is damaged", null);
            return new LookupKey(key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the key-map lookup key " + file, e);
        }
    }

    /** The lookup of words in a category. */
    String of(Category category, String words) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] h = mac.doFinal((category.name() + "\0" + Roster.normalise(words)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h);
        } catch (GeneralSecurityException e) {
            throw Problem.internal("HMAC-SHA256 is not available", e);
        }
    }
}
