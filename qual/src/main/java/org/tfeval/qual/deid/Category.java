package org.tfeval.qual.deid;

import java.util.Locale;

/** What kind of identifier a span is; decides its token ({@code [SURVIVOR-07]}, {@code [CITY-1]}). */
public enum Category {
    /** A person other than a survivor (staff, officers, family). */
    PERSON(1),
    /** A survivor (the interviewee or another): two-digit tokens, the survivor study's convention. */
    SURVIVOR(2),
    /** A city or town. */
    CITY(1),
    /** Another named place: a motel, a street, a mall, a county. */
    PLACE(1),
    /** A street address. */
    ADDRESS(1),
    /** An employer or business. */
    EMPLOYER(1),
    /** A public or non-governmental agency. */
    AGENCY(1),
    /** A task force's name. */
    TASK_FORCE(1),
    PHONE(1),
    EMAIL(1),
    /** A calendar date (day and month); a bare year is not an identifier. */
    DATE(1),
    /** A case or docket number. */
    CASE_NUMBER(1),
    LICENSE_PLATE(1);

    private final int digits;

    Category(int digits) {
        this.digits = digits;
    }

    /** The {@code n}th token of this category, e.g. {@code [SURVIVOR-07]} or {@code [CITY-1]}. */
    public String token(int n) {
        if (n < 1) throw new IllegalArgumentException("tokens are numbered from 1");
        return "[" + name() + "-" + String.format(Locale.ROOT, "%0" + digits + "d", n) + "]";
    }

    /** Lower-case name as stored and typed. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The category of a stored or typed label (either case, dash or underscore). */
    public static Category of(String label) {
        try {
            return valueOf(label.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown identifier category '" + label + "'; categories are "
                    + java.util.Arrays.stream(values()).map(Category::label).toList());
        }
    }
}
