package org.tfeval.study.backup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.tfeval.instrument.workflow.Problem;

/**
 * The encrypted form of a backup: a header (magic, format version, PBKDF2 iterations, salt, nonce)
 * followed by the payload encrypted and authenticated with AES-256-GCM, the header bound to it as
 * associated data. The key is derived from the operator's passphrase with PBKDF2-HMAC-SHA256; any
 * changed, cut or appended byte, or another passphrase, fails authentication before anything is
 * used.
 */
final class SealedBackup {
    /** PBKDF2 iterations for new backups (OWASP's figure for PBKDF2-HMAC-SHA256). */
    static final int ITERATIONS = 600_000;
    /** Fewest iterations a backup may claim: a forged header cannot make the key cheap to guess. */
    static final int MIN_ITERATIONS = 100_000;

    private static final byte[] MAGIC = "TFEVALBK".getBytes(StandardCharsets.US_ASCII);
    private static final byte VERSION = 1;
    private static final int SALT_BYTES = 16;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BITS = 256;
    private static final int HEADER_BYTES = MAGIC.length + 1 + Integer.BYTES + SALT_BYTES + NONCE_BYTES;

    private SealedBackup() {}

    /** Encrypts a payload. */
    static byte[] seal(byte[] payload, Passphrase passphrase) {
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[SALT_BYTES];
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(salt);
        random.nextBytes(nonce);
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES)
                .put(MAGIC)
                .put(VERSION)
                .putInt(ITERATIONS)
                .put(salt)
                .put(nonce);
        try {
            Cipher c = cipher(Cipher.ENCRYPT_MODE, passphrase, salt, ITERATIONS, nonce);
            c.updateAAD(header.array());
            byte[] sealed = c.doFinal(payload);
            return ByteBuffer.allocate(HEADER_BYTES + sealed.length)
                    .put(header.array())
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw Problem.internal("cannot encrypt the backup", e);
        }
    }

    /** Decrypts and authenticates a backup; refuses one that was changed, cut short or sealed with another passphrase. */
    static byte[] open(byte[] sealed, Passphrase passphrase) {
        if (sealed.length < HEADER_BYTES + TAG_BITS / 8 || !Arrays.equals(Arrays.copyOf(sealed, MAGIC.length), MAGIC)) {
            throw damaged();
        }
        ByteBuffer b = ByteBuffer.wrap(sealed);
        b.position(MAGIC.length);
        if (b.get() != VERSION) throw damaged();
        int iterations = b.getInt();
        if (iterations < MIN_ITERATIONS || iterations > ITERATIONS * 10) throw damaged();
        byte[] salt = new byte[SALT_BYTES];
        byte[] nonce = new byte[NONCE_BYTES];
        b.get(salt).get(nonce);
        try {
            Cipher c = cipher(Cipher.DECRYPT_MODE, passphrase, salt, iterations, nonce);
            c.updateAAD(sealed, 0, HEADER_BYTES);
            return c.doFinal(sealed, HEADER_BYTES, sealed.length - HEADER_BYTES);
        } catch (AEADBadTagException e) {
            throw damaged();
        } catch (GeneralSecurityException e) {
            throw Problem.internal("cannot decrypt the backup", e);
        }
    }

    private static Problem damaged() {
        return Problem.refused(
                "the backup cannot be opened: it was changed, cut short, or made with another passphrase;"
                        + " nothing was restored",
                "check the passphrase, and use an intact copy of the backup");
    }

    private static Cipher cipher(int mode, Passphrase passphrase, byte[] salt, int iterations, byte[] nonce)
            throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(passphrase.value().toCharArray(), salt, iterations, KEY_BITS);
        byte[] key;
        try {
            key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
        } finally {
            spec.clearPassword();
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            return c;
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }
}
