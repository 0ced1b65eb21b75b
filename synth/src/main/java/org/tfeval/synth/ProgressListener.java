package org.tfeval.synth;

/** Receives progress while a study is written; the CLI draws a bar from it. */
@FunctionalInterface
public interface ProgressListener {

    /**
     * Rows of a file written so far.
     *
     * @param form  the form name ({@code case}, {@code victim}, ...) or {@code case_list}
     * @param done  rows written so far
     * @param total rows the file will hold, or -1 when not known in advance (offenses)
     */
    void progress(String form, long done, long total);

    /** A listener that ignores progress. */
    static ProgressListener none() {
        return (form, done, total) -> {};
    }
}
