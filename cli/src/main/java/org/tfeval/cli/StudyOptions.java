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
            description = "Who is acting, for the audit log (default: the login name).")
    public String user;

    public String actor() {
        return user != null ? user : System.getProperty("user.name", "unknown");
    }

    /** The study folder, without opening its database. */
    public StudyFolder folder() {
        return StudyFolder.at(study);
    }

    /** Opens the study and its database; close it to stop the embedded server. */
    public Study open() {
        return Study.open(study, db);
    }
}
