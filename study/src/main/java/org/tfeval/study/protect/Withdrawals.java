package org.tfeval.study.protect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.snapshot.Snapshot;
import org.tfeval.store.Store;
import org.tfeval.study.Study;
import org.tfeval.study.audit.AuditEvents;

/**
 * A participant's withdrawal, at one of three levels ({@link Withdrawal.Level}), propagated:
 *
 * <ol>
 *   <li>the withdrawal register outside the database and backups ({@link WithdrawalRegister}) gets
 *       the withdrawal first, so a restore re-applies it even if the database step fails;
 *   <li>the database records it ({@code protect_withdrawal}, with the team's reason) and the audit log
 *       gets one event naming the participant ID and level only (no reason, no words);
 *   <li>beyond no-contact, the participant record's consent status becomes withdrawn (an audited
 *       edit of a code) and every output built from now on leaves them out (snapshots, reports,
 *       matrices, agreement, REFI-QDA exports, releases);
 *   <li>at remove, their words go ({@link Removal}: transcripts, turns, codings, remap reviews and
 *       whatever de-identification tables hold them) and their data key is destroyed
 *       ({@link ParticipantKeys#destroy}), so what was sealed under it is unreadable everywhere;
 *   <li>snapshots, reports and releases built while they were in the data are listed as superseded
 *       in the study's {@link OutputRegister}, with a notice for each restricted release to send to
 *       its holders and an acknowledgement to record.
 * </ol>
 *
 * A participant's words never reach the audit log: the interview strand's events carry IDs, hashes
 * and counts only.
 */
public final class Withdrawals {
    /** The reason recorded on the audited consent-status edit (the team's own reason stays out of the log). */
    static final String EDIT_REASON = "participant withdrawal";

    private final Study study;
    private final Store store;

    private Withdrawals(Study study) {
        this.study = Objects.requireNonNull(study, "study");
        this.store = study.store();
    }

    public static Withdrawals of(Study study) {
        return new Withdrawals(study);
    }

    /**
     * What a withdrawal did.
     *
     * @param withdrawal the withdrawal recorded
     * @param number     its number in the withdrawal register
     * @param deleted    rows deleted by table (remove only)
     * @param keyDestroyed whether the participant's data key was destroyed
     * @param superseded outputs marked superseded
     * @param notices    notices to send to holders of restricted packages
     */
    public record Withdrawn(
            Withdrawal withdrawal,
            int number,
            Map<String, Long> deleted,
            boolean keyDestroyed,
            List<OutputRegister.Superseded> superseded,
            List<OutputRegister.Notice> notices) {
        public Withdrawn {
            deleted = Map.copyOf(deleted);
            superseded = List.copyOf(superseded);
            notices = List.copyOf(notices);
        }
    }

    /** Records a withdrawal and propagates it (see the class comment). */
    public Withdrawn withdraw(String participantId, Withdrawal.Level level, String reason, String actor) {
        Objects.requireNonNull(level, "level");
        if (reason == null || reason.isBlank()) {
            throw Problem.usage("a withdrawal needs a reason", "--reason \"participant asked by phone\"");
        }
        if (participantId == null || !participantId.matches("[A-Z][A-Z0-9]{1,7}-P[0-9]{1,4}")) {
            throw Problem.usage("not a participant ID: " + participantId, "for example TF01-P7");
        }
        tx(c -> {
            if (!ProtectTables.participantExists(c, store, participantId)) {
                throw Problem.usage("participant " + participantId + " is not in the participant form", null);
            }
            return null;
        });
        Withdrawal w = new Withdrawal(participantId, level, Instant.now());
        WithdrawalRegister register = WithdrawalRegister.of(study.folder().dir());
        register.append(w);
        int number = register.entries().size();
        Map<String, Long> deleted = apply(w, reason, actor, number);
        List<OutputRegister.Superseded> superseded = new ArrayList<>();
        List<OutputRegister.Notice> notices = new ArrayList<>();
        if (level.excludesFromOutputs()) supersede(number, w.at(), superseded, notices);
        return new Withdrawn(w, number, deleted, level.removesWords(), superseded, notices);
    }

    /** Records the withdrawal in the database, sets the consent status, removes words and destroys the key. */
    private Map<String, Long> apply(Withdrawal w, String reason, String actor, int number) {
        Map<String, Long> deleted = tx(c -> {
            ProtectTables.insertWithdrawal(c, w, reason, actor);
            Map<String, Long> d =
                    w.level().removesWords() ? Removal.remove(c, store, w.participantId()) : new LinkedHashMap<>();
            AuditEvents.record(
                    c,
                    actor,
                    "participant_withdrawal",
                    "participant",
                    "participant",
                    w.participantId(),
                    "level",
                    w.level().id(),
                    "withdrawal",
                    number);
            return d;
        });
        if (w.level().excludesFromOutputs()) {
            study.edit("participant", List.of(w.participantId()), Map.of("CONSENT_STATUS", "2"), EDIT_REASON, actor);
        }
        if (w.level().removesWords()) {
            try {
                Removal.vacuum(store, deleted.keySet());
            } catch (java.sql.SQLException e) {
                throw Problem.internal(
                        "the participant's rows were removed, but the tables could not be vacuumed (SQL state "
                                + e.getSQLState() + "); run VACUUM FULL on them",
                        e);
            }
            ParticipantKeys.of(study.folder().dir()).destroy(w.participantId());
            long files = removeFiles(w.participantId());
            if (files > 0) {
                deleted = new LinkedHashMap<>(deleted);
                deleted.put(FILES, files);
            }
        }
        return deleted;
    }

    /** The entry of {@link Withdrawn#deleted} that counts files deleted from the study folder. */
    public static final String FILES = "study folder files";

    /**
     * Deletes the study folder's files named after one of the participant's interviews
     * ({@code TF01-P7-I1.txt}, {@code TF01-P7-I1_clean.docx}: transcript sources kept beside the study),
     * except in the database, key store and snapshot folders (a snapshot holds form records, no words).
     */
    private long removeFiles(String participantId) {
        Path root = study.folder().dir();
        java.util.regex.Pattern theirs = java.util.regex.Pattern.compile(
                "^" + java.util.regex.Pattern.quote(participantId) + "-I[0-9]{1,2}([._ -].*)?$");
        List<Path> skip =
                List.of(root.resolve("db"), root.resolve("keys"), study.folder().snapshots());
        try (java.util.stream.Stream<Path> s = Files.walk(root)) {
            List<Path> hits = s.filter(p -> skip.stream().noneMatch(p::startsWith))
                    .filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> theirs.matcher(p.getFileName().toString()).matches())
                    .toList();
            for (Path p : hits) Files.delete(p);
            return hits.size();
        } catch (java.io.IOException e) {
            throw Problem.internal("cannot delete a removed participant's files in " + root, e);
        }
    }

    /**
     * Re-applies every withdrawal in the study folder's register that the database does not hold (a
     * study restored from a backup made before it): the withdrawal row, the consent status, the
     * removal of words and the key's destruction. Returns how many were re-applied. Restore runs it
     * before the restored study is handed over.
     */
    public int reapply(String actor) {
        List<Withdrawal> entries = WithdrawalRegister.of(study.folder().dir()).entries();
        Map<String, Withdrawal.Level> held = tx(ProtectTables::withdrawals);
        int n = 0;
        for (int k = 0; k < entries.size(); k++) {
            Withdrawal w = entries.get(k);
            Withdrawal.Level have = held.get(w.participantId());
            if (have != null && have.compareTo(w.level()) >= 0) {
                if (w.level().removesWords()) { // the words of a removal must be gone whatever the database says
                    tx(c -> {
                        Removal.remove(c, store, w.participantId());
                        return null;
                    });
                    ParticipantKeys.of(study.folder().dir()).destroy(w.participantId());
                    removeFiles(w.participantId());
                }
                continue;
            }
            boolean recorded = tx(c -> ProtectTables.participantExists(c, store, w.participantId()));
            if (!recorded) continue; // restored from a backup made before the participant was recorded
            apply(w, "re-applied from the withdrawal register on restore", actor, k + 1);
            held.merge(w.participantId(), w.level(), Withdrawal.Level::strongest);
            n++;
        }
        return n;
    }

    /** Refuses contact with a participant who withdrew at any level or did not consent to re-contact. */
    public void requireContactAllowed(String participantId) {
        boolean allowed = tx(c -> ParticipantStatus.read(c, store).contactAllowed(participantId));
        if (!allowed) {
            throw Problem.refused(
                    "participant " + participantId + " may not be contacted (withdrawn, or no consent to re-contact)",
                    "see the consent form and the withdrawal register");
        }
    }

    /** The withdrawals the database holds, by participant (strongest level). */
    public Map<String, Withdrawal.Level> levels() {
        return tx(ProtectTables::withdrawals);
    }

    /** Lists the outputs built before the withdrawal that held participants, and notices for restricted releases. */
    private void supersede(
            int number, Instant at, List<OutputRegister.Superseded> superseded, List<OutputRegister.Notice> notices) {
        OutputRegister reg = OutputRegister.of(study.folder().dir());
        Set<String> snapshots = new TreeSet<>();
        for (Snapshot sn : study.folder().listSnapshots()) {
            if (sn.manifest().createdAt().isAfter(at)) continue;
            if (sn.rows().getOrDefault("participant", 0L) == 0) continue;
            snapshots.add(sn.id());
            superseded.add(new OutputRegister.Superseded(number, "snapshot", sn.id(), at.toString()));
            Path reports = study.folder().reportsOf(sn.id());
            if (Files.isDirectory(reports)) {
                superseded.add(new OutputRegister.Superseded(
                        number,
                        "reports",
                        study.folder().dir().relativize(reports).toString(),
                        at.toString()));
            }
        }
        for (OutputRegister.Release r : reg.releases()) {
            if (!snapshots.contains(r.snapshotId())) continue;
            superseded.add(new OutputRegister.Superseded(number, "release", r.dir(), at.toString()));
            if (r.level().equals("restricted")) {
                notices.add(new OutputRegister.Notice(
                        "W" + number + "-N" + (notices.size() + 1),
                        number,
                        r.dir(),
                        "A participant whose data is in the restricted package " + r.dir() + " (snapshot "
                                + r.snapshotId() + ") has withdrawn. Delete every copy of the package and"
                                + " confirm the deletion; a replacement package will be issued.",
                        null,
                        null));
            }
        }
        superseded.forEach(reg::markSuperseded);
        notices.forEach(reg::addNotice);
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T tx(Work<T> work) {
        try {
            return store.tx(work::run);
        } catch (SQLException e) {
            throw Problem.internal("the database refused the withdrawal (SQL state " + e.getSQLState() + ")", e);
        }
    }
}
