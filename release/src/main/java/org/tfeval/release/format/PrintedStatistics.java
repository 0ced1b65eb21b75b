package org.tfeval.release.format;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.tfeval.release.dataset.VariableKind;
import org.tfeval.release.dataset.VariableSpec;
import org.tfeval.release.summary.DatasetSummary;
import org.tfeval.release.summary.NumericStats;
import org.tfeval.release.summary.VariableSummary;

/**
 * The summary statistics a codebook prints for one variable, the same in the HTML, PDF and DDI
 * codebooks, chosen so that a codebook can be published on its own:
 *
 * <ul>
 *   <li><b>No statistic next to a hidden count.</b> When any count of a variable is hidden (public
 *       packages, {@link WriteOptions#suppressBelow()}), its mean, standard deviation and range are
 *       not printed: with the shown counts, a mean and a standard deviation are two equations in the
 *       hidden counts and give them back, and a minimum or maximum tells a hidden zero from a hidden
 *       one. Withholding (rather than rounding) is the rule because no rounding that keeps a mean
 *       useful stops the equations for a variable with few hidden cells.
 *   <li><b>No extreme value.</b> The range is printed as the g-th lowest and g-th highest value, which
 *       at least g values reach, never the minimum and maximum a single person may hold; g is the
 *       package's k ({@link WriteOptions#suppressBelow()}), or {@value #RESTRICTED_GROUP} in restricted
 *       packages. Dates print as months. With fewer than 2g valid values no range is printed.
 * </ul>
 */
final class PrintedStatistics {

    /**
     * The least number of values that must reach each printed end of a range in a restricted
     * codebook (archives publish restricted codebooks openly): the g of the g-th lowest and g-th
     * highest value.
     */
    static final int RESTRICTED_GROUP = 5;

    /** Why the statistics of a variable with hidden counts are not printed. */
    static final String WITHHELD_NOTE = "withheld: with the counts shown they would reveal the hidden counts";

    /**
     * One statistic.
     *
     * @param label words for people
     * @param value the printed value
     * @param ddiType the DDI {@code sumStat} type ({@code mean}, {@code stdev} or {@code other})
     * @param ddiOtherType the DDI {@code otherType} when {@code ddiType} is {@code other}, else null
     */
    record Stat(String label, String value, String ddiType, String ddiOtherType) {
        Stat {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(ddiType, "ddiType");
        }
    }

    private final int group;
    private final boolean suppressing;

    private PrintedStatistics(int group, boolean suppressing) {
        if (group < 1 || group > DatasetSummary.TRACKED_TAIL) {
            throw new IllegalArgumentException(
                    "a range group of " + group + " is outside 1.." + DatasetSummary.TRACKED_TAIL);
        }
        this.group = group;
        this.suppressing = suppressing;
    }

    /** The rule for a package: g = k when counts are suppressed below k, else {@value #RESTRICTED_GROUP}. */
    static PrintedStatistics of(OptionalInt suppressBelow) {
        return new PrintedStatistics(
                Math.min(DatasetSummary.TRACKED_TAIL, suppressBelow.orElse(RESTRICTED_GROUP)),
                suppressBelow.isPresent());
    }

    /** The g of the range. */
    int group() {
        return group;
    }

    /** Whether the statistics of the variable are withheld because some of its counts are hidden. */
    boolean withheld(VariableSummary s, Suppression.Cells cells) {
        return suppressing
                && cells.anyHidden()
                && (s.numeric().isPresent() || s.tails().isPresent());
    }

    /** The statistics printed for the variable, in order; empty when {@link #withheld} or none apply. */
    List<Stat> of(VariableSpec v, VariableSummary s, Suppression.Cells cells) {
        List<Stat> out = new ArrayList<>();
        if (withheld(s, cells)) {
            return out;
        }
        boolean rangeShown = s.tails().isPresent()
                && s.validCount() >= 2L * group
                && s.tails().get().size() >= group;
        if (rangeShown && v.kind() == VariableKind.DATE) {
            out.add(new Stat(lowLabel(true), month(s.tails().get().lowest(group)), "other", "lowMonth" + group));
            out.add(new Stat(highLabel(true), month(s.tails().get().highest(group)), "other", "highMonth" + group));
        } else if (rangeShown) {
            out.add(new Stat(
                    lowLabel(false),
                    HtmlCodebookWriter.number(s.tails().get().lowest(group), v),
                    "other",
                    "low" + group));
            out.add(new Stat(
                    highLabel(false),
                    HtmlCodebookWriter.number(s.tails().get().highest(group), v),
                    "other",
                    "high" + group));
        }
        if (s.numeric().isPresent()) {
            NumericStats n = s.numeric().get();
            out.add(new Stat("Mean", CsvWriter.plain(HtmlCodebookWriter.round(n.mean())), "mean", null));
            if (n.standardDeviation().isPresent()) {
                out.add(new Stat(
                        "Standard deviation",
                        CsvWriter.plain(
                                HtmlCodebookWriter.round(n.standardDeviation().getAsDouble())),
                        "stdev",
                        null));
            }
        }
        return out;
    }

    private String lowLabel(boolean date) {
        return ordinal(group) + (date ? " earliest (month)" : " lowest value");
    }

    private String highLabel(boolean date) {
        return ordinal(group) + (date ? " latest (month)" : " highest value");
    }

    /** The sentence a codebook prints once about its ranges. */
    String rangeNote() {
        return "Ranges show the " + ordinal(group) + " lowest and " + ordinal(group)
                + " highest values (dates as months), which at least " + group
                + " values reach, never a minimum or maximum one person may hold.";
    }

    private static String month(double epochDay) {
        return YearMonth.from(LocalDate.ofEpochDay((long) epochDay)).toString();
    }

    static String ordinal(int n) {
        int mod100 = n % 100;
        String suffix = mod100 >= 11 && mod100 <= 13
                ? "th"
                : switch (n % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return n + suffix;
    }
}
