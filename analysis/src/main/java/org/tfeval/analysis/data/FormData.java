package org.tfeval.analysis.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One dataset of the snapshot (cases, victims or suspects) as columns, rows in key order. Every row
 * knows its task force ({@link #site(int)}, an index into {@link StudyData#taskForces()}).
 */
public final class FormData {
    /** Site index of a row whose {@code TF_ID} names no task force of the snapshot. */
    public static final int NO_SITE = -1;

    private final String form;
    private final int rows;
    private final int[] site;
    private final Map<String, IntColumn> codes;
    private final Map<String, DecimalColumn> decimals;
    private final Map<String, DateColumn> dates;

    FormData(
            String form,
            int[] site,
            Map<String, IntColumn> codes,
            Map<String, DecimalColumn> decimals,
            Map<String, DateColumn> dates) {
        this.form = Objects.requireNonNull(form, "form");
        this.rows = site.length;
        this.site = site;
        this.codes = Collections.unmodifiableMap(new LinkedHashMap<>(codes));
        this.decimals = Collections.unmodifiableMap(new LinkedHashMap<>(decimals));
        this.dates = Collections.unmodifiableMap(new LinkedHashMap<>(dates));
        codes.values().forEach(c -> check(c.name(), c.size()));
        decimals.values().forEach(c -> check(c.name(), c.size()));
        dates.values().forEach(c -> check(c.name(), c.size()));
    }

    private void check(String name, int size) {
        if (size != rows)
            throw new IllegalArgumentException(form + "." + name + " has " + size + " rows, the form has " + rows);
    }

    public String form() {
        return form;
    }

    /** Number of rows. */
    public int rows() {
        return rows;
    }

    /** Task-force index of a row, or {@link #NO_SITE}. */
    public int site(int row) {
        return site[row];
    }

    /** A coded or integer variable. */
    public IntColumn code(String variable) {
        IntColumn c = codes.get(variable);
        if (c == null)
            throw new IllegalArgumentException(
                    form + " has no coded or integer variable " + variable + " (has " + codes.keySet() + ")");
        return c;
    }

    /** A decimal variable. */
    public DecimalColumn decimal(String variable) {
        DecimalColumn c = decimals.get(variable);
        if (c == null) throw new IllegalArgumentException(form + " has no decimal variable " + variable);
        return c;
    }

    /** A date variable. */
    public DateColumn date(String variable) {
        DateColumn c = dates.get(variable);
        if (c == null) throw new IllegalArgumentException(form + " has no date variable " + variable);
        return c;
    }

    /** Names of the coded and integer variables. */
    public Set<String> codeNames() {
        return codes.keySet();
    }
}
