package org.tfeval.study.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashing (Bouncy Castle's implementation of RFC 9106), stored in the PHC string
 * format {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} so parameters can be raised later
 * without invalidating old hashes. Immutable; configure by copy.
 */
public final class PasswordHasher {
    /** Memory in KiB: OWASP's minimum recommendation for Argon2id (19 MiB). */
    public static final int DEFAULT_MEMORY_KIB = 19 * 1024;
    /** Passes over memory, with {@link #DEFAULT_MEMORY_KIB} as OWASP recommends. */
    public static final int DEFAULT_ITERATIONS = 2;
    /** Lanes. */
    public static final int DEFAULT_PARALLELISM = 1;
    /** Salt length in bytes (RFC 9106 recommends 16). */
    static final int SALT_BYTES = 16;
    /** Tag length in bytes. */
    static final int HASH_BYTES = 32;
    /** Shortest password accepted when one is set. */
    public static final int MIN_PASSWORD_LENGTH = 12;
    /**
     * Hashes computed at once: each takes {@link #DEFAULT_MEMORY_KIB} of heap, so a burst of
     * sign-ins waits its turn instead of exhausting memory.
     */
    public static final int MAX_CONCURRENT_HASHES = 4;

    private static final Pattern PHC =
            Pattern.compile("\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final int memoryKib;
    private final int iterations;
    private final int parallelism;
    private final SecureRandom random = new SecureRandom();
    private final Semaphore permits = new Semaphore(MAX_CONCURRENT_HASHES, true);

    private PasswordHasher(int memoryKib, int iterations, int parallelism) {
        if (memoryKib < 8 * parallelism)
            throw new IllegalArgumentException("Argon2 memory " + memoryKib + " KiB must be at least 8 KiB per lane");
        if (iterations < 1) throw new IllegalArgumentException("Argon2 iterations " + iterations + " must be >= 1");
        if (parallelism < 1) throw new IllegalArgumentException("Argon2 parallelism " + parallelism + " must be >= 1");
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
    }

    public static PasswordHasher defaults() {
        return new PasswordHasher(DEFAULT_MEMORY_KIB, DEFAULT_ITERATIONS, DEFAULT_PARALLELISM);
    }

    /** A hasher with other costs (tests and benchmarks use cheap ones). */
    public PasswordHasher withCost(int memoryKib, int iterations) {
        return new PasswordHasher(memoryKib, iterations, parallelism);
    }

    /** Hashes a password with a fresh random salt. */
    public String hash(String password) {
        Objects.requireNonNull(password, "password");
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] tag =
                derive(password.getBytes(StandardCharsets.UTF_8), salt, memoryKib, iterations, parallelism, HASH_BYTES);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(tag);
    }

    /** Whether a password matches a stored hash (compared in constant time); false for a malformed hash. */
    public boolean verify(String password, String stored) {
        if (password == null || stored == null) return false;
        Matcher m = PHC.matcher(stored);
        if (!m.matches()) return false;
        byte[] salt = B64D.decode(m.group(4));
        byte[] expected = B64D.decode(m.group(5));
        byte[] actual = derive(
                password.getBytes(StandardCharsets.UTF_8),
                salt,
                Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)),
                expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Argon2id, version 0x13, at most {@link #MAX_CONCURRENT_HASHES} at a time per hasher. */
    private byte[] derive(byte[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        permits.acquireUninterruptibly();
        try {
            return derive(password, salt, null, null, memoryKib, iterations, parallelism, length);
        } finally {
            permits.release();
        }
    }

    static byte[] derive(
            byte[] password,
            byte[] salt,
            byte[] secret,
            byte[] additional,
            int memoryKib,
            int iterations,
            int parallelism,
            int length) {
        Argon2Parameters.Builder b = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt);
        if (secret != null) b.withSecret(secret);
        if (additional != null) b.withAdditional(additional);
        Argon2BytesGenerator g = new Argon2BytesGenerator();
        g.init(b.build());
        byte[] out = new byte[length];
        g.generateBytes(password, out);
        return out;
    }
}
