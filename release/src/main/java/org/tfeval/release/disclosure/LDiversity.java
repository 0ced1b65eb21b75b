package org.tfeval.release.disclosure;

import static org.tfeval.release.disclosure.ReleaseWork.quote;

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
            String classes = "SELECT j." + r + " AS r, " + x + " AS sv, count(DISTINCT CASE WHEN " + ReleaseWork.valid(x) + " THEN " + x
                    + " END) OVER (PARTITION BY " + qualified(partition) + ") AS d, dense_rank() OVER (ORDER BY " + qualified(partition)
                    + ") AS c FROM " + table + " j JOIN " + ReleaseWork.rel(s.form()) + " x ON x._rid = j." + r;
            long before = work.queryLong("SELECT count(DISTINCT c) FROM (" + classes + ") WHERE d > 0 AND d < " + l);
            long n = 0;
            // a record in several classes (a victim with two suspects) can leave another class short once suppressed: repeat
            for (long open = before; open > 0; open = work.queryLong("SELECT count(DISTINCT c) FROM (" + classes + ") WHERE d > 0 AND d < " + l)) {
                n += work.update("UPDATE " + ReleaseWork.rel(s.form()) + " SET " + quote(s.name()) + " = " + ReleaseWork.SUPPRESSED
                        + " WHERE _rid IN (SELECT r FROM (" + classes + ") WHERE d > 0 AND d < " + l + " AND " + ReleaseWork.valid("sv") + ")");
            }
            LocalSuppression.markSuppressible(work, s);
            if (n > 0) {
                work.propagate(s);
            }
            work.treat(s.form(), s.name(), getClass().getSimpleName(), before + " classes had fewer than " + l + " distinct values; " + n
                    + " values suppressed (set to -6)", n);
            suppressed += n;
            values += work.queryLong("SELECT count(" + quote(s.name()) + ") FROM " + ReleaseWork.rel(s.form()));
        }
        work.countSuppressed(0, suppressed);
        if (values > 0 && (double) suppressed / values > maxSuppressedShare) {
            throw new ReleaseRefusedException(String.format(Locale.ROOT, "l = %d cannot be reached within the limits: it needs %d of %d "
                    + "sensitive values (%.1f%%) suppressed, the maximum is %.1f%%", l, suppressed, values, 100.0 * suppressed / values,
                    100 * maxSuppressedShare));
        }
    }

    /** The partition columns prefixed with the view's alias. */
    private static String qualified(String partition) {
        StringBuilder b = new StringBuilder();
        for (String c : partition.split(", ")) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append("j.").append(c);
        }
        return b.toString();
    }
}
