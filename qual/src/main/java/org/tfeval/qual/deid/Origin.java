package org.tfeval.qual.deid;

import java.util.Locale;

/** Where a suggestion came from. */
public enum Origin {
    /** An entry of the study's rosters (participants, task forces, agencies, places the study knows). */
    ROSTER,
    /** A pattern: phone, email, address, date, case or docket number, license plate, titled name. */
    PATTERN,
    /** A speaker label ({@code Name:} marker or VTT voice) that is not a generic role. */
    SPEAKER,
    /** Added by the reviewer. */
    REVIEWER;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Origin of(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
