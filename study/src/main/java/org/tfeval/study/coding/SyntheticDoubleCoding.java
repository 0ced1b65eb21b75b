package org.tfeval.study.coding;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Variable;
import org.tfeval.instrument.VariableType;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.store.Store;
import org.tfeval.store.coding.CaseFiles;
import org.tfeval.store.coding.CaseForms;
import org.tfeval.store.coding.Completion;
import org.tfeval.store.coding.DraftRecord;
import org.tfeval.store.coding.Drafts;
import org.tfeval.store.coding.Pass;

/**
 * The demo's reliability round on SYNTHETIC case files: about {@value #SHARE_PERCENT}% of each task force's coded
 * cases (at least one) are opened for coding as they are stored (pass 1), assigned to a second, blind coder
 * (pass 2 through the double-coding tables), and coded again: the second coder copies each record and disagrees on a
 * coded variable with a planted chance (higher on judgement calls such as how a case was identified, lower on
 * facts such as the trafficking type). A disagreement that would break the form's rules is not planted (a real coder
 * would have been stopped by the form), and a file carrying one of the demo's planted coding errors is opened but
 * not double-coded (the next file in the shuffled order takes its place). Pass 2 is completed, not reconciled: the study data stay pass 1's, and the
 * agreement pairs are read from the two passes. Deterministic in the seed.
 */
public final class SyntheticDoubleCoding {
    /** Share of each task force's cases double-coded, in percent. */
    public static final int SHARE_PERCENT = 10;
    /** The first (original) coder of the demo's files. */
    public static final String FIRST_CODER = "demo-coder-1";
    /** The blind second coder. */
    public static final String SECOND_CODER = "demo-coder-2";
    /** Chance of a planted disagreement on a coded variable without its own rate. */
    static final double BASE_DISAGREEMENT = 0.03;
    /** Planted disagreement chances of judgement calls on the case form. */
    static final Map<String, Double> DISAGREEMENT = Map.of(
            "ID_SOURCE", 0.15,
            "LOCATION", 0.12,
            "INV_OUTCOME", 0.10,
            "VENUE", 0.08,
            "EVID_VICTIM_STMT", 0.08,
            "EVID_WITNESS", 0.10,
            "EVID_SOCIAL_MEDIA", 0.10,
            "ACTUAL_VICTIM", 0.06,
            "HT_TYPE", 0.02);

    /** What the round did. */
    public record Summary(int cases, int planted, int refused) {}

    private final long seed;

    private SyntheticDoubleCoding(long seed) {
        this.seed = seed;
    }

    public static SyntheticDoubleCoding withSeed(long seed) {
        return new SyntheticDoubleCoding(seed);
    }

    /** Double-codes the share of every task force's stored cases; {@code actor} assigns the second passes. */
    public Summary run(Store store, String actor) {
        CaseForms forms = CaseForms.of(store.instrument());
        try {
            return store.tx(c -> {
                Map<String, List<String>> byTf = new TreeMap<>();
                for (String tf : CaseFiles.taskForces(c, forms))
                    for (String caseId : CaseFiles.storedNotInCoding(c, forms, tf))
                        byTf.computeIfAbsent(tf, k -> new ArrayList<>()).add(caseId);
                int cases = 0;
                int[] planted = new int[2];
                for (Map.Entry<String, List<String>> e : byTf.entrySet()) {
                    List<String> ids = new ArrayList<>(e.getValue());
                    ids.sort(null);
                    SplittableRandom pick =
                            new SplittableRandom(seed ^ e.getKey().hashCode());
                    for (int i = ids.size() - 1; i > 0; i--) {
                        int j = pick.nextInt(i + 1);
                        String t = ids.get(i);
                        ids.set(i, ids.get(j));
                        ids.set(j, t);
                    }
                    int n = Math.max(1, (int) Math.round(ids.size() * SHARE_PERCENT / 100.0));
                    int done = 0;
                    for (String caseId : ids) {
                        if (done == n) break;
                        if (doubleCode(
                                c, forms, caseId, actor, new SplittableRandom(seed ^ caseId.hashCode()), planted))
                            done++;
                    }
                    cases += done;
                }
                return new Summary(cases, planted[0], planted[1]);
            });
        } catch (SQLException e) {
            throw Problem.internal("the demo's double coding failed (" + e.getSQLState() + ")", e);
        }
    }

    /** Double-codes one case file; false (left as pass 1 only) when its stored coding breaks the form's rules. */
    private static boolean doubleCode(
            Connection c, CaseForms forms, String caseId, String actor, SplittableRandom rng, int[] planted)
            throws SQLException {
        CaseFiles.adopt(c, forms, caseId, FIRST_CODER);
        // a file with one of the demo's planted coding errors is not double-coded: its copy would not validate
        if (!Completion.tree(c, forms, caseId, Pass.FIRST).check().passes()) return false;
        CaseFiles.assignSecond(c, forms, caseId, SECOND_CODER, actor);
        List<DraftRecord> first = Drafts.records(c, caseId, Pass.FIRST);
        DraftRecord secondRoot = Drafts.records(c, caseId, Pass.SECOND).get(0);
        Map<Long, Long> ids = new HashMap<>();
        List<long[]> records = new ArrayList<>(); // pass-2 record id, index into first
        for (int i = 0; i < first.size(); i++) {
            DraftRecord r = first.get(i);
            long target = r.parentId() == null
                    ? secondRoot.id()
                    : Drafts.add(c, forms, ids.get(r.parentId()), r.form(), SECOND_CODER)
                            .id();
            ids.put(r.id(), target);
            Form form = forms.form(r.form());
            Map<String, String> entered = new LinkedHashMap<>();
            for (Variable v : forms.enteredVariables(form))
                entered.put(v.name(), r.cells().getOrDefault(v.name(), ""));
            Drafts.save(c, forms, target, entered, SECOND_CODER);
            records.add(new long[] {target, i});
        }
        // the planted disagreements, each kept only when the pass still passes the form's rules
        for (long[] rec : records) {
            DraftRecord r = first.get((int) rec[1]);
            Form form = forms.form(r.form());
            for (Variable v : forms.enteredVariables(form)) {
                if (v.type() != VariableType.CODE) continue;
                double chance = DISAGREEMENT.getOrDefault(v.name(), BASE_DISAGREEMENT);
                if (rng.nextDouble() >= chance) continue;
                String was = r.cells().getOrDefault(v.name(), "");
                List<Long> others = new ArrayList<>();
                for (Long code : v.valueLabels().keySet())
                    if (!String.valueOf(code).equals(was)) others.add(code);
                if (others.isEmpty() || was.isBlank()) continue;
                String other = String.valueOf(others.get(rng.nextInt(others.size())));
                Drafts.save(c, forms, rec[0], Map.of(v.name(), other), SECOND_CODER);
                if (Completion.tree(c, forms, caseId, Pass.SECOND).check().passes()) {
                    planted[0]++;
                } else {
                    Drafts.save(c, forms, rec[0], Map.of(v.name(), was), SECOND_CODER);
                    planted[1]++;
                }
            }
        }
        Completion.Result done = Completion.complete(c, forms, caseId, Pass.SECOND, SECOND_CODER);
        if (!done.completed())
            throw Problem.internal(
                    "the demo's second pass of a case file does not validate: "
                            + done.check().errors().size() + " errors",
                    null);
        return true;
    }
}
