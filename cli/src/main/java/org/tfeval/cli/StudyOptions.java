package org.tfeval.cli;

import java.nio.file.Path;
import org.tfeval.store.study.StudyWorkspace;
import picocli.CommandLine.Option;

/** Options every study command takes. */
final class StudyOptions {
    @Option(names = "--study", paramLabel = "DIR", description = "Study folder (default: the current folder).", defaultValue = ".")
    Path study;

    @Option(names = "--db", paramLabel = "URL", description = "PostgreSQL server (postgresql://user@host:5432/db) instead of the study's database;"
            + " the password may come from TFEVAL_DB_PASSWORD.")
    String db;

    @Option(names = "--user", paramLabel = "NAME", description = "Who is acting, for the audit log (default: the login name).")
    String user;

    String actor() {
        return user != null ? user : System.getProperty("user.name", "unknown");
    }

    StudyWorkspace workspace() {
        return StudyWorkspace.at(study);
    }

    StudyWorkspace.StudySession open() {
        return workspace().open(db);
    }
}
