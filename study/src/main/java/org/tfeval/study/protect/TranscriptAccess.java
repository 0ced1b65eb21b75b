package org.tfeval.study.protect;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.store.Store;
import org.tfeval.study.Study;
import org.tfeval.study.accounts.Role;
import org.tfeval.study.audit.AuditEvents;

/**
 * Who may read which transcript, decided by the participant's sensitivity tier: survivor transcripts
 * only by accounts granted survivor access (designated analysts; a per-account grant, not a role);
 * a coder only the transcripts assigned to them (directly or in a reliability round); a task-force
 * viewer none; a name that is no active account (a CLI login) no survivor transcript. Participants who
 * withdrew beyond no-contact are read by nobody. Grants and assignments are audited.
 */
public final class TranscriptAccess {
    private final Store store;

    private TranscriptAccess(Store store) {
        this.store = store;
    }

    public static TranscriptAccess of(Study study) {
        return new TranscriptAccess(study.store());
    }

    /**
     * A reader as the rules see them.
     *
     * @param name           the account name (or CLI login) asking
     * @param role           the account's role; empty when the name is no active account
     * @param survivorAccess whether the account holds a survivor-access grant
     * @param assigned       interviews the reader is assigned as a coder
     */
    public record Reader(String name, Optional<Role> role, boolean survivorAccess, Set<String> assigned) {
        public Reader {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(role, "role");
            assigned = Set.copyOf(assigned);
        }

        /** Whether this reader may read the newest transcript of an interview. */
        public boolean mayRead(String interviewId, ParticipantStatus status) {
            if (status.excluded(interviewId)) return false;
            if (role.isPresent() && role.get() == Role.TASK_FORCE_VIEWER) return false;
            if (role.isPresent() && role.get() == Role.CODER && !assigned.contains(interviewId)) return false;
            if (status.survivor(interviewId)) return role.isPresent() && survivorAccess;
            return true;
        }

        /**
         * Whether this reader may code the newest transcript of an interview: a coder only a transcript
         * assigned to them (directly or in a reliability round), nobody a participant's who withdrew
         * beyond no-contact.
         */
        public boolean mayCode(String interviewId, ParticipantStatus status) {
            if (status.participantOf(interviewId)
                    .map(status::excludedParticipant)
                    .orElse(false)) return false;
            if (role.isPresent() && role.get() == Role.TASK_FORCE_VIEWER) return false;
            return role.isEmpty() || role.get() != Role.CODER || assigned.contains(interviewId);
        }
    }

    /** The reader of a name, in the caller's transaction. */
    public static Reader reader(Connection c, String name) throws SQLException {
        Optional<Role> role = ProtectTables.role(c, name);
        boolean grant = role.isPresent() && ProtectTables.survivorGrant(c, name);
        return new Reader(name, role, grant, ProtectTables.assigned(c, name));
    }

    /** Grants an account survivor access (an administrator's act, audited). */
    public void grantSurvivorAccess(String account, String administrator) {
        tx(c -> {
            requireAdministrator(c, administrator);
            if (ProtectTables.role(c, account).isEmpty()) {
                throw Problem.usage("no active account named " + account, "create the account first");
            }
            if (!ProtectTables.survivorGrant(c, account)) {
                ProtectTables.grant(c, account, administrator, Instant.now());
                AuditEvents.record(c, administrator, "survivor_access_grant", null, "account", account);
            }
            return null;
        });
    }

    /** Revokes an account's survivor access (audited); returns whether it held a grant. */
    public boolean revokeSurvivorAccess(String account, String administrator) {
        return tx(c -> {
            requireAdministrator(c, administrator);
            int n = ProtectTables.revoke(c, account, administrator, Instant.now());
            if (n > 0) AuditEvents.record(c, administrator, "survivor_access_revoke", null, "account", account);
            return n > 0;
        });
    }

    /** Accounts holding survivor access now. */
    public List<String> survivorAccessHolders() {
        return tx(ProtectTables::granted);
    }

    /** Assigns a coder an interview's transcript outside reliability rounds (audited). */
    public void assign(String interviewId, String coder, String actor) {
        tx(c -> {
            if (ProtectTables.participantOf(c, store, interviewId).isEmpty()) {
                throw Problem.usage("interview " + interviewId + " is not in the interview form", null);
            }
            ProtectTables.assign(c, interviewId, coder, actor, Instant.now());
            AuditEvents.record(c, actor, "transcript_assign", "interview", "interview", interviewId, "coder", coder);
            return null;
        });
    }

    private static void requireAdministrator(Connection c, String actor) throws SQLException {
        if (ProtectTables.role(c, actor).filter(Role::administers).isEmpty()) {
            throw Problem.refused(
                    "only an administrator account grants or revokes survivor access",
                    "act as an administrator account (--user is not enough: the login name decides)");
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T tx(Work<T> work) {
        try {
            return store.tx(work::run);
        } catch (SQLException e) {
            throw Problem.internal("the database refused the request (SQL state " + e.getSQLState() + ")", e);
        }
    }
}
