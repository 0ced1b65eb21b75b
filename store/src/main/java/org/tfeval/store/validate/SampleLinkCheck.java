package org.tfeval.store.validate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.Severity;
import org.tfeval.instrument.validation.Violation;
import org.tfeval.store.schema.FormTable;

/**
 * Checks the coded cases against the recorded sample draw (tables {@code sample_draw}, {@code sample_case}): for
 * every task force, its latest draw is the one its coded cases must come from. A form takes part when it has a
 * single-variable key, a {@value #SITE} and a {@value #CASE_REF} variable (the case form of ecm.yaml). Findings
 * (each names the form, the record, the field and the rule):
 *
 * <ul>
 *   <li>{@value #NOT_DRAWN}: a coded case whose case-list reference is not in its task force's draw (neither
 *       sampled nor a replacement), warning;
 *   <li>{@value #NO_REFERENCE}: a coded case without a reference although its task force has a draw, warning;
 *   <li>{@value #CODED_TWICE}: two coded cases with the same draw entry, error (the same file coded twice);
 *   <li>{@value #NOT_CODED}: per task force, the sampled cases (replacements not counted) no coded case refers
 *       to yet, information (a warning, which blocks nothing), with the count.
 * </ul>
 *
 * Case-list references are direct identifiers: no finding quotes one.
 */
final class SampleLinkCheck {
    /** The case-list reference variable. */
    static final String CASE_REF = "CASE_REF";
    /** The task-force variable. */
    static final String SITE = "TF_ID";
    /** Rule: coded case not in the draw. */
    static final String NOT_DRAWN = "case_not_in_draw";
    /** Rule: coded case without a case-list reference. */
    static final String NO_REFERENCE = "case_ref_missing";
    /** Rule: one draw entry coded twice. */
    static final String CODED_TWICE = "draw_entry_coded_twice";
    /** Rule: sampled cases not coded yet. */
    static final String NOT_CODED = "drawn_not_coded";

    private static final String LATEST =
            "WITH latest AS (SELECT tf_id, max(draw_id) AS draw_id FROM sample_case GROUP BY tf_id) ";

    private SampleLinkCheck() {}

    /** Runs the checks on every form that takes part, reporting at most {@code limit} findings per rule and form. */
    static void check(Connection c, Instrument instrument, Consumer<Violation> log, int limit) throws SQLException {
        for (Form f : instrument.forms()) {
            if (f.key().size() != 1
                    || f.find(CASE_REF).isEmpty()
                    || f.find(SITE).isEmpty()) continue;
            check(c, new FormTable(instrument, f), f, log, limit);
        }
    }

    private static void check(Connection c, FormTable table, Form f, Consumer<Violation> log, int limit)
            throws SQLException {
        String key = FormTable.column(f.key().get(0));
        String site = FormTable.column(SITE);
        String ref = FormTable.column(CASE_REF);
        String t = table.table();
        query(
                c,
                LATEST + "SELECT c." + key + ", l.draw_id FROM " + t + " c JOIN latest l ON l.tf_id = c." + site
                        + " WHERE c." + ref + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sample_case s WHERE "
                        + "s.draw_id = l.draw_id AND s.tf_id = c." + site + " AND s.case_ref = c." + ref
                        + ") ORDER BY 1 LIMIT " + limit,
                rs -> log.accept(new Violation(
                        f.name(),
                        0,
                        rs.getString(1),
                        CASE_REF,
                        null,
                        NOT_DRAWN,
                        "the case-list reference is not in draw " + rs.getLong(2)
                                + " of the task force (neither sampled nor a replacement): check the reference, or"
                                + " that the file was sampled",
                        Severity.WARNING)));
        query(
                c,
                LATEST + "SELECT c." + key + ", l.draw_id FROM " + t + " c JOIN latest l ON l.tf_id = c." + site
                        + " WHERE c." + ref + " IS NULL ORDER BY 1 LIMIT " + limit,
                rs -> log.accept(new Violation(
                        f.name(),
                        0,
                        rs.getString(1),
                        CASE_REF,
                        null,
                        NO_REFERENCE,
                        "the case has no case-list reference although its task force has draw " + rs.getLong(2)
                                + ": without it the case cannot be checked against the sample or weighted",
                        Severity.WARNING)));
        query(
                c,
                LATEST + "SELECT k, first, n FROM (SELECT c." + key + " AS k, first_value(c." + key
                        + ") OVER w AS first, count(*) OVER w AS n FROM " + t + " c JOIN latest l ON l.tf_id = c."
                        + site + " JOIN sample_case s ON s.draw_id = l.draw_id AND s.tf_id = c." + site
                        + " AND s.case_ref = c." + ref + " WINDOW w AS (PARTITION BY c." + site + ", c." + ref
                        + " ORDER BY c." + key + " ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)) d"
                        + " WHERE n > 1 AND k <> first ORDER BY 1 LIMIT " + limit,
                rs -> log.accept(new Violation(
                        f.name(),
                        0,
                        rs.getString(1),
                        CASE_REF,
                        null,
                        CODED_TWICE,
                        "the case has the same draw entry as case " + rs.getString(2) + " (" + rs.getLong(3)
                                + " coded cases for one sampled file): code each sampled file once",
                        Severity.ERROR)));
        query(
                c,
                LATEST + "SELECT s.tf_id, s.draw_id, count(*), count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM " + t
                        + " c WHERE c." + site + " = s.tf_id AND c." + ref + " = s.case_ref)) FROM sample_case s "
                        + "JOIN latest l ON l.tf_id = s.tf_id AND l.draw_id = s.draw_id WHERE s.role = 'sample' "
                        + "GROUP BY s.tf_id, s.draw_id ORDER BY 1 LIMIT " + limit,
                rs -> {
                    long missing = rs.getLong(4);
                    if (missing == 0) return;
                    log.accept(new Violation(
                            f.name(),
                            0,
                            rs.getString(1),
                            CASE_REF,
                            null,
                            NOT_CODED,
                            "information: " + missing + " of the " + rs.getLong(3) + " cases sampled in draw "
                                    + rs.getLong(2) + " for task force " + rs.getString(1)
                                    + " have no coded case yet (replacements not counted)",
                            Severity.WARNING));
                });
    }

    private interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, RowHandler h) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) h.handle(rs);
        }
    }
}
