package org.tfeval.study.field;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.tfeval.instrument.workflow.OwnerOnlyFiles;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.study.backup.Passphrase;

/**
 * The field package file. A header in clear (magic, format, and as JSON the study ID, the device
 * ID, the expiry, the lease and the key derivation's salt and iterations) followed by frames, each
 * {@code length | nonce | AES-256-GCM ciphertext}. Frame 0 is the package body; every later frame
 * is one batch of change events appended by a save on the laptop and forced to disk before the
 * save is acknowledged. Every frame authenticates the whole header and its own position as
 * associated data, so a changed expiry, study, device, frame order or byte fails before anything
 * is used. The key is derived from the coder's passphrase with PBKDF2-HMAC-SHA256 and held in
 * memory only.
 *
 * <p>A last frame cut short (the laptop lost power while writing it, so it was never
 * acknowledged) is dropped when the package is opened for writing; any complete frame that fails
 * authentication refuses the whole package.
 */
public final class FieldPackage {
    /** PBKDF2 iterations for new packages (OWASP's figure for PBKDF2-HMAC-SHA256). */
    static final int ITERATIONS = 600_000;
    /** Fewest iterations a package may claim: a forged header cannot make the key cheap to guess. */
    static final int MIN_ITERATIONS = 100_000;
    /** Largest frame accepted (a bigger length is damage, not data). */
    static final int MAX_FRAME_BYTES = 256 * 1024 * 1024;

    private static final byte[] MAGIC = "TFEVALFP".getBytes(StandardCharsets.US_ASCII);
    private static final byte VERSION = 1;
    private static final int SALT_BYTES = 16;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BITS = 256;
    private static final int MAX_HEADER_BYTES = 4096;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * What the header says, authenticated by every frame.
     *
     * @param studyId    the study the package belongs to
     * @param deviceId   the device it was made for
     * @param expiresAt  after this the package is refused on the laptop, and at check-in unless a
     *                   coordinator accepts it with a reason
     * @param leaseUntil after this the package is refused on the laptop until it is renewed online
     *                   ({@code tfeval field renew}); never after {@code expiresAt}
     * @param createdAt  when it was made
     * @param iterations PBKDF2 iterations
     * @param salt       PBKDF2 salt
     */
    public record Header(
            String studyId,
            UUID deviceId,
            Instant expiresAt,
            Instant leaseUntil,
            Instant createdAt,
            int iterations,
            byte[] salt) {
        public Header {
            Objects.requireNonNull(studyId, "studyId");
            Objects.requireNonNull(deviceId, "deviceId");
            Objects.requireNonNull(expiresAt, "expiresAt");
            Objects.requireNonNull(leaseUntil, "leaseUntil");
            if (leaseUntil.isAfter(expiresAt)) leaseUntil = expiresAt;
            Objects.requireNonNull(createdAt, "createdAt");
            salt = salt.clone();
        }

        byte[] bytes() {
            ObjectNode n = JSON.createObjectNode();
            n.put("study", studyId);
            n.put("device", deviceId.toString());
            n.put("expires", expiresAt.toString());
            n.put("lease", leaseUntil.toString());
            n.put("created", createdAt.toString());
            n.put("kdf", "PBKDF2-HMAC-SHA256");
            n.put("iterations", iterations);
            n.put("salt", Base64.getEncoder().encodeToString(salt));
            byte[] json = n.toString().getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(MAGIC.length + 1 + Integer.BYTES + json.length)
                    .put(MAGIC)
                    .put(VERSION)
                    .putInt(json.length)
                    .put(json)
                    .array();
        }

        static Header parse(JsonNode n) {
            try {
                if (!"PBKDF2-HMAC-SHA256".equals(n.path("kdf").asText())) throw damaged();
                Instant expires = Instant.parse(n.path("expires").asText());
                return new Header(
                        n.path("study").asText(),
                        UUID.fromString(n.path("device").asText()),
                        expires,
                        n.has("lease") ? Instant.parse(n.path("lease").asText()) : expires,
                        Instant.parse(n.path("created").asText()),
                        n.path("iterations").asInt(),
                        Base64.getDecoder().decode(n.path("salt").asText()));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw damaged();
            }
        }
    }

    /**
     * An opened package: its header, the key (in memory only), the body and the event batches, and
     * where the intact frames end.
     */
    public static final class Opened {
        private final Path file;
        private final Header header;
        private final byte[] headerBytes;
        private final SecretKey key;
        private final byte[] body;
        private final List<byte[]> batches;
        private final long intactLength;
        private final long droppedBytes;

        private Opened(
                Path file,
                Header header,
                byte[] headerBytes,
                SecretKey key,
                byte[] body,
                List<byte[]> batches,
                long intactLength,
                long droppedBytes) {
            this.file = file;
            this.header = header;
            this.headerBytes = headerBytes;
            this.key = key;
            this.body = body;
            this.batches = List.copyOf(batches);
            this.intactLength = intactLength;
            this.droppedBytes = droppedBytes;
        }

        public Header header() {
            return header;
        }

        public byte[] body() {
            return body.clone();
        }

        /** The event batches, oldest first. */
        public List<byte[]> batches() {
            return batches;
        }

        /** Bytes of an unfinished last frame (a save cut off by power loss, never acknowledged). */
        public long droppedBytes() {
            return droppedBytes;
        }

        /**
         * Writes the package again with {@code leaseUntil} in its header (every frame is sealed
         * anew, since each authenticates the header); refused while the package is open in a
         * {@code field serve}. Returns the new header.
         */
        public Header renewed(Instant leaseUntil) {
            Header h = new Header(
                    header.studyId(),
                    header.deviceId(),
                    header.expiresAt(),
                    leaseUntil,
                    header.createdAt(),
                    header.iterations(),
                    header.salt());
            byte[] hb = h.bytes();
            List<byte[]> frames = new ArrayList<>();
            frames.add(body);
            frames.addAll(batches);
            try (FileChannel held = FileChannel.open(file, StandardOpenOption.WRITE)) {
                java.nio.channels.FileLock lock;
                try {
                    lock = held.tryLock();
                } catch (java.nio.channels.OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock == null) {
                    throw Problem.refused(
                            "the field package is open in a tfeval field serve; its lease was not renewed",
                            "stop field serve first");
                }
                writeFrames(file, hb, key, frames);
                return h;
            } catch (IOException e) {
                throw new Problem.Usage(
                        "cannot write the field package " + file + " (" + e.getMessage() + ")", null, e);
            }
        }

        /** Opens the file for appending event batches (dropping an unfinished last frame first). */
        public Appender appender() {
            try {
                FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE);
                java.nio.channels.FileLock lock;
                try {
                    lock = ch.tryLock();
                } catch (java.nio.channels.OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock == null) {
                    ch.close();
                    throw Problem.refused(
                            "the field package is open in another tfeval field serve",
                            "stop the other one first; two writers would damage the package");
                }
                ch.truncate(intactLength);
                ch.force(true);
                ch.position(intactLength);
                return new Appender(ch, headerBytes, key, 1 + batches.size());
            } catch (IOException e) {
                throw new Problem.Usage(
                        "cannot write the field package " + file + " (" + e.getMessage() + ")", null, e);
            }
        }
    }

    /** Appends encrypted event batches to a package, each forced to disk before it returns. */
    public static final class Appender implements AutoCloseable {
        private final FileChannel channel;
        private final byte[] headerBytes;
        private final SecretKey key;
        private long index;

        private Appender(FileChannel channel, byte[] headerBytes, SecretKey key, long index) {
            this.channel = channel;
            this.headerBytes = headerBytes;
            this.key = key;
            this.index = index;
        }

        /** Encrypts and appends one batch and forces it (data and length) to the disk. */
        public synchronized void append(byte[] payload) {
            byte[] frame = frame(payload, key, headerBytes, index);
            try {
                ByteBuffer b = ByteBuffer.wrap(frame);
                while (b.hasRemaining()) channel.write(b);
                channel.force(true);
                index++;
            } catch (IOException e) {
                throw new Problem.Internal("cannot save to the field package (" + e.getMessage() + ")", null, e);
            }
        }

        @Override
        public synchronized void close() {
            try {
                channel.close();
            } catch (IOException e) {
                throw new Problem.Internal("cannot close the field package (" + e.getMessage() + ")", null, e);
            }
        }
    }

    private FieldPackage() {}

    /** Writes a new package (owner-only; replaces {@code out} only when complete). */
    public static void write(
            Path out, String studyId, UUID deviceId, Instant expiresAt, Instant leaseUntil, byte[] body, Passphrase p) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Header h = new Header(studyId, deviceId, expiresAt, leaseUntil, Instant.now(), ITERATIONS, salt);
        try {
            writeFrames(out, h.bytes(), derive(p, salt, ITERATIONS), List.of(body));
        } catch (IOException e) {
            throw new Problem.Usage("cannot write the field package " + out + " (" + e.getMessage() + ")", null, e);
        }
    }

    /** Writes header and frames to a new owner-only file that replaces {@code out} only when complete. */
    private static void writeFrames(Path out, byte[] hb, SecretKey key, List<byte[]> payloads) throws IOException {
        Path abs = out.toAbsolutePath();
        Path tmp = abs.resolveSibling(abs.getFileName() + ".part");
        try {
            OwnerOnlyFiles.emptyFile(tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(hb));
                long index = 0;
                for (byte[] payload : payloads) {
                    ByteBuffer b = ByteBuffer.wrap(frame(payload, key, hb, index++));
                    while (b.hasRemaining()) ch.write(b);
                }
                ch.force(true);
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the partial file is owner-only and encrypted
            }
            throw e;
        }
    }

    /** Reads the header only (no passphrase needed; nothing in it is case data). */
    public static Header header(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return readHeader(ch).header;
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /**
     * Opens a package: refused when it is expired at {@code now} (unless {@code allowExpired}),
     * sealed with another passphrase, or changed.
     */
    public static Opened open(Path file, Passphrase p, Instant now, boolean allowExpired) {
        Objects.requireNonNull(p, "passphrase");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            HeaderRead hr = readHeader(ch);
            Header h = hr.header;
            if (!allowExpired && now.isAfter(h.expiresAt())) {
                throw Problem.refused(
                        "this field package expired at " + h.expiresAt() + " and can no longer be opened",
                        "bring the laptop to the coordinator to check the package in, or ask for a new package");
            }
            if (h.iterations() < MIN_ITERATIONS || h.iterations() > ITERATIONS * 10) throw damaged();
            SecretKey key = derive(p, h.salt(), h.iterations());
            long size = ch.size();
            long pos = hr.length;
            byte[] body = null;
            List<byte[]> batches = new ArrayList<>();
            long index = 0;
            long dropped = 0;
            while (pos < size) {
                if (size - pos < Integer.BYTES) {
                    dropped = size - pos;
                    break;
                }
                ByteBuffer len = ByteBuffer.allocate(Integer.BYTES);
                ch.read(len, pos);
                int n = len.flip().getInt();
                if (n < NONCE_BYTES + TAG_BITS / 8 || n > MAX_FRAME_BYTES) {
                    if (index == 0) throw damaged();
                    dropped = size - pos;
                    break;
                }
                if (size - pos - Integer.BYTES < n) {
                    if (index == 0) throw damaged();
                    dropped = size - pos;
                    break;
                }
                ByteBuffer f = ByteBuffer.allocate(n);
                while (f.hasRemaining()) ch.read(f, pos + Integer.BYTES + f.position());
                byte[] plain = decrypt(f.array(), key, hr.bytes, index, index == 0);
                if (index == 0) body = plain;
                else batches.add(plain);
                index++;
                pos += Integer.BYTES + n;
            }
            if (body == null) throw damaged();
            return new Opened(file, h, hr.bytes, key, body, batches, pos, dropped);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private record HeaderRead(Header header, byte[] bytes, long length) {}

    private static HeaderRead readHeader(FileChannel ch) throws IOException {
        ByteBuffer start = ByteBuffer.allocate(MAGIC.length + 1 + Integer.BYTES);
        if (ch.read(start, 0) < start.capacity()) throw damaged();
        start.flip();
        byte[] magic = new byte[MAGIC.length];
        start.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw Problem.usage("this file is not a tfeval field package", "name the file tfeval field checkout wrote");
        }
        if (start.get() != VERSION) throw damaged();
        int n = start.getInt();
        if (n <= 0 || n > MAX_HEADER_BYTES) throw damaged();
        ByteBuffer json = ByteBuffer.allocate(n);
        if (ch.read(json, start.capacity()) < n) throw damaged();
        Header h = Header.parse(JSON.readTree(json.array()));
        byte[] all = ByteBuffer.allocate(start.capacity() + n)
                .put(start.array())
                .put(json.array())
                .array();
        return new HeaderRead(h, all, all.length);
    }

    private static byte[] frame(byte[] payload, SecretKey key, byte[] headerBytes, long index) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(headerBytes);
            c.updateAAD(ByteBuffer.allocate(Long.BYTES).putLong(index).array());
            byte[] sealed = c.doFinal(payload);
            return ByteBuffer.allocate(Integer.BYTES + NONCE_BYTES + sealed.length)
                    .putInt(NONCE_BYTES + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw Problem.internal("cannot encrypt the field package", e);
        }
    }

    private static byte[] decrypt(byte[] frame, SecretKey key, byte[] headerBytes, long index, boolean body) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, frame, 0, NONCE_BYTES));
            c.updateAAD(headerBytes);
            c.updateAAD(ByteBuffer.allocate(Long.BYTES).putLong(index).array());
            return c.doFinal(frame, NONCE_BYTES, frame.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            if (body) {
                throw Problem.refused(
                        "the field package cannot be opened: wrong passphrase, or the file was changed",
                        "check the passphrase; a changed package cannot be used");
            }
            throw damaged();
        } catch (GeneralSecurityException e) {
            throw Problem.internal("cannot decrypt the field package", e);
        }
    }

    private static SecretKey derive(Passphrase p, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(p.value().toCharArray(), salt, iterations, KEY_BITS);
        try {
            byte[] raw = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
            try {
                return new SecretKeySpec(raw, "AES");
            } finally {
                Arrays.fill(raw, (byte) 0);
            }
        } catch (GeneralSecurityException e) {
            throw Problem.internal("cannot derive the field package key", e);
        } finally {
            spec.clearPassword();
        }
    }

    static Problem damaged() {
        return Problem.refused(
                "the field package was changed or damaged; nothing in it was used",
                "use the package file exactly as tfeval wrote it");
    }

    private static Problem unreadable(Path file, IOException e) {
        return new Problem.Usage("cannot read the field package " + file + " (" + e.getMessage() + ")", null, e);
    }
}
