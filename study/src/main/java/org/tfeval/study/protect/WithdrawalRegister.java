package org.tfeval.study.protect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tfeval.instrument.workflow.OwnerOnlyFiles;

/**
 * The withdrawal register: every withdrawal, one line each ({@code instant TAB level TAB participant}),
 * kept in the study folder's key store folder ({@value #FILE}), outside the database and outside
 * backups ({@code tfeval backup} leaves {@code keys/} out). A restore re-applies every removal it
 * lists before the study opens, so a backup made before a withdrawal never brings their words back.
 * Appended and synced before the database records the withdrawal.
 */
public final class WithdrawalRegister {
    /** The register, relative to the study folder. */
    public static final String FILE = "keys/withdrawals";

    private final Path file;

    private WithdrawalRegister(Path file) {
        this.file = file;
    }

    /** The register of a study folder (it may not exist yet). */
    public static WithdrawalRegister of(Path studyDir) {
        return new WithdrawalRegister(studyDir.resolve(FILE));
    }

    /** Appends a withdrawal and syncs it to disk. */
    public synchronized void append(Withdrawal w) {
        try {
            OwnerOnlyFiles.folder(file.getParent());
            if (!Files.exists(file)) OwnerOnlyFiles.emptyFile(file);
            String line = w.at() + "\t" + w.level().id() + "\t" + w.participantId() + "\n";
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the withdrawal register " + file, e);
        }
    }

    /** Every recorded withdrawal, oldest first (empty when there is no register). */
    public List<Withdrawal> entries() {
        List<Withdrawal> out = new ArrayList<>();
        if (!Files.exists(file)) return out;
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) continue;
                String[] f = line.split("\t", -1);
                if (f.length != 3) throw new IllegalStateException("the withdrawal register " + file + " is damaged");
                out.add(new Withdrawal(f[2], Withdrawal.Level.of(f[1]), Instant.parse(f[0])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the withdrawal register " + file, e);
        }
        return out;
    }
}
