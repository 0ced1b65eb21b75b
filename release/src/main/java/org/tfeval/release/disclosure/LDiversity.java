package org.tfeval.release.disclosure;

import static org.tfeval.instrument.sql.SqlIdentifier.quote;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.tfeval.instrument.DisclosureRole;
import org.tfeval.release.dataset.VariableKind;

/**
 * Distinct l-diversity on every sensitive variable: within each equivalence class of the joined view
 * (rows with the same quasi-identifier values), a sensitive variable that holds valid values holds at
 * least l distinct ones; otherwise its valid values in that class are suppressed (-6), so the class
 * reveals nothing about it. The release is refused when that needs more than the allowed share of
 * sensitive values.
 */
public final class LDiversity implements DisclosureRule {
    private final int l;
    private final double maxSuppressedShare;

    /**
     * @param l least number of distinct valid values in a class; 1 switches the rule off
     * @param maxSuppressedShare most sensitive values that may be suppressed, as a share
     */
    public LDiversity(int l, double maxSuppressedShare) {
        if (l < 1) {
            throw new IllegalArgumentException("l must be at least 1, not " + l);
        }
        this.l = l;
        this.maxSuppressedShare = maxSuppressedShare;
    }

    @Override
    public void apply(ReleaseWork work) throws SQLException {
        if (l == 1) {
            work.note("l-diversity is switched off (l = 1)");
            return;
        }
        work.materialise();
        JoinedView view = work.view();
        List<JoinedView.Column> quasi = view.quasiIdentifiers(work);
        String table = work.joinedView(quasi);
        String partition = JoinedView.partition(quasi);
        // classes do not change here: number them once
        work.execute("CREATE OR REPLACE TEMP TABLE classes AS SELECT " + partition
                + ", row_number() OVER () AS c FROM (SELECT DISTINCT " + partition + " FROM " + table + ")");
        work.execute("CREATE OR REPLACE TEMP TABLE jv_classes AS SELECT COLUMNS('^_r_'), c FROM " + table
                + " JOIN classes USING (" + partition + ")");
        long suppressed = 0;
        long values = 0;
        for (PlannedVariable s : work.allVariables()) {
            if (s.role() != DisclosureRole.SENSITIVE || s.inherits() != null || !view.contains(s.form())) {
                continue;
            }
            if (s.kind() != VariableKind.INTEGER && s.kind() != VariableKind.DECIMAL) {
                work.note(s.qualifiedName() + " is sensitive but not numeric; l-diversity is not checked on it");
                continue;
            }
            String r = quote(JoinedView.rowId(s.form()));
            String x = "x." + quote(s.name());
            String shortClasses = "SELECT j.c FROM jv_classes j JOIN " + ReleaseWork.rel(s.form()) + " x ON x._rid = j."
                    + r + " GROUP BY j.c HAVING count(DISTINCT CASE WHEN " + ReleaseWork.valid(x) + " THEN " + x
                    + " END) BETWEEN 1 AND " + (l - 1);
            long before = work.queryLong("SELECT count(*) FROM (" + shortClasses + ")");
            long n = 0;
            // a record in several classes (a victim with two suspects) can leave another class short once suppressed:
            // repeat
            for (long open = before; open > 0; open = work.queryLong("SELECT count(*) FROM (" + shortClasses + ")")) {
                n += work.update("UPDATE " + ReleaseWork.rel(s.form()) + " SET " + quote(s.name()) + " = "
                        + ReleaseWork.SUPPRESSED
                        + " WHERE _rid IN (SELECT j." + r + " FROM jv_classes j WHERE j.c IN (" + shortClasses
                        + ")) AND "
                        + ReleaseWork.valid(quote(s.name())));
            }
            LocalSuppression.markSuppressible(work, s);
            if (n > 0) {
                work.propagate(s);
            }
            work.treat(
                    s.form(),
                    s.name(),
                    getClass().getSimpleName(),
                    before + " classes had fewer than " + l + " distinct values; " + n
                            + " values suppressed (set to -6)",
                    n);
            suppressed += n;
            values += work.queryLong("SELECT count(" + quote(s.name()) + ") FROM " + ReleaseWork.rel(s.form()));
        }
        work.execute("DROP TABLE classes");
        work.execute("DROP TABLE jv_classes");
        work.countSuppressed(0, suppressed);
        if (values > 0 && (double) suppressed / values > maxSuppressedShare) {
            throw new ReleaseRefusedException(String.format(
                    Locale.ROOT,
                    "l = %d cannot be reached within the limits: it needs %d of %d "
                            + "sensitive values (%.1f%%) suppressed, the maximum is %.1f%%",
                    l,
                    suppressed,
                    values,
                    100.0 * suppressed / values,
                    100 * maxSuppressedShare));
        }
    }
}
