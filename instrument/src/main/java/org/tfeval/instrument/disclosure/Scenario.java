package org.tfeval.instrument.disclosure;

import java.util.Locale;

/** How the records of a case are put together to measure risk. */
public enum Scenario {
    /**
     * One view: every combination of a case's victim and suspect with the case variables; a class
     * must hold k cases on all quasi-identifiers at once.
     */
    JOINED("joined case-victim-suspect view: one risk unit, the case with all its people"),
    /**
     * Two views, case with victims and case with suspects, each a risk unit of its own: an attacker
     * who knows a victim is not assumed to know the suspects too, and the reverse.
     */
    SEPARATE("separate views: case-victim and case-suspect, each its own risk unit");

    private final String words;

    Scenario(String words) {
        this.words = words;
    }

    /** The scenario in words, for reports. */
    public String words() {
        return words;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The scenario of that name ({@code joined}, {@code separate}). */
    public static Scenario of(String name) {
        for (Scenario s : values()) {
            if (s.key().equals(name.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("disclosure scenario must be joined or separate, not '" + name + "'");
    }
}
