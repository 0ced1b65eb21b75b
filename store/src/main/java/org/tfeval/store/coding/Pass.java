package org.tfeval.store.coding;

import java.util.Arrays;

/** The coding passes of a case file. */
public enum Pass {
    /** The coding that becomes the study's data when complete. */
    FIRST(1),
    /** The blind second coding for agreement; it changes the study's data only through reconciliation. */
    SECOND(2);

    private final int number;

    Pass(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    /** Whether completing this pass writes the form tables. */
    public boolean writesStudyData() {
        return this == FIRST;
    }

    /** The other pass, whose coding a blind coder must not see. */
    public Pass other() {
        return this == FIRST ? SECOND : FIRST;
    }

    public static Pass of(int number) {
        return Arrays.stream(values())
                .filter(p -> p.number == number)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("pass " + number + " must be 1 or 2"));
    }
}
