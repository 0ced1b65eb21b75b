package org.tfeval.release.disclosure;

import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.TreeMap;
import org.tfeval.instrument.VariableType;
import org.tfeval.release.dataset.VariableKind;

/**
 * Top- and bottom-codes every integer quasi-identifier (ages, years of dates): the largest values,
 * down to the point where at least {@code tail} records lie at or above it, become that value
 * ({@code 60 or more}); likewise the smallest. Works on the bands of {@link GroupIntoBands} when
 * applied after it. A distribution too small for two tails is left to local suppression.
 */
public final class TopCode implements DisclosureRule {
    private final int tail;
    private final int bandWidth;

    /**
     * @param tail least number of records the top and the bottom value must each hold
     * @param bandWidth width of the bands the values are already grouped into (1: single values)
     */
    public TopCode(int tail, int bandWidth) {
        if (tail < 1 || bandWidth < 1) {
            throw new IllegalArgumentException(
                    "tail and band width must be at least 1, not " + tail + " and " + bandWidth);
        }
        this.tail = tail;
        this.bandWidth = bandWidth;
    }

    @Override
    public void apply(ReleaseWork work) {
        for (PlannedVariable v : work.allVariables()) {
            boolean years = Recoding.isQuasi(work, v, VariableType.DATE);
            if (!years && !Recoding.isQuasi(work, v, VariableType.INTEGER) || v.kind() != VariableKind.INTEGER) {
                continue;
            }
            NavigableMap<Long, Long> d = Recoding.distribution(work, v);
            if (d.isEmpty()) {
                continue;
            }
            long top = d.lastKey();
            long above = 0;
            for (Map.Entry<Long, Long> e : d.descendingMap().entrySet()) {
                above += e.getValue();
                top = e.getKey();
                if (above >= tail) {
                    break;
                }
            }
            long bottom = d.firstKey();
            long below = 0;
            for (Map.Entry<Long, Long> e : d.entrySet()) {
                below += e.getValue();
                bottom = e.getKey();
                if (below >= tail) {
                    break;
                }
            }
            if (bottom >= top) {
                work.note(v.qualifiedName() + " has too few values to top- and bottom-code with " + tail
                        + " records in each tail; " + "local suppression protects it");
                continue;
            }
            long t = top;
            long b = bottom;
            long changed = Recoding.changed(d, x -> x > t ? t : x < b ? b : x);
            if (changed == 0) {
                continue;
            }
            int width = years ? 1 : bandWidth;
            SortedMap<Long, String> labels = new TreeMap<>(v.valueLabels());
            labels.keySet().removeIf(code -> code > t || code < b);
            labels.put(t, t + (years ? " or later" : " or more"));
            labels.put(b, (b + width - 1) + (years ? " or earlier" : " or less"));
            Recoding.apply(
                    work,
                    v,
                    sql -> "CASE WHEN " + ReleaseWork.valid(sql) + " AND (" + sql + ") > " + t + " THEN " + t + " WHEN "
                            + ReleaseWork.valid(sql) + " AND (" + sql + ") < " + b + " THEN " + b + " ELSE " + sql
                            + " END",
                    labels);
            work.countRecoded(changed);
            work.treat(
                    v.form(),
                    v.name(),
                    getClass().getSimpleName(),
                    "top-coded at " + t + " and bottom-coded at " + b + " (each tail holds at " + "least " + tail
                            + " records)",
                    changed);
        }
    }
}
