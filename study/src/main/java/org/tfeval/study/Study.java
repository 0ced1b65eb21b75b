package org.tfeval.study;

import java.nio.file.Path;
import java.util.Objects;
import org.tfeval.instrument.Instrument;
import org.tfeval.store.Store;
import org.tfeval.store.study.StudyWorkspace;

/**
 * An open study: the one door to its workflow. Adapters (cli, web) open a study and call its use
 * cases; every precondition (validation state, open queries, empty target folders, the folder
 * layout) is checked here, once, for every adapter. Close it to stop the embedded database.
 */
public final class Study implements AutoCloseable {
    private final StudyFolder folder;
    private final StudyWorkspace.StudySession session;

    private Study(StudyFolder folder, StudyWorkspace.StudySession session) {
        this.folder = folder;
        this.session = session;
    }

    /** Opens the study in a folder: its database (embedded unless {@code dbOverride} or the config names a server). */
    public static Study open(Path dir, String dbOverride) {
        StudyFolder folder = StudyFolder.at(dir);
        return new Study(folder, folder.workspace().open(dbOverride));
    }

    /** Opens an existing study folder's database. */
    public static Study open(StudyFolder folder, String dbOverride) {
        Objects.requireNonNull(folder, "folder");
        return new Study(folder, folder.workspace().open(dbOverride));
    }

    public StudyFolder folder() {
        return folder;
    }

    public Instrument instrument() {
        return session.store().instrument();
    }

    /** Where the data lives, for people: the embedded folder or the server (no password). */
    public String databaseDisplay() {
        return session.server() != null ? "embedded PostgreSQL in " + folder.database() : session.store().settings().display();
    }

    /**
     * The store, for the study layer's own feature packages only. Adapters never call this: an
     * architecture test fails the build when cli or web depend on {@code org.tfeval.store}.
     */
    public Store store() {
        return session.store();
    }

    @Override
    public void close() {
        session.close();
    }
}
