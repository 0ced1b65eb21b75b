package org.tfeval.release.summary;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.tfeval.instrument.MissingCode;
import org.tfeval.release.dataset.VariableKind;

/**
 * What a codebook reports about one variable.
 *
 * @param variable variable name
 * @param kind variable kind
 * @param validCount cells that hold a value (non-empty for strings)
 * @param systemMissingCount cells that are {@code null} (or empty strings)
 * @param missingCounts for each declared missing code, the cells holding it (zero included)
 * @param frequencies for value-labelled INTEGER variables, count of every labelled code (zero
 *     included) and of every other valid value seen; empty for other variables
 * @param frequenciesComplete false when the variable had more distinct values than {@link
 *     DatasetSummary#MAX_TRACKED_VALUES} and some were not counted
 * @param numeric statistics of valid values of INTEGER and DECIMAL variables, when there are any
 * @param earliest earliest valid date of a DATE variable
 * @param latest latest valid date of a DATE variable
 * @param maxLength longest value of a STRING variable, in UTF-8 bytes; 0 otherwise
 * @param tails the lowest and highest valid values of a numeric or date variable (dates as epoch
 *     days), when there are any
 */
public record VariableSummary(
        String variable,
        VariableKind kind,
        long validCount,
        long systemMissingCount,
        Map<MissingCode, Long> missingCounts,
        SortedMap<Long, Long> frequencies,
        boolean frequenciesComplete,
        Optional<NumericStats> numeric,
        Optional<LocalDate> earliest,
        Optional<LocalDate> latest,
        int maxLength,
        Optional<Tails> tails) {

    public VariableSummary {
        if (validCount < 0 || systemMissingCount < 0 || maxLength < 0) {
            throw new IllegalArgumentException("counts of variable " + variable + " must not be negative");
        }
        missingCounts = missingCounts.isEmpty()
                ? Collections.unmodifiableMap(new EnumMap<>(MissingCode.class))
                : Collections.unmodifiableMap(new EnumMap<>(missingCounts));
        frequencies = Collections.unmodifiableSortedMap(new TreeMap<>(frequencies));
        if (numeric.isPresent() && numeric.get().count() != validCount) {
            throw new IllegalArgumentException("variable " + variable + ": statistics over "
                    + numeric.get().count() + " values but " + validCount + " are valid");
        }
    }

    /** Cells holding one of the reserved missing codes. */
    public long codedMissingCount() {
        return missingCounts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** All cells that are not valid: system missing plus coded missing. */
    public long missingCount() {
        return systemMissingCount + codedMissingCount();
    }

    /** Number of rows. */
    public long total() {
        return validCount + missingCount();
    }

    /** Count of cells holding {@code code}, 0 when not declared. */
    public long missing(MissingCode code) {
        return missingCounts.getOrDefault(code, 0L);
    }

    /** Count of valid cells equal to {@code code}, 0 when not seen (or not tracked). */
    public long frequency(long code) {
        return frequencies.getOrDefault(code, 0L);
    }
}
