package org.tfeval.release.disclosure;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.tfeval.instrument.VariableType;
import org.tfeval.release.dataset.VariableSpec;

/**
 * Collapses the rare categories of every coded quasi-identifier: the categories held by fewer than
 * {@code minCount} records are merged, with the next smallest categories while the merged group is
 * still below {@code minCount}, into the highest code among them, labelled {@code Collapsed: ...}.
 * A variable that would be left with a single category is not collapsed (local suppression
 * protects it); empty categories stay as they are.
 */
public final class CollapseRareCategories implements DisclosureRule {
    /** Prefix of the label of a merged category. */
    static final String COLLAPSED = "Collapsed: ";

    private final int minCount;

    /** @param minCount least number of records a released category holds */
    public CollapseRareCategories(int minCount) {
        if (minCount < 1) {
            throw new IllegalArgumentException("the least category count must be at least 1, not " + minCount);
        }
        this.minCount = minCount;
    }

    @Override
    public void apply(ReleaseWork work) {
        for (PlannedVariable v : work.allVariables()) {
            if (!Recoding.isQuasi(work, v, VariableType.CODE)) {
                continue;
            }
            SortedMap<Long, Long> d = Recoding.distribution(work, v);
            List<Map.Entry<Long, Long>> bySize = d.entrySet().stream()
                    .filter(e -> e.getValue() > 0)
                    .sorted(Map.Entry.<Long, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .collect(Collectors.toList());
            if (bySize.isEmpty() || bySize.get(0).getValue() >= minCount) {
                continue;
            }
            TreeSet<Long> merged = new TreeSet<>();
            long total = 0;
            for (Map.Entry<Long, Long> e : bySize) {
                if (e.getValue() >= minCount && total >= minCount && merged.size() > 1) {
                    break;
                }
                merged.add(e.getKey());
                total += e.getValue();
            }
            if (bySize.size() - merged.size() + 1 < 2) {
                work.note(
                        v.qualifiedName()
                                + ": rare categories not collapsed, it would leave a single category; local suppression protects it");
                continue;
            }
            long target = merged.last();
            SortedMap<Long, String> labels = new TreeMap<>(v.valueLabels());
            List<String> names = new ArrayList<>();
            for (long code : merged) {
                names.add(labels.getOrDefault(code, Long.toString(code)));
                labels.remove(code);
            }
            labels.put(target, collapsedLabel(names));
            long changed =
                    merged.stream().filter(c -> c != target).mapToLong(d::get).sum();
            String list = merged.stream().map(String::valueOf).collect(Collectors.joining(","));
            Recoding.apply(
                    work,
                    v,
                    sql -> "CASE WHEN (" + sql + ") IN (" + list + ") THEN " + target + " ELSE " + sql + " END",
                    labels);
            work.countRecoded(changed);
            work.countCollapsed(merged.size() - 1);
            work.treat(
                    v.form(),
                    v.name(),
                    getClass().getSimpleName(),
                    "codes " + list + " merged into " + target + " (each held fewer than " + minCount
                            + " records, or was needed to bring the merged group to " + minCount + ")",
                    changed);
        }
    }

    /** {@code Collapsed: A; B; C}, cut to the value-label limit. */
    static String collapsedLabel(List<String> names) {
        String label = COLLAPSED + String.join("; ", names);
        if (label.getBytes(StandardCharsets.UTF_8).length <= VariableSpec.MAX_VALUE_LABEL_BYTES) {
            return label;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < label.length(); ) {
            int cp = label.codePointAt(i);
            String next = new String(Character.toChars(cp));
            if ((b + next + "...").getBytes(StandardCharsets.UTF_8).length > VariableSpec.MAX_VALUE_LABEL_BYTES) {
                break;
            }
            b.append(next);
            i += Character.charCount(cp);
        }
        return b + "...";
    }
}
