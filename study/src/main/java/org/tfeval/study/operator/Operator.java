package org.tfeval.study.operator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.tfeval.instrument.workflow.Problem;

/**
 * The operator of a privileged command-line step (a {@code move}), proven rather than named: the
 * process runs as the operating-system user who owns the study folder, and that user holds the
 * study's audit key in an owner-only file they own and can read (checked against the study's own
 * key when the step runs, {@link #holdsKeyOf}). A {@code --user} name is only a claim recorded beside
 * the proven user. The only way to get one is {@link #prove}.
 */
public final class Operator {
    /** The shortest reason a privileged step accepts: a word or two is not a reason an auditor can follow. */
    public static final int MINIMUM_REASON_LENGTH = 10;

    private static final String HMAC = "HmacSHA256";
    private static final byte[] PROBE = "tfeval operator proof".getBytes(StandardCharsets.UTF_8);
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private final String osUser;
    private final int uid;
    private final String claimed;
    private final byte[] proof;

    private Operator(String osUser, int uid, String claimed, byte[] proof) {
        this.osUser = osUser;
        this.uid = uid;
        this.claimed = claimed;
        this.proof = proof;
    }

    /**
     * Proves the operator of {@code studyDir}: refused unless this process's user owns the study
     * folder and the audit key file {@code keyFile} (owner-only, owned by the same user, readable).
     * {@code claimed} (a {@code --user} name, may be null) is recorded as a claim only.
     */
    public static Operator prove(Path studyDir, Path keyFile, String claimed) {
        Objects.requireNonNull(studyDir, "studyDir");
        Objects.requireNonNull(keyFile, "keyFile");
        int uid;
        String name;
        try {
            uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            name = Files.getOwner(Path.of("/proc/self")).getName();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            throw Problem.refused(
                    "this system cannot tell which user runs tfeval, so a privileged step is refused",
                    "run it on Linux as the study folder's owner");
        }
        int folderOwner = uidOf(studyDir, "the study folder");
        if (folderOwner != uid) {
            throw Problem.refused(
                    "only the study folder's owner may run this privileged step (you are '" + name + "', uid " + uid
                            + "; the folder belongs to uid " + folderOwner + ")",
                    "run it as the user who owns " + studyDir);
        }
        if (!Files.isRegularFile(keyFile, LinkOption.NOFOLLOW_LINKS)) {
            throw Problem.refused(
                    "the audit key " + keyFile + " is missing or not a plain file: a privileged step needs it",
                    "give the study's audit key with --audit-key FILE");
        }
        if (uidOf(keyFile, "the audit key") != uid) {
            throw Problem.refused(
                    "the audit key " + keyFile + " does not belong to you (uid " + uid + ")",
                    "a privileged step is run by the user who owns the study's audit key");
        }
        Set<PosixFilePermission> mode;
        try {
            mode = Files.getPosixFilePermissions(keyFile, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw Problem.refused("the audit key " + keyFile + " cannot be read", "check the file");
        }
        if (!OWNER_ONLY.containsAll(mode)) {
            throw Problem.refused(
                    "the audit key " + keyFile + " is open to others (" + PosixFilePermissions.toString(mode)
                            + "): a privileged step needs an owner-only key",
                    "chmod 600 " + keyFile);
        }
        if (!Files.isReadable(keyFile)) {
            throw Problem.refused("you cannot read the audit key " + keyFile, "chmod 600 " + keyFile);
        }
        byte[] key = readKey(keyFile);
        return new Operator(name, uid, claimed == null || claimed.isBlank() ? null : claimed.strip(), mac(key));
    }

    /** The reason, checked: at least {@value #MINIMUM_REASON_LENGTH} characters after trimming. */
    public static String requireReason(String reason) {
        String r = reason == null ? "" : reason.strip();
        if (r.length() < MINIMUM_REASON_LENGTH) {
            throw Problem.usage(
                    "a privileged step needs a reason of at least " + MINIMUM_REASON_LENGTH + " characters",
                    "say why with --reason, for the audit log");
        }
        return r;
    }

    /**
     * Whether the key this operator proved is the study's audit key: {@code studyMac} is the study's
     * seal (HMAC-SHA256 under its key, hex).
     */
    public boolean holdsKeyOf(UnaryOperator<String> studyMac) {
        String expected = studyMac.apply(new String(PROBE, StandardCharsets.UTF_8));
        return expected != null
                && MessageDigest.isEqual(
                        HexFormat.of().formatHex(proof).getBytes(StandardCharsets.US_ASCII),
                        expected.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    /** The operating-system user proven to run the step. */
    public String osUser() {
        return osUser;
    }

    /** Their user ID. */
    public int uid() {
        return uid;
    }

    /** The audit actor: the proven OS user and uid, with a claimed name beside it, never instead of it. */
    public String actor() {
        String proven = osUser + " (OS user, uid " + uid + ", study owner holding the audit key)";
        return claimed == null || claimed.equals(osUser) ? proven : claimed + " (claimed by " + proven + ")";
    }

    @Override
    public String toString() {
        return actor();
    }

    private static int uidOf(Path p, String what) {
        try {
            return (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            throw Problem.refused(what + " " + p + " cannot be checked, so a privileged step is refused", "check it");
        }
    }

    private static byte[] readKey(Path keyFile) {
        try {
            for (String line : Files.readAllLines(keyFile, StandardCharsets.UTF_8)) {
                String s = line.strip();
                if (s.isEmpty() || s.startsWith("#")) continue;
                if (!s.matches("[0-9a-fA-F]{64,}")) break;
                return HexFormat.of().parseHex(s.toLowerCase(Locale.ROOT));
            }
        } catch (IOException e) {
            throw Problem.refused("you cannot read the audit key " + keyFile, "chmod 600 " + keyFile);
        }
        throw Problem.refused("the audit key " + keyFile + " holds no key", "give the study's audit key");
    }

    private static byte[] mac(byte[] key) {
        try {
            Mac m = Mac.getInstance(HMAC);
            m.init(new SecretKeySpec(key, HMAC));
            return m.doFinal(PROBE);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(HMAC + " is not available", e);
        }
    }
}
