package org.tfeval.analysis.prediction;

import java.util.List;
import java.util.Objects;
import java.util.function.IntToDoubleFunction;
import org.tfeval.analysis.data.FormData;
import org.tfeval.analysis.data.StudyData;
import org.tfeval.analysis.data.TaskForce;
import org.tfeval.instrument.MissingCode;
import org.tfeval.instrument.Variable;

/**
 * A model predictor computed per case: NaN where its inputs are missing (the row leaves the model).
 *
 * @param term      column name in the model
 * @param label     words for reports
 * @param siteLevel whether it describes the task force (constant within a site)
 * @param value     its value for a case row, given the data
 */
record Predictor(
        String term,
        String label,
        boolean siteLevel,
        java.util.function.Function<StudyData, IntToDoubleFunction> value) {
    Predictor {
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
    }

    /** The predictors of the outcome models, case characteristics first. */
    static List<Predictor> standard() {
        return List.of(
                new Predictor("labor", "Labor trafficking involved (HT_TYPE 2 or 3)", false, d -> {
                    var ht = d.cases().code("HT_TYPE");
                    return i -> ht.get(i) < 0 ? Double.NaN : (ht.get(i) == 2 || ht.get(i) == 3 ? 1 : 0);
                }),
                new Predictor("minor", "Minor involved (SEX_SUBTYPE 2 or 3)", false, d -> {
                    var st = d.cases().code("SEX_SUBTYPE");
                    return i -> st.get(i) == MissingCode.NOT_APPLICABLE.code()
                            ? 0
                            : st.get(i) < 0 ? Double.NaN : (st.get(i) == 2 || st.get(i) == 3 ? 1 : 0);
                }),
                binary("actual_victim", "Actual victim present", "ACTUAL_VICTIM"),
                new Predictor("sting", "Identified through an undercover sting", false, d -> {
                    var s = d.cases().code("ID_SOURCE");
                    return i -> s.get(i) < 0 ? Double.NaN : (s.get(i) == 1 ? 1 : 0);
                }),
                new Predictor("evidence_types", "Number of evidence types in the file", false, d -> {
                    FormData c = d.cases();
                    var cols = d.instrument().form("case").variables().stream()
                            .filter(v -> "evidence".equals(v.group()))
                            .map(Variable::name)
                            .map(c::code)
                            .toList();
                    return i -> {
                        int n = 0;
                        for (var col : cols) {
                            int v = col.get(i);
                            if (v < 0) return Double.NaN;
                            n += v == 1 ? 1 : 0;
                        }
                        return n;
                    };
                }),
                new Predictor("multiple_suspects", "More than one suspect", false, d -> {
                    var n = d.cases().code("N_SUSPECTS");
                    return i -> n.get(i) < 0 ? Double.NaN : (n.get(i) > 1 ? 1 : 0);
                }),
                binary("federal_agency", "Federal law enforcement involved", "AGY_FEDERAL"),
                site(
                        "tf_spec_prosecutor",
                        "Task force has a specialized prosecutor",
                        t -> t.code("TF_SPEC_PROSECUTOR") < 0 ? Double.NaN : t.code("TF_SPEC_PROSECUTOR")),
                site(
                        "tf_statewide",
                        "Task force is statewide",
                        t -> t.code("TF_SCOPE") < 0 ? Double.NaN : (t.code("TF_SCOPE") == 4 ? 1 : 0)),
                site(
                        "tf_colocated",
                        "Task-force members co-located",
                        t -> t.code("TF_COLOCATED") < 0 ? Double.NaN : t.code("TF_COLOCATED")));
    }

    private static Predictor binary(String term, String label, String variable) {
        return new Predictor(term, label, false, d -> {
            var c = d.cases().code(variable);
            return i -> c.get(i) == 0 || c.get(i) == 1 ? c.get(i) : Double.NaN;
        });
    }

    private static Predictor site(String term, String label, java.util.function.ToDoubleFunction<TaskForce> f) {
        return new Predictor(term, label, true, d -> {
            double[] bySite = new double[d.taskForces().size()];
            d.taskForces().forEach(t -> bySite[t.index()] = f.applyAsDouble(t));
            FormData c = d.cases();
            return i -> c.site(i) < 0 ? Double.NaN : bySite[c.site(i)];
        });
    }
}
