package org.tfeval.release.disclosure;

import java.util.SortedMap;
import java.util.TreeMap;
import org.tfeval.instrument.VariableType;

/**
 * Groups every integer quasi-identifier (ages) into bands of a given width: a value becomes the
 * lower bound of its band ({@code 23} becomes {@code 20}, labelled {@code 20-24}). Missing codes are
 * kept. A width of 1 leaves the values alone.
 */
public final class GroupIntoBands implements DisclosureRule {
    private final int width;

    /** @param width band width, at least 1 */
    public GroupIntoBands(int width) {
        if (width < 1) {
            throw new IllegalArgumentException("band width must be at least 1, not " + width);
        }
        this.width = width;
    }

    @Override
    public void apply(ReleaseWork work) {
        if (width == 1) {
            return;
        }
        for (PlannedVariable v : work.allVariables()) {
            if (!Recoding.isQuasi(work, v, VariableType.INTEGER)) {
                continue;
            }
            SortedMap<Long, Long> d = Recoding.distribution(work, v);
            if (d.isEmpty()) {
                continue;
            }
            SortedMap<Long, String> labels = new TreeMap<>();
            for (long b = band(d.firstKey()); b <= d.lastKey(); b += width) {
                labels.put(b, b + "-" + (b + width - 1));
            }
            long changed = Recoding.changed(d, this::band);
            Recoding.apply(
                    work,
                    v,
                    sql -> "CASE WHEN " + ReleaseWork.valid(sql) + " THEN CAST(floor((" + sql + ") / " + width
                            + ") AS BIGINT) * " + width + " ELSE " + sql + " END",
                    labels);
            work.countRecoded(changed);
            work.treat(
                    v.form(),
                    v.name(),
                    getClass().getSimpleName(),
                    "grouped into bands of " + width + " (a value becomes the lower bound " + "of its band)",
                    changed);
        }
    }

    private long band(long x) {
        return Math.floorDiv(x, width) * width;
    }
}
