package org.tfeval.instrument.disclosure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A generalization hierarchy of a released variable: level 0 is the value as released, each level
 * above it a coarser grouping, and one level above the last, implicit, the value suppressed
 * ({@code *}). Numbers climb by {@linkplain Level#bands() bands} (a value falls into the band whose
 * lower bound is the greatest not above it, released as that lower bound with a label such as
 * {@code 18-24}); codes and strings climb by {@linkplain Level#groups() groups}.
 *
 * @param variable the released variable, {@code form.VARIABLE}
 * @param dimension the lattice dimension: hierarchies of one dimension (ages of victims and suspects)
 *     climb together, each to at most its own top
 * @param levels the levels between 0 and the top, finest first (none: as released or suppressed)
 */
public record Hierarchy(String variable, String dimension, List<Level> levels) {
    public Hierarchy {
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(dimension, "dimension");
        levels = List.copyOf(levels);
        if (variable.indexOf('.') <= 0) {
            throw new IllegalArgumentException("hierarchy '" + variable + "' must name form.VARIABLE");
        }
    }

    /** Number of levels including 0 (as released) and the top (suppressed). */
    public int height() {
        return levels.size() + 2;
    }

    public String form() {
        return variable.substring(0, variable.indexOf('.'));
    }

    public String name() {
        return variable.substring(variable.indexOf('.') + 1);
    }

    /** The level's name: 0 as released, the top suppressed. */
    public String levelName(int level) {
        if (level == 0) {
            return "as released";
        }
        if (level == height() - 1) {
            return "suppressed (*)";
        }
        return levels.get(level - 1).name();
    }

    /**
     * One level of a hierarchy: bands or groups.
     *
     * @param name its name ({@code 10-year bands})
     * @param bands lower bounds of the bands, ascending (numbers); empty for groups
     * @param groups released code to the values it holds (codes as numbers, strings as text); empty for bands
     * @param labels labels of the released group codes (groups only)
     */
    public record Level(
            String name, List<Double> bands, SortedMap<Long, List<String>> groups, SortedMap<Long, String> labels) {
        public Level {
            Objects.requireNonNull(name, "name");
            bands = List.copyOf(bands);
            SortedMap<Long, List<String>> g = new TreeMap<>();
            groups.forEach((k, v) -> g.put(k, List.copyOf(v)));
            groups = Collections.unmodifiableSortedMap(g);
            labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
            if (bands.isEmpty() == groups.isEmpty()) {
                throw new IllegalArgumentException("level " + name + " has bands or groups, one of them");
            }
            for (int i = 1; i < bands.size(); i++) {
                if (bands.get(i) <= bands.get(i - 1)) {
                    throw new IllegalArgumentException("level " + name + ": band bounds must ascend");
                }
            }
            Map<String, Long> seen = new LinkedHashMap<>();
            groups.forEach((code, members) -> {
                for (String m : members) {
                    if (seen.put(m, code) != null) {
                        throw new IllegalArgumentException("level " + name + ": " + m + " is in two groups");
                    }
                }
            });
        }

        /** Bands from their lower bounds. */
        public static Level bands(String name, List<Double> lowerBounds) {
            return new Level(name, lowerBounds, new TreeMap<>(), new TreeMap<>());
        }

        /** Groups of codes or strings. */
        public static Level groups(String name, Map<Long, List<String>> groups, Map<Long, String> labels) {
            return new Level(name, List.of(), new TreeMap<>(groups), new TreeMap<>(labels));
        }

        /** The group code a value falls into (the band's lower bound, or the group's code); empty: in none. */
        public Optional<Long> groupOf(String value) {
            if (!bands.isEmpty()) {
                double x;
                try {
                    x = Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
                Long out = null;
                for (double b : bands) {
                    if (b <= x) {
                        out = (long) Math.floor(b);
                    }
                }
                return Optional.ofNullable(out);
            }
            for (Map.Entry<Long, List<String>> e : groups.entrySet()) {
                if (e.getValue().contains(value)) {
                    return Optional.of(e.getKey());
                }
            }
            return Optional.empty();
        }

        /** Labels of the released codes: a band as {@code lo-hi} (the last {@code lo+}), a group by its label. */
        public SortedMap<Long, String> codeLabels() {
            if (bands.isEmpty()) {
                SortedMap<Long, String> out = new TreeMap<>();
                groups.keySet().forEach(k -> out.put(k, labels.getOrDefault(k, "Group " + k)));
                return out;
            }
            SortedMap<Long, String> out = new TreeMap<>();
            List<Double> b = new ArrayList<>(bands);
            for (int i = 0; i < b.size(); i++) {
                long lo = (long) Math.floor(b.get(i));
                out.put(lo, i + 1 < b.size() ? lo + "-" + ((long) Math.ceil(b.get(i + 1)) - 1) : lo + "+");
            }
            return out;
        }
    }
}
