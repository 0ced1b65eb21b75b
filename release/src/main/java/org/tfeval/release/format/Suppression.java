package org.tfeval.release.format;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.tfeval.instrument.MissingCode;
import org.tfeval.release.dataset.VariableSpec;
import org.tfeval.release.summary.VariableSummary;
import org.tfeval.stats.disclosure.ComplementarySuppression;
import org.tfeval.stats.disclosure.PublishedCounts;
import org.tfeval.stats.disclosure.Withheld;

/**
 * Which counts a codebook hides under the {@link WriteOptions#suppressBelow()} threshold k, by the
 * complementary suppression the reports use too ({@link ComplementarySuppression}). Primary
 * suppression hides counts from 1 to k - 1 (printed "&lt;k"). Complementary suppression then hides
 * further counts (printed {@value #COMPLEMENTARY}) until no hidden count can be worked out from the
 * totals: the frequencies of the codes add up to the valid count; valid, system-missing and
 * coded-missing counts add up to the rows.
 */
final class Suppression {
    /** Printed for a count hidden so that another cannot be worked out from the totals. */
    static final String COMPLEMENTARY = "(s)";

    private final OptionalInt threshold;

    Suppression(OptionalInt threshold) {
        this.threshold = threshold;
    }

    /** The threshold k, when counts are hidden. */
    OptionalInt threshold() {
        return threshold;
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
            // entries: the valid count, system missing, the declared missing codes, then the code frequencies
            List<Cell> entries = new ArrayList<>(List.of(valid, systemMissing));
            entries.addAll(missing.values());
            int[] rows = new int[entries.size()];
            for (int i = 0; i < rows.length; i++) rows[i] = i;
            List<PublishedCounts.Sum> sums = new ArrayList<>();
            // valid, system-missing and coded-missing counts add up to the published row count
            sums.add(new PublishedCounts.Sum(PublishedCounts.Sum.PUBLISHED, rows));
            if (!frequencies.isEmpty() && s.frequenciesComplete()) {
                int[] codes = new int[frequencies.size()];
                int k = 0;
                for (Cell c : frequencies.values()) {
                    codes[k++] = entries.size();
                    entries.add(c);
                }
                // the frequencies of the codes add up to the valid count
                sums.add(new PublishedCounts.Sum(0, codes));
            }
            long[] counts = entries.stream().mapToLong(c -> c.count).toArray();
            Withheld w = ComplementarySuppression.of(threshold.getAsInt())
                    .apply(new PublishedCounts(counts, new boolean[counts.length], sums));
            for (int i = 0; i < entries.size(); i++) {
                entries.get(i).primary = w.primary(i);
                entries.get(i).complementary = w.complementary(i);
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

        /** Whether any count of the variable is hidden (primary or complementary). */
        boolean anyHidden() {
            return valid.hidden()
                    || systemMissing.hidden()
                    || missing.values().stream().anyMatch(Cell::hidden)
                    || frequencies.values().stream().anyMatch(Cell::hidden);
        }

        /** Whether anything is hidden because of a total (then the codebook explains the mark). */
        boolean anyComplementary() {
            return valid.complementary
                    || systemMissing.complementary
                    || missing.values().stream().anyMatch(c -> c.complementary)
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
