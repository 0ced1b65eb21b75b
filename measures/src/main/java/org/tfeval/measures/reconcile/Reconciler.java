package org.tfeval.measures.reconcile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.tfeval.instrument.measures.Grantee;
import org.tfeval.instrument.measures.MeasureCatalogue;
import org.tfeval.instrument.measures.ReconciliationPair;
import org.tfeval.measures.FiscalQuarter;
import org.tfeval.measures.MeasureValue;

/** Compares the two grantees' totals of every catalogue pair, per task force and quarter. */
public final class Reconciler {
    private final MeasureCatalogue catalogue;

    private Reconciler(MeasureCatalogue catalogue) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    }

    public static Reconciler of(MeasureCatalogue catalogue) {
        return new Reconciler(catalogue);
    }

    /** The explanation key: task force, pair, quarter. */
    public record NoteKey(String tfId, String pairId, FiscalQuarter quarter) {}

    /**
     * Every task force x quarter x pair where either side reported a total, in task force, pair and quarter
     * order, with the explanations recorded so far.
     */
    public List<ReconciliationRow> reconcile(List<MeasureValue> values, Map<NoteKey, String> explanations) {
        Map<MeasureValue.Key, Long> totals = new HashMap<>();
        TreeSet<String> tfs = new TreeSet<>();
        for (MeasureValue v : values) {
            if (!v.disaggregation().isTotal()) continue;
            totals.put(v.key(), v.value());
            tfs.add(v.tfId());
        }
        Map<String, TreeSet<FiscalQuarter>> quarters = new HashMap<>();
        for (MeasureValue v : values) {
            if (v.disaggregation().isTotal())
                quarters.computeIfAbsent(v.tfId(), k -> new TreeSet<>()).add(v.quarter());
        }
        List<ReconciliationRow> out = new ArrayList<>();
        for (String tf : tfs) {
            for (ReconciliationPair p : catalogue.pairs()) {
                for (FiscalQuarter q : quarters.get(tf)) {
                    Long le = totals.get(new MeasureValue.Key(
                            tf,
                            Grantee.LAW_ENFORCEMENT,
                            p.lawEnforcement(),
                            org.tfeval.measures.Disaggregation.TOTAL,
                            q));
                    Long vs = totals.get(new MeasureValue.Key(
                            tf,
                            Grantee.VICTIM_SERVICES,
                            p.victimServices(),
                            org.tfeval.measures.Disaggregation.TOTAL,
                            q));
                    if (le == null && vs == null) continue;
                    GapKind kind;
                    double tol = 0;
                    if (le == null) kind = GapKind.MISSING_LE;
                    else if (vs == null) kind = GapKind.MISSING_VS;
                    else {
                        tol = p.tolerance(le, vs);
                        kind = p.differs(le, vs) ? GapKind.DIFFERS : GapKind.AGREES;
                    }
                    out.add(new ReconciliationRow(
                            tf, p.id(), q, le, vs, tol, kind, explanations.get(new NoteKey(tf, p.id(), q))));
                }
            }
        }
        out.sort(Comparator.comparing(ReconciliationRow::tfId)
                .thenComparing(ReconciliationRow::pairId)
                .thenComparing(ReconciliationRow::quarter));
        return out;
    }
}
