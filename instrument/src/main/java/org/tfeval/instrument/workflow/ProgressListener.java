package org.tfeval.instrument.workflow;

/** Receives progress of long work; the CLI draws a bar. */
@FunctionalInterface
public interface ProgressListener {
    /** Ignores progress. */
    ProgressListener NONE = (task, done, total) -> {};

    /**
     * @param task  what is being done ({@code import case.csv})
     * @param done  units done
     * @param total units in all, or -1 when unknown
     */
    void progress(String task, long done, long total);
}
