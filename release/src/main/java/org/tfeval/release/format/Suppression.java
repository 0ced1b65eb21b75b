package org.tfeval.release.format;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.tfeval.instrument.MissingCode;
import org.tfeval.release.dataset.VariableSpec;
import org.tfeval.release.summary.VariableSummary;

/**
 * Which counts a codebook hides under the {@link WriteOptions#suppressBelow()} threshold k. Primary
 * suppression hides counts from 1 to k - 1 (printed "&lt;k"). Complementary suppression then hides
 * further counts (printed {@value #COMPLEMENTARY}) until no hidden count can be worked out from the
 * totals: in each table whose cells add up to a shown total (the frequencies of the codes add up to
 * the valid count; valid, system-missing and coded-missing counts add up to the rows), either no
 * cell or at least two are hidden. The complementary cell is the smallest count not yet hidden.
 */
final class Suppression {
    /** Printed for a count hidden so that another cannot be worked out from the totals. */
    static final String COMPLEMENTARY = "(s)";

    private final OptionalInt threshold;

    Suppression(OptionalInt threshold) {
        this.threshold = threshold;
    }

    /** Counts from 1 to k - 1 are hidden; 0 and counts of k or more are shown. */
    boolean hides(long count) {
        return threshold.isPresent() && count > 0 && count < threshold.getAsInt();
    }

    /** The count, or "&lt;k" when hidden. */
    String text(long count) {
        return hides(count) ? "<" + threshold.getAsInt() : Long.toString(count);
    }

    /** What is hidden in the tables of one variable. */
    Cells cells(VariableSpec v, VariableSummary s) {
        return new Cells(v, s);
    }

    /** The hidden counts of one variable: primary and complementary. */
    final class Cells {
        private final Cell valid;
        private final Cell systemMissing;
        private final Map<MissingCode, Cell> missing = new EnumMap<>(MissingCode.class);
        private final Map<Long, Cell> frequencies = new HashMap<>();

        private Cells(VariableSpec v, VariableSummary s) {
            valid = new Cell(s.validCount());
            systemMissing = new Cell(s.systemMissingCount());
            v.missingCodes().keySet().forEach(code -> missing.put(code, new Cell(s.missing(code))));
            s.frequencies().forEach((code, count) -> frequencies.put(code, new Cell(count)));
            if (threshold.isEmpty()) {
                return;
            }
            List<List<Cell>> totals = new ArrayList<>();
            List<Cell> rows = new ArrayList<>(List.of(valid, systemMissing));
            rows.addAll(missing.values());
            totals.add(rows);
            if (!frequencies.isEmpty() && s.frequenciesComplete()) {
                List<Cell> codes = new ArrayList<>(frequencies.values());
                totals.add(codes);
                // the valid count is the codes' total: hiding it is a complementary choice for them too
                codes.add(valid);
            }
            for (List<Cell> t : totals) {
                t.forEach(c -> c.primary = hides(c.count));
            }
            boolean changed = true;
            while (changed) {
                changed = false;
                for (List<Cell> t : totals) {
                    if (t.stream().filter(Cell::hidden).count() == 1) {
                        Optional<Cell> next = t.stream().filter(c -> !c.hidden() && c.count > 0).min(Comparator.comparingLong(c -> c.count));
                        if (next.isPresent()) {
                            next.get().complementary = true;
                            changed = true;
                        }
                    }
                }
            }
        }

        String valid() {
            return valid.text();
        }

        boolean hidesValid() {
            return valid.hidden();
        }

        String systemMissing() {
            return systemMissing.text();
        }

        /** The count of a declared missing code. */
        String missing(MissingCode code) {
            return cell(missing.get(code)).text();
        }

        boolean hidesMissing(MissingCode code) {
            return cell(missing.get(code)).hidden();
        }

        /** The frequency of a valid code. */
        String frequency(long code) {
            return cell(frequencies.get(code)).text();
        }

        boolean hidesFrequency(long code) {
            return cell(frequencies.get(code)).hidden();
        }

        /** Whether anything is hidden because of a total (then the codebook explains the mark). */
        boolean anyComplementary() {
            return valid.complementary || systemMissing.complementary || missing.values().stream().anyMatch(c -> c.complementary)
                    || frequencies.values().stream().anyMatch(c -> c.complementary);
        }

        private Cell cell(Cell c) {
            return c == null ? new Cell(0) : c;
        }
    }

    private final class Cell {
        final long count;
        boolean primary;
        boolean complementary;

        Cell(long count) {
            this.count = count;
        }

        boolean hidden() {
            return primary || complementary;
        }

        String text() {
            return primary ? "<" + threshold.getAsInt() : complementary ? COMPLEMENTARY : Long.toString(count);
        }
    }
}
