package org.tfeval.release.disclosure;

import static org.tfeval.instrument.sql.SqlIdentifier.quote;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tfeval.release.dataset.VariableKind;

/**
 * Reaches k-anonymity on the quasi-identifiers of the {@linkplain JoinedView joined view} by local
 * suppression. A class's size is the number of distinct cases among its rows. While some rows lie in a
 * class of fewer than k cases, each such row has one more value set to -6 (suppressed), in the record
 * it comes from: the value, among those it still holds, that the fewest cases share (it does most to
 * make the row unique); ties go by a fixed priority order: quasi-identifiers of the deepest records
 * first (victims and suspects before cases, cases before task forces, since a suppression there
 * touches the fewest rows), then the variables with the most distinct values. Rows whose
 * quasi-identifiers are all suppressed and whose class is still too small are left out of the release
 * with their whole case. The release is refused when more than the allowed share of cases is left out,
 * or when more than the allowed share of quasi-identifier values is suppressed in the end, counting
 * every -6: this rule's and those of a generalization to the top of a hierarchy.
 */
public final class LocalSuppression implements DisclosureRule {
    /** Working table of the joined view. */
    static final String VIEW = "jv";
    /** Scores a candidate value as (cases sharing it) x base + (its priority rank); ranks stay below the base. */
    private static final long SCORE_BASE = 1000;

    private final int k;
    private final double maxSuppressedShare;
    private final double maxRemovedCaseShare;

    /**
     * @param k least number of distinct cases in a class
     * @param maxSuppressedShare most quasi-identifier values that may be suppressed, as a share
     * @param maxRemovedCaseShare most cases that may be left out, as a share
     */
    public LocalSuppression(int k, double maxSuppressedShare, double maxRemovedCaseShare) {
        if (k < Thresholds.MIN_K) {
            throw new IllegalArgumentException("k must be at least " + Thresholds.MIN_K + ", not " + k);
        }
        this.k = k;
        this.maxSuppressedShare = maxSuppressedShare;
        this.maxRemovedCaseShare = maxRemovedCaseShare;
    }

    @Override
    public void apply(ReleaseWork work) throws SQLException {
        work.materialise();
        JoinedView view = work.view();
        List<JoinedView.Column> quasi = view.quasiIdentifiers(work);
        for (JoinedView.Column c : quasi) {
            if (c.kind() == VariableKind.DATE) {
                throw new IllegalStateException(
                        "local suppression needs dates coarsened first: " + c.qualifiedName() + " is a date");
            }
        }
        List<JoinedView.Column> order = priority(work, view, quasi);
        work.suppressionOrder(
                order.stream().map(JoinedView.Column::qualifiedName).toList());
        Map<String, List<JoinedView.Column>> views = views(work, quasi);
        long cases = work.queryLong("SELECT count(*) FROM " + ReleaseWork.rel(view.unit()));
        Map<String, Long> counted = new LinkedHashMap<>();
        for (Map.Entry<String, List<JoinedView.Column>> v : views.entrySet()) {
            work.execute("CREATE OR REPLACE TEMP TABLE jv_measure AS " + view.select("rel_", v.getValue()));
            work.addRisk(work.profile(stage("recoded", v.getKey(), views), "jv_measure", v.getValue()));
            work.execute("DROP TABLE jv_measure");
        }
        List<DerivablePairs.Component> derivable = DerivablePairs.of(work);
        Map<String, Long> derived = new LinkedHashMap<>();
        long removed = 0;
        // suppression in one view can split a class of another, and a suppressed year takes its intervals with it:
        // repeat until nothing changes
        for (boolean changed = true; changed; ) {
            changed = false;
            for (List<JoinedView.Column> columns : views.values()) {
                List<JoinedView.Column> viewOrder =
                        order.stream().filter(columns::contains).toList();
                long[] result = suppressView(work, view, columns, viewOrder, counted);
                removed += result[1];
                changed |= result[0] > 0 || result[1] > 0;
            }
            Map<String, Long> d = DerivablePairs.suppress(work, derivable);
            d.forEach((k2, n) -> {
                derived.merge(k2, n, Long::sum);
                counted.merge(k2, n, Long::sum);
            });
            changed |= !d.isEmpty();
        }
        if (cases > 0 && (double) removed / cases > maxRemovedCaseShare) {
            throw new ReleaseRefusedException(String.format(
                    Locale.ROOT,
                    "k = %d cannot be reached within the limits: %d of %d cases (%.1f%%) "
                            + "would have to be left out, the maximum is %.1f%%",
                    k,
                    removed,
                    cases,
                    100.0 * removed / cases,
                    100 * maxRemovedCaseShare));
        }
        long suppressed = 0;
        long values = 0;
        for (JoinedView.Column c : quasi) {
            PlannedVariable v = work.find(c.form(), c.name()).orElseThrow();
            long n = counted.getOrDefault(c.qualifiedName(), 0L);
            Long fromDerivation = derived.get(c.qualifiedName());
            suppressed += n;
            markSuppressible(work, v);
            if (n > 0) {
                work.treat(
                        c.form(),
                        c.name(),
                        getClass().getSimpleName(),
                        n + " values suppressed (set to -6) for k = " + k
                                + (fromDerivation == null
                                        ? ""
                                        : ", " + fromDerivation
                                                + " of them because a year they could restore was suppressed"),
                        n);
                work.propagate(v);
            }
        }
        if (removed > 0) {
            work.treat(
                    view.unit(),
                    "(all)",
                    getClass().getSimpleName(),
                    removed + " cases left out with their records: every quasi-identifier "
                            + "suppressed and still in a class of fewer than " + k,
                    0);
            work.countRemovedCases(removed);
        }
        // the limit counts every -6 the release holds in a quasi-identifier: this rule's, and those of a
        // generalization to the top of a hierarchy (a variable suppressed entirely), which would otherwise pass
        // unlimited
        long suppressedInAll = 0;
        for (JoinedView.Column c : quasi) {
            String col = quote(c.name());
            values += work.queryLong("SELECT count(" + col + ") FROM " + ReleaseWork.rel(c.form()));
            suppressedInAll += work.queryLong("SELECT count(*) FROM " + ReleaseWork.rel(c.form()) + " WHERE CAST("
                    + col + " AS VARCHAR) IN ('" + ReleaseWork.SUPPRESSED + "', '" + ReleaseWork.SUPPRESSED
                    + ".0')");
        }
        work.countSuppressed(suppressed, 0);
        if (values > 0 && (double) suppressedInAll / values > maxSuppressedShare) {
            throw new ReleaseRefusedException(String.format(
                    Locale.ROOT,
                    "k = %d cannot be reached within the limits: it needs %d of %d "
                            + "quasi-identifier values (%.1f%%) suppressed, by local suppression or by generalization "
                            + "to the top of a hierarchy; the maximum is %.1f%%",
                    k,
                    suppressedInAll,
                    values,
                    100.0 * suppressedInAll / values,
                    100 * maxSuppressedShare));
        }
        String unit = quote(JoinedView.rowId(view.unit()));
        for (Map.Entry<String, List<JoinedView.Column>> v : views.entrySet()) {
            work.execute("CREATE OR REPLACE TABLE " + VIEW + " AS " + view.select("rel_", v.getValue()));
            work.addRisk(work.profile(stage("released", v.getKey(), views), VIEW, v.getValue()));
            String partition = JoinedView.partition(v.getValue());
            long small = work.queryLong("SELECT count(*) FROM (SELECT count(DISTINCT " + unit + ") AS n FROM " + VIEW
                    + " GROUP BY " + partition + ") WHERE n < " + k);
            if (small > 0) {
                throw new IllegalStateException("local suppression ended with " + small + " classes below k = " + k);
            }
        }
        if (views.size() > 1) {
            // l-diversity and later rules build the joined view they need themselves
            work.execute("DROP TABLE IF EXISTS " + VIEW);
        }
    }

    private static String stage(String stage, String view, Map<String, ?> views) {
        return views.size() == 1 ? stage : stage + " (" + view + ")";
    }

    /**
     * The views of the scenario, by name: the joined view; or, for separate views, the unit with its
     * ancestors and one child subtree each (case-victim, case-suspect).
     */
    static Map<String, List<JoinedView.Column>> views(ReleaseWork work, List<JoinedView.Column> quasi) {
        Map<String, List<JoinedView.Column>> out = new LinkedHashMap<>();
        JoinedView view = work.view();
        if (work.scenario() == org.tfeval.instrument.disclosure.Scenario.SEPARATE) {
            org.tfeval.instrument.Instrument ins = work.instrument();
            for (org.tfeval.instrument.Form child : ins.childrenOf(ins.form(view.unit()))) {
                List<JoinedView.Column> columns = new ArrayList<>();
                boolean own = false;
                for (JoinedView.Column c : quasi) {
                    boolean below = isIn(ins, c.form(), child.name());
                    if (below || view.depth(c.form()) <= view.depth(view.unit())) {
                        columns.add(c);
                        own |= below;
                    }
                }
                if (own) {
                    out.put(view.unit() + "-" + child.name() + " view", columns);
                }
            }
            if (out.size() > 1) {
                return out;
            }
            out.clear();
        }
        out.put("joined view", quasi);
        return out;
    }

    private static boolean isIn(org.tfeval.instrument.Instrument ins, String form, String subtree) {
        for (org.tfeval.instrument.Form f = ins.form(form);
                ;
                f = ins.parentOf(f).orElse(null)) {
            if (f == null) {
                return false;
            }
            if (f.name().equals(subtree)) {
                return true;
            }
        }
    }

    /** k-anonymity in one view by suppression; returns {values suppressed, cases removed}. */
    private long[] suppressView(
            ReleaseWork work,
            JoinedView view,
            List<JoinedView.Column> quasi,
            List<JoinedView.Column> order,
            Map<String, Long> counted)
            throws SQLException {
        work.execute("CREATE OR REPLACE TABLE " + VIEW + " AS " + view.select("rel_", quasi));
        work.execute("CREATE OR REPLACE TABLE jv_removed AS SELECT * FROM " + VIEW + " WHERE false");
        String unit = quote(JoinedView.rowId(view.unit()));
        String partition = JoinedView.partition(quasi);
        // each row of a small class suppresses its value that the fewest cases share; ties in the priority order
        List<String> score = new ArrayList<>();
        StringBuilder joins = new StringBuilder();
        for (int i = 0; i < order.size(); i++) {
            String q = quote(order.get(i).alias());
            score.add("CASE WHEN risky." + q + " NOT IN (" + JoinedView.SUPPRESSED + ", "
                    + ReleaseWork.literal(JoinedView.ABSENT) + ", " + ReleaseWork.literal(JoinedView.BLANK) + ") THEN f"
                    + i + ".n * " + SCORE_BASE + " + " + (i + 1) + " END");
            joins.append(" LEFT JOIN freq_")
                    .append(i)
                    .append(" f")
                    .append(i)
                    .append(" ON f")
                    .append(i)
                    .append(".v = risky.")
                    .append(q);
        }
        String best = order.isEmpty() ? "NULL" : "least(" + String.join(", ", score) + ")";
        for (int round = 1; ; round++) {
            work.execute("CREATE OR REPLACE TEMP TABLE small AS SELECT " + partition + " FROM " + VIEW + " GROUP BY "
                    + partition + " HAVING count(DISTINCT " + unit + ") < " + k);
            if (work.queryLong("SELECT count(*) FROM small") == 0) {
                break;
            }
            work.execute("CREATE OR REPLACE TEMP TABLE risky AS SELECT * FROM " + VIEW + " JOIN small USING ("
                    + partition + ")");
            for (int i = 0; i < order.size(); i++) {
                work.execute("CREATE OR REPLACE TEMP TABLE freq_" + i + " AS SELECT "
                        + quote(order.get(i).alias()) + " AS v, count(DISTINCT " + unit + ") AS n FROM " + VIEW
                        + " GROUP BY 1");
            }
            work.execute("CREATE OR REPLACE TEMP TABLE targets AS SELECT risky.*, coalesce(" + best + " % " + SCORE_BASE
                    + ", 0) AS _t FROM risky" + joins);
            if (work.queryLong("SELECT count(*) FROM targets WHERE _t > 0") > 0) {
                for (int i = 0; i < order.size(); i++) {
                    JoinedView.Column c = order.get(i);
                    String r = quote(JoinedView.rowId(c.form()));
                    work.update("UPDATE " + VIEW + " SET " + quote(c.alias()) + " = " + JoinedView.SUPPRESSED
                            + " FROM (SELECT DISTINCT " + r + " AS r FROM targets WHERE _t = " + (i + 1) + ") s WHERE "
                            + VIEW + "." + r + " = s.r");
                }
            } else {
                // every quasi-identifier of these rows is suppressed and their classes are still too small
                work.execute("INSERT INTO jv_removed SELECT * FROM " + VIEW + " WHERE " + unit + " IN (SELECT " + unit
                        + " FROM risky)");
                work.execute("DELETE FROM " + VIEW + " WHERE " + unit + " IN (SELECT " + unit + " FROM risky)");
            }
        }
        for (String t : List.of("small", "risky", "targets")) {
            work.execute("DROP TABLE IF EXISTS " + t);
        }
        for (int i = 0; i < order.size(); i++) {
            work.execute("DROP TABLE IF EXISTS freq_" + i);
        }
        long suppressed = 0;
        for (JoinedView.Column c : quasi) {
            String r = quote(JoinedView.rowId(c.form()));
            long n = work.update("UPDATE " + ReleaseWork.rel(c.form()) + " SET " + quote(c.name()) + " = "
                    + c.suppressed() + " WHERE _rid IN (SELECT " + r + " FROM " + VIEW + " WHERE " + quote(c.alias())
                    + " = " + JoinedView.SUPPRESSED + ") AND " + quote(c.name()) + " IS DISTINCT FROM "
                    + c.suppressed());
            suppressed += n;
            if (n > 0) {
                counted.merge(c.qualifiedName(), n, Long::sum);
            }
        }
        long removed = work.queryLong("SELECT count(DISTINCT " + unit + ") FROM jv_removed");
        if (removed > 0) {
            work.removeUnits("SELECT DISTINCT " + unit + " FROM jv_removed");
        }
        work.execute("DROP TABLE jv_removed");
        return new long[] {suppressed, removed};
    }

    /** Declares -6 for a variable (and its copies): the codebooks then label it. */
    static void markSuppressible(ReleaseWork work, PlannedVariable v) {
        work.updateMetadata(v, v.withMissingCode(ReleaseWork.SUPPRESSED));
        for (PlannedVariable copy : work.copiesOf(v)) {
            work.updateMetadata(copy, copy.withMissingCode(ReleaseWork.SUPPRESSED));
        }
    }

    private static List<JoinedView.Column> priority(ReleaseWork work, JoinedView view, List<JoinedView.Column> quasi)
            throws SQLException {
        Map<JoinedView.Column, Long> distinct = new HashMap<>();
        for (JoinedView.Column c : quasi) {
            distinct.put(
                    c,
                    work.queryLong("SELECT count(DISTINCT " + quote(c.name()) + ") FROM " + ReleaseWork.rel(c.form())));
        }
        List<JoinedView.Column> order = new ArrayList<>(quasi);
        order.sort(Comparator.comparingInt((JoinedView.Column c) -> -view.depth(c.form()))
                .thenComparing(c -> -distinct.get(c))
                .thenComparing(JoinedView.Column::qualifiedName));
        return order;
    }
}
