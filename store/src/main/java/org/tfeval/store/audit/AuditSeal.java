package org.tfeval.store.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What keeps the audit chain honest from outside the database: a secret key (HMAC-SHA256) that
 * lives in a file, never in the database, and one or more append-only anchor files that receive
 * every committed event's sequence number and MAC. Someone who can write the database but not
 * read the key cannot re-hash an altered chain; someone who deletes the last events leaves
 * anchored events the database no longer has. Immutable; thread-safe.
 */
public final class AuditSeal {
    /** Key bytes (256 bits). */
    static final int KEY_BYTES = 32;
    /** First line of a key file. */
    static final String KEY_HEADER =
            "# tfeval audit key (HMAC-SHA256); keep it secret, owner-only, outside the database";
    /** First line of an anchor file. */
    static final String ANCHOR_HEADER = "# tfeval audit anchor: one line per committed event, 'seq mac'; append-only";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final String HMAC = "HmacSHA256";

    /** One monitor per anchor file, shared by every seal of this process. */
    private static final java.util.concurrent.ConcurrentMap<Path, Object> IN_PROCESS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final byte[] key;
    private final List<Path> anchors;

    private AuditSeal(byte[] key, List<Path> anchors) {
        this.key = key.clone();
        this.anchors = List.copyOf(anchors);
        if (this.anchors.isEmpty()) throw new IllegalArgumentException("an audit seal needs an anchor file");
    }

    /**
     * The seal of a key file and anchor files. A missing key file is created (random, owner-only)
     * only when {@code create} is set and no anchor holds an event yet; otherwise a missing key is
     * refused, because events already anchored could no longer be verified.
     */
    public static AuditSeal open(Path keyFile, List<Path> anchors, boolean create) {
        Objects.requireNonNull(keyFile, "keyFile");
        try {
            if (!Files.exists(keyFile)) {
                boolean anchored = false;
                for (Path a : anchors) anchored |= !read(a).isEmpty();
                if (!create || anchored) {
                    throw new IllegalStateException("the audit key " + keyFile + " is missing"
                            + (anchored ? ", but the audit anchor holds keyed events: restore the key file" : ""));
                }
                createKey(keyFile);
            }
            checkOwnerOnly(keyFile);
            byte[] k = parseKey(keyFile);
            for (Path a : anchors) {
                if (!Files.exists(a)) {
                    Files.createDirectories(a.toAbsolutePath().getParent());
                    try {
                        Files.createFile(a, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                        Files.writeString(a, ANCHOR_HEADER + "\n", StandardOpenOption.APPEND);
                    } catch (FileAlreadyExistsException raced) {
                        // another process made it first
                    }
                }
            }
            return new AuditSeal(k, anchors);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the audit key or anchor (" + e.getMessage() + ")", e);
        }
    }

    /** The anchor files. */
    public List<Path> anchors() {
        return anchors;
    }

    /** HMAC-SHA256 of text under the key, in lower-case hex. */
    public String mac(String text) {
        try {
            Mac m = Mac.getInstance(HMAC);
            m.init(new SecretKeySpec(key, HMAC));
            return HexFormat.of().formatHex(m.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Appends committed events ({@code seq -> mac}) to every anchor file. */
    void anchor(Map<Long, String> events) {
        if (events.isEmpty()) return;
        StringBuilder b = new StringBuilder();
        events.forEach((seq, mac) -> b.append(seq).append(' ').append(mac).append('\n'));
        byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
        for (Path a : anchors) {
            // a file lock excludes other processes only: threads of this one (concurrent web saves) take
            // turns on the path first, or the second lock() throws OverlappingFileLockException after commit
            synchronized (IN_PROCESS.computeIfAbsent(a.toAbsolutePath().normalize(), k -> new Object())) {
                append(a, bytes);
            }
        }
    }

    private static void append(Path a, byte[] bytes) {
        try (FileChannel ch = FileChannel.open(a, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                FileLock lock = ch.lock()) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) ch.write(buf);
            ch.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "the change was committed, but the audit anchor " + a + " could not be written (" + e.getMessage()
                            + "); run tfeval audit verify",
                    e);
        }
    }

    /**
     * The events every anchor holds ({@code seq -> mac}); the union of all anchor files, so an
     * anchor that lost lines does not hide what another kept.
     */
    public Map<Long, String> anchored() {
        Map<Long, String> out = new TreeMap<>();
        for (Path a : anchors) out.putAll(read(a));
        return out;
    }

    /** Anchor lines that disagree between anchor files, or cannot be read, as problems. */
    List<String> anchorProblems() {
        List<String> problems = new ArrayList<>();
        Map<Long, String> seen = new TreeMap<>();
        for (Path a : anchors) {
            if (!Files.isRegularFile(a)) {
                problems.add("the audit anchor " + a + " is missing");
                continue;
            }
            read(a).forEach((seq, mac) -> {
                String other = seen.putIfAbsent(seq, mac);
                if (other != null && !other.equals(mac))
                    problems.add("event " + seq + ": the audit anchors disagree (an anchor file was edited)");
            });
        }
        return problems;
    }

    private static Map<Long, String> read(Path anchor) {
        Map<Long, String> out = new TreeMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(anchor, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit anchor " + anchor, e);
        }
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] parts = line.strip().split(" ");
            if (parts.length != 2 || !parts[0].matches("[0-9]{1,18}") || !parts[1].matches("[0-9a-f]{64}")) continue;
            out.put(Long.parseLong(parts[0]), parts[1]);
        }
        return out;
    }

    private static void createKey(Path keyFile) throws IOException {
        byte[] k = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(k);
        Files.createDirectories(keyFile.toAbsolutePath().getParent());
        Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        Files.writeString(keyFile, KEY_HEADER + "\n" + HexFormat.of().formatHex(k) + "\n", StandardOpenOption.APPEND);
    }

    private static void checkOwnerOnly(Path keyFile) throws IOException {
        Set<PosixFilePermission> p;
        try {
            p = Files.getPosixFilePermissions(keyFile);
        } catch (UnsupportedOperationException notPosix) {
            return;
        }
        if (!OWNER_ONLY.containsAll(p)) {
            throw new IllegalStateException("the audit key " + keyFile + " is readable or writable by others ("
                    + PosixFilePermissions.toString(p) + "); make it owner-only: chmod 600 " + keyFile);
        }
    }

    private static byte[] parseKey(Path keyFile) throws IOException {
        for (String line : Files.readAllLines(keyFile, StandardCharsets.UTF_8)) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) continue;
            if (!s.matches("[0-9a-fA-F]{64,}")) break;
            return HexFormat.of().parseHex(s.toLowerCase(java.util.Locale.ROOT));
        }
        throw new IllegalStateException("the audit key " + keyFile + " does not hold a hex key of at least 256 bits");
    }

    /**
     * A connection that carries this seal: {@link AuditLog#record} MACs its events with the key,
     * and they are appended to the anchors when the transaction commits (not before, so a rolled
     * back event is never anchored).
     */
    public Connection seal(Connection c) {
        Objects.requireNonNull(c, "c");
        Session session = new Session(this);
        return (Connection) Proxy.newProxyInstance(
                AuditSeal.class.getClassLoader(), new Class<?>[] {Connection.class}, new Handler(c, session));
    }

    /** The events a sealed connection recorded in its open transaction. */
    static final class Session {
        final AuditSeal seal;
        private final Map<Long, String> pending = new TreeMap<>();

        Session(AuditSeal seal) {
            this.seal = seal;
        }

        void recorded(long seq, String mac) {
            pending.put(seq, mac);
        }

        void committed() {
            try {
                seal.anchor(pending);
            } finally {
                pending.clear();
            }
        }

        void rolledBack() {
            pending.clear();
        }
    }

    private static final class Handler implements InvocationHandler {
        private final Connection c;
        private final Session session;

        Handler(Connection c, Session session) {
            this.c = c;
            this.session = session;
        }

        @Override
        public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            String name = m.getName();
            int n = args == null ? 0 : args.length;
            if (name.equals("unwrap") && n == 1 && args[0] == Session.class) return session;
            if (name.equals("isWrapperFor") && n == 1 && args[0] == Session.class) return true;
            if (name.equals("equals") && n == 1) return proxy == args[0];
            if (name.equals("hashCode") && n == 0) return System.identityHashCode(proxy);
            Object out;
            try {
                out = m.invoke(c, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (name.equals("commit") && n == 0) session.committed();
            else if (name.equals("rollback") && n == 0) session.rolledBack();
            else if (name.equals("setAutoCommit") && n == 1 && Boolean.TRUE.equals(args[0])) session.committed();
            else if (name.equals("close")) session.rolledBack();
            return out;
        }
    }
}
