package org.tfeval.study;

import java.util.function.Supplier;
import org.tfeval.instrument.workflow.Problem;

/** Turns the study folder's "no study here" and similar states into {@link Problem}s. */
final class StudyProblems {
    private StudyProblems() {
    }

    static <T> T translate(Supplier<T> work) {
        try {
            return work.get();
        } catch (IllegalStateException e) {
            throw new Problem.Usage(e.getMessage(), null, e);
        }
    }
}
