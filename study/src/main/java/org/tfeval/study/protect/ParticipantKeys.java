package org.tfeval.study.protect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.tfeval.instrument.workflow.OwnerOnlyFiles;
import org.tfeval.instrument.workflow.Problem;

/**
 * One AES-256 data key per participant, for crypto-shredding: their words are stored only sealed
 * ({@link #seal}) under their key, and {@link #destroy} makes every copy unreadable at once.
 *
 * <p>The key store is the folder {@value #FOLDER} of the study folder (owner-only): a key-encryption
 * key ({@code kek}, 256 random bits) and one file per participant holding that participant's data
 * key wrapped (AES-GCM) under the key-encryption key. File names are an HMAC of the participant ID
 * under the key-encryption key, so the folder listing does not name anyone. Keys never enter the
 * database; a database dump holds only ciphertext. Destroying a key overwrites its file with random
 * bytes, syncs it, deletes it and leaves a tombstone (the same HMAC name) so a later {@link #seal}
 * for a removed participant is refused rather than silently given a new key.
 *
 * <p>Sealed values carry a format byte, the nonce and the GCM tag; the participant ID and a purpose
 * ({@code "transcript-original"}, {@code "key-map"}, ...) are bound as associated data, so a
 * ciphertext moved to another participant or another column does not open. Thread-safe.
 */
public final class ParticipantKeys {
    /** The key store's folder inside the study folder. */
    public static final String FOLDER = "keys/participants";

    private static final String KEK_FILE = "kek";
    private static final String KEY_SUFFIX = ".key";
    private static final String TOMBSTONE_SUFFIX = ".destroyed";
    private static final byte FORMAT = 1;
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Path dir;
    private final byte[] kek;
    private final SecureRandom random = new SecureRandom();

    private ParticipantKeys(Path dir, byte[] kek) {
        this.dir = dir;
        this.kek = kek;
    }

    /** The key store of a study folder; made (owner-only, with a new key-encryption key) when missing. */
    public static ParticipantKeys of(Path studyDir) {
        Path dir = studyDir.resolve(FOLDER);
        OwnerOnlyFiles.folder(dir);
        Path kekFile = dir.resolve(KEK_FILE);
        try {
            if (!Files.exists(kekFile)) {
                byte[] fresh = new byte[KEY_BYTES];
                new SecureRandom().nextBytes(fresh);
                try {
                    Files.write(
                            kekFile,
                            fresh,
                            StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE,
                            StandardOpenOption.SYNC);
                    Files.setPosixFilePermissions(kekFile, OwnerOnlyFiles.FILE);
                } catch (FileAlreadyExistsException e) {
                    // made meanwhile by another process: read theirs
                }
            }
            byte[] kek = Files.readAllBytes(kekFile);
            if (kek.length != KEY_BYTES) {
                throw Problem.internal(
                        "the participant key store's key-encryption key " + kekFile + " is damaged", null);
            }
            return new ParticipantKeys(dir, kek);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the participant key store " + dir, e);
        }
    }

    /** Encrypts bytes under the participant's data key (made on first use). */
    public byte[] seal(String participantId, String purpose, byte[] plaintext) {
        byte[] key = key(participantId, true);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] ct = gcm(Cipher.ENCRYPT_MODE, key, nonce, aad(participantId, purpose), plaintext);
        return ByteBuffer.allocate(1 + NONCE_BYTES + ct.length)
                .put(FORMAT)
                .put(nonce)
                .put(ct)
                .array();
    }

    /** Encrypts text (UTF-8). */
    public byte[] seal(String participantId, String purpose, String text) {
        return seal(participantId, purpose, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Decrypts what {@link #seal} made for this participant and purpose; refused when the
     * participant's key was destroyed, and an internal problem when the value was altered or
     * belongs to another participant or purpose.
     */
    public byte[] open(String participantId, String purpose, byte[] sealed) {
        byte[] key = key(participantId, false);
        if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != FORMAT) {
            throw Problem.internal("a sealed value of participant " + participantId + " is damaged", null);
        }
        byte[] nonce = java.util.Arrays.copyOfRange(sealed, 1, 1 + NONCE_BYTES);
        byte[] ct = java.util.Arrays.copyOfRange(sealed, 1 + NONCE_BYTES, sealed.length);
        return gcm(Cipher.DECRYPT_MODE, key, nonce, aad(participantId, purpose), ct);
    }

    /** Decrypts text sealed with {@link #seal(String, String, String)}. */
    public String openText(String participantId, String purpose, byte[] sealed) {
        return new String(open(participantId, purpose, sealed), StandardCharsets.UTF_8);
    }

    /** Whether the participant's key was destroyed (their sealed words can no longer be read). */
    public boolean destroyed(String participantId) {
        return Files.exists(dir.resolve(name(participantId) + TOMBSTONE_SUFFIX));
    }

    /** Whether the participant has a live key. */
    public boolean holds(String participantId) {
        return Files.exists(dir.resolve(name(participantId) + KEY_SUFFIX));
    }

    /**
     * Destroys the participant's data key: the file is overwritten with random bytes, synced and
     * deleted, and a tombstone is left. Idempotent. From then on nothing sealed for them opens.
     */
    public synchronized void destroy(String participantId) {
        String name = name(participantId);
        Path keyFile = dir.resolve(name + KEY_SUFFIX);
        try {
            Path tomb = dir.resolve(name + TOMBSTONE_SUFFIX);
            if (!Files.exists(tomb)) {
                Files.createFile(tomb, PosixFilePermissions.asFileAttribute(OwnerOnlyFiles.FILE));
            }
            if (Files.exists(keyFile)) {
                long size = Files.size(keyFile);
                byte[] noise = new byte[(int) Math.max(size, KEY_BYTES)];
                random.nextBytes(noise);
                try (FileChannel ch = FileChannel.open(keyFile, StandardOpenOption.WRITE)) {
                    ch.write(ByteBuffer.wrap(noise), 0);
                    ch.force(true);
                }
                Files.delete(keyFile);
            }
            syncFolder();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot destroy a participant key in " + dir, e);
        }
    }

    private synchronized byte[] key(String participantId, boolean create) {
        Objects.requireNonNull(participantId, "participantId");
        String name = name(participantId);
        if (Files.exists(dir.resolve(name + TOMBSTONE_SUFFIX))) {
            throw Problem.refused(
                    "participant " + participantId
                            + " was removed: their key is destroyed and their words cannot be read" + " or stored",
                    "a removed participant's data cannot come back; see the withdrawal record");
        }
        Path keyFile = dir.resolve(name + KEY_SUFFIX);
        try {
            if (!Files.exists(keyFile)) {
                if (!create) {
                    throw Problem.internal(
                            "participant " + participantId + " has no key in the key store " + dir
                                    + " (was the study restored without its key store?)",
                            null);
                }
                byte[] fresh = new byte[KEY_BYTES];
                random.nextBytes(fresh);
                byte[] nonce = new byte[NONCE_BYTES];
                random.nextBytes(nonce);
                byte[] wrapped = gcm(Cipher.ENCRYPT_MODE, kek, nonce, aad(participantId, "data-key"), fresh);
                byte[] file = ByteBuffer.allocate(1 + NONCE_BYTES + wrapped.length)
                        .put(FORMAT)
                        .put(nonce)
                        .put(wrapped)
                        .array();
                Path tmp = dir.resolve(name + ".tmp");
                Files.write(
                        tmp,
                        file,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.SYNC);
                Files.setPosixFilePermissions(tmp, OwnerOnlyFiles.FILE);
                Files.move(tmp, keyFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                syncFolder();
                return fresh;
            }
            byte[] file = Files.readAllBytes(keyFile);
            byte[] nonce = java.util.Arrays.copyOfRange(file, 1, 1 + NONCE_BYTES);
            byte[] wrapped = java.util.Arrays.copyOfRange(file, 1 + NONCE_BYTES, file.length);
            return gcm(Cipher.DECRYPT_MODE, kek, nonce, aad(participantId, "data-key"), wrapped);
        } catch (NoSuchFileException e) {
            throw Problem.internal("participant " + participantId + " has no key in " + dir, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the participant key store " + dir, e);
        }
    }

    private String name(String participantId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(kek, "HmacSHA256"));
            byte[] h = mac.doFinal(participantId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 16);
        } catch (GeneralSecurityException e) {
            throw Problem.internal("HMAC-SHA256 is not available", e);
        }
    }

    private static byte[] aad(String participantId, String purpose) {
        return ("tfeval-participant-key 1\0" + participantId + "\0" + purpose).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gcm(int mode, byte[] key, byte[] nonce, byte[] aad, byte[] in) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(aad);
            return c.doFinal(in);
        } catch (AEADBadTagException e) {
            throw Problem.internal(
                    "a sealed value does not authenticate (altered, or another participant's or purpose's)", e);
        } catch (GeneralSecurityException e) {
            throw Problem.internal("AES-GCM is not available", e);
        }
    }

    private void syncFolder() {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // not every file system syncs a folder; the file itself was synced
        }
    }
}
