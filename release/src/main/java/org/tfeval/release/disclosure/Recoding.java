package org.tfeval.release.disclosure;

import java.sql.SQLException;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.function.Function;
import org.tfeval.instrument.DisclosureRole;
import org.tfeval.instrument.VariableType;
import org.tfeval.release.dataset.VariableKind;

/** What the recoding rules share: which variables they take, and applying one recode to a variable and its copies. */
final class Recoding {
    private Recoding() {}

    /** A home quasi-identifier (not a copy of a parent's variable) of the given instrument type, still an integer. */
    static boolean isQuasi(ReleaseWork work, PlannedVariable v, VariableType sourceType) {
        return v.role() == DisclosureRole.QUASI
                && v.inherits() == null
                && !work.isGeneralised(v)
                && v.kind() == VariableKind.INTEGER
                && work.instrument()
                        .form(v.form())
                        .find(v.source())
                        .map(s -> s.type() == sourceType)
                        .orElse(false);
    }

    /** Applies the same recode (value SQL to value SQL) and labels to a variable and to every copy of it. */
    static void apply(
            ReleaseWork work, PlannedVariable home, Function<String, String> recode, SortedMap<Long, String> labels) {
        work.replace(home, home.withValue(recode.apply(home.value())).withValueLabels(labels));
        for (PlannedVariable copy : work.copiesOf(home)) {
            work.replace(copy, copy.withValue(recode.apply(copy.value())).withValueLabels(labels));
        }
    }

    /** Values of the distribution for which the mapping changes the value. */
    static long changed(Map<Long, Long> distribution, Function<Long, Long> mapping) {
        long n = 0;
        for (Map.Entry<Long, Long> e : distribution.entrySet()) {
            if (!mapping.apply(e.getKey()).equals(e.getKey())) {
                n += e.getValue();
            }
        }
        return n;
    }

    static NavigableMap<Long, Long> distribution(ReleaseWork work, PlannedVariable v) {
        try {
            return work.distribution(v);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the values of " + v.qualifiedName(), e);
        }
    }
}
