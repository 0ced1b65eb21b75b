package org.tfeval.study.accounts;

import java.util.Arrays;
import java.util.Locale;

/** What an account may do. Scoped roles see only the records of their own task forces. */
public enum Role {
    /** Manages accounts, browses the audit log, sees and edits every task force. */
    ADMINISTRATOR("Administrator", false, true, true, true, true, true),
    /** Runs coding at their task forces: sampling, assignment, reconciliation, queries, exports. */
    SITE_COORDINATOR("Site coordinator", true, true, true, true, true, false),
    /** Codes case files of their task forces and answers queries. */
    CODER("Coder", true, true, true, false, false, false),
    /** Reads every task force's records, exports and agreement; changes nothing. */
    ANALYST("Analyst", false, false, true, false, true, false),
    /** Sees the progress of their task forces, no record data. */
    TASK_FORCE_VIEWER("Task-force viewer", true, false, false, false, false, false),
    /**
     * Reviews de-identification: reads transcripts' untouched originals and the key map (token to
     * original), every read audited; no record data, no coding.
     */
    PRIVACY_OFFICER("Privacy officer", false, false, false, false, false, false),
    /** Manages restricted-use access: applications, decisions, issued packages, reports, destruction; no record data. */
    STEWARD("Data steward", false, false, false, false, false, false);

    private final String label;
    private final boolean scoped;
    private final boolean codes;
    private final boolean readsRecords;
    private final boolean coordinates;
    private final boolean exports;
    private final boolean administers;

    Role(
            String label,
            boolean scoped,
            boolean codes,
            boolean readsRecords,
            boolean coordinates,
            boolean exports,
            boolean administers) {
        this.label = label;
        this.scoped = scoped;
        this.codes = codes;
        this.readsRecords = readsRecords;
        this.coordinates = coordinates;
        this.exports = exports;
        this.administers = administers;
    }

    /** Words for people. */
    public String label() {
        return label;
    }

    /** The name stored in the database and used on forms ({@code site_coordinator}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the role is limited to the account's task forces (and needs at least one). */
    public boolean scoped() {
        return scoped;
    }

    /** Whether the role may enter and change coded values. */
    public boolean codes() {
        return codes;
    }

    /** Whether the role may see record values. */
    public boolean readsRecords() {
        return readsRecords;
    }

    /** Whether the role may sample, assign double coding, reconcile and open or close queries. */
    public boolean coordinates() {
        return coordinates;
    }

    /** Whether the role may export records. */
    public boolean exports() {
        return exports;
    }

    /** Whether the role may manage accounts and browse the audit log. */
    public boolean administers() {
        return administers;
    }

    /** Whether the role may read transcripts' originals and the key map, and review de-identification. */
    public boolean readsOriginals() {
        return this == PRIVACY_OFFICER;
    }

    /** Whether the role manages restricted-use access (applications, decisions, issues, annual reports, destruction). */
    public boolean stewards() {
        return this == STEWARD;
    }

    /** The role of a stored or submitted id. */
    public static Role of(String id) {
        return Arrays.stream(values())
                .filter(r -> r.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown role '" + id + "'; roles are "
                        + Arrays.stream(values()).map(Role::id).toList()));
    }
}
