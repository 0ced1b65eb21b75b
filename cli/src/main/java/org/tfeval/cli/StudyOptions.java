package org.tfeval.cli;

import java.nio.file.Path;
import org.tfeval.study.Study;
import org.tfeval.study.StudyFolder;
import picocli.CommandLine.Option;

/** Options every study command takes. */
public final class StudyOptions {
    @Option(
            names = "--study",
            paramLabel = "DIR",
            description = "Study folder (default: the current folder).",
            defaultValue = ".")
    public Path study;

    @Option(
            names = "--db",
            paramLabel = "URL",
            description = "PostgreSQL server (postgresql://user@host:5432/db) instead of the study's database;"
                    + " the password may come from TFEVAL_DB_PASSWORD.")
    public String db;

    @Option(
            names = "--user",
            paramLabel = "NAME",
            description = "Who is acting, for the audit log (default: the login name). Recorded as a claimed"
                    + " name beside the login name, never instead of it.")
    public String user;

    @Option(
            names = "--audit-key",
            paramLabel = "FILE",
            description = "The audit key file (HMAC-SHA256, owner-only), for a study on a server whose key the"
                    + " operator keeps (default: the study config's audit_key, else audit.key in the study folder).")
    public Path auditKey;

    @Option(
            names = "--audit-anchor",
            paramLabel = "FILE",
            description = "An external audit anchor for this run (append-only, owner-only; a place the operator"
                    + " keeps outside the study folder and the database): every event is appended to it too, and"
                    + " 'audit verify' compares the chain with it (beside audit-anchor.log and the config's"
                    + " audit_anchor).")
    public Path auditAnchor;

    /**
     * The actor for the audit log: the login name, and a {@code --user} name only as a claim beside
     * it ({@code "ann (claimed by login bob)"}), so nobody acts under another name silently.
     */
    public String actor() {
        String login = System.getProperty("user.name", "unknown");
        if (user == null || user.isBlank() || user.equals(login)) return login;
        return user.strip() + " (claimed by login " + login + ")";
    }

    /** The study folder, without opening its database. */
    public StudyFolder folder() {
        return StudyFolder.at(study);
    }

    /** Opens the study and its database; close it to stop the embedded server. */
    public Study open() {
        return Study.open(study, db, auditKey, auditAnchor);
    }
}
