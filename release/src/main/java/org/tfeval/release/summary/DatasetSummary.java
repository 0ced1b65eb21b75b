package org.tfeval.release.summary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.tfeval.instrument.MissingCode;
import org.tfeval.release.dataset.DatasetSpec;
import org.tfeval.release.dataset.RowSource;
import org.tfeval.release.dataset.VariableKind;
import org.tfeval.release.dataset.VariableSpec;

/**
 * Summaries of all variables of a dataset, computed in one streaming pass.
 *
 * @param dataset dataset name
 * @param rowCount number of rows
 * @param variables one summary per variable, in variable order
 */
public record DatasetSummary(String dataset, long rowCount, List<VariableSummary> variables) {

    /**
     * Most distinct values counted per variable; a value-labelled variable with more (a coding
     * error) keeps counting only the values it has already seen.
     */
    public static final int MAX_TRACKED_VALUES = 10_000;

    /**
     * Lowest and highest values kept per numeric or date variable ({@link Tails}): enough for a
     * codebook range that at least k values reach at each end, for any k up to this.
     */
    public static final int TRACKED_TAIL = 50;

    public DatasetSummary {
        variables = List.copyOf(variables);
        for (VariableSummary v : variables) {
            if (v.total() != rowCount) {
                throw new IllegalArgumentException(
                        "variable " + v.variable() + " counts " + v.total() + " cells in " + rowCount + " rows");
            }
        }
    }

    /** Reads all rows of {@code source} once. */
    public static DatasetSummary compute(DatasetSpec spec, RowSource source) throws IOException {
        Collector collector = collector(spec);
        spec.forEachRow(source, collector::accept);
        return collector.finish();
    }

    /** A collector to feed rows yourself, e.g. while writing a file in the same pass. */
    public static Collector collector(DatasetSpec spec) {
        return new Collector(spec);
    }

    public VariableSummary variable(String name) {
        return variables.stream()
                .filter(v -> v.variable().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no variable " + name + " in " + dataset));
    }

    /** Accumulates rows normalised by {@link DatasetSpec#normaliseRow}. Not thread-safe. */
    public static final class Collector {
        private final DatasetSpec spec;
        private final Accumulator[] accumulators;
        private long rows;

        private Collector(DatasetSpec spec) {
            this.spec = spec;
            this.accumulators = new Accumulator[spec.size()];
            for (int i = 0; i < accumulators.length; i++) {
                accumulators[i] = new Accumulator(spec.variable(i));
            }
        }

        public void accept(Object[] normalisedRow) {
            if (normalisedRow.length != accumulators.length) {
                throw new IllegalArgumentException("row has " + normalisedRow.length + " cells, dataset " + spec.name()
                        + " " + accumulators.length + " variables");
            }
            rows++;
            for (int i = 0; i < accumulators.length; i++) {
                accumulators[i].add(normalisedRow[i]);
            }
        }

        public DatasetSummary finish() {
            List<VariableSummary> out = new ArrayList<>(accumulators.length);
            for (Accumulator a : accumulators) {
                out.add(a.summary());
            }
            return new DatasetSummary(spec.name(), rows, out);
        }
    }

    private static final class Accumulator {
        private final VariableSpec variable;
        private final boolean countFrequencies;
        private final EnumMap<MissingCode, Long> missing = new EnumMap<>(MissingCode.class);
        private final TreeMap<Long, Long> frequencies = new TreeMap<>();
        private boolean frequenciesComplete = true;
        private long valid;
        private long systemMissing;
        private double min = Double.POSITIVE_INFINITY;
        private double max = Double.NEGATIVE_INFINITY;
        private double mean;
        private double sumSquares; // Welford's M2
        private LocalDate earliest;
        private LocalDate latest;
        private int maxLength;
        // the TRACKED_TAIL lowest values (a max-heap) and highest values (a min-heap)
        private final java.util.PriorityQueue<Double> low =
                new java.util.PriorityQueue<>(java.util.Comparator.reverseOrder());
        private final java.util.PriorityQueue<Double> high = new java.util.PriorityQueue<>();

        Accumulator(VariableSpec variable) {
            this.variable = variable;
            this.countFrequencies = variable.kind() == VariableKind.INTEGER
                    && !variable.valueLabels().isEmpty();
            variable.missingCodes().keySet().forEach(code -> missing.put(code, 0L));
            if (countFrequencies) {
                variable.valueLabels().keySet().forEach(code -> frequencies.put(code, 0L));
            }
        }

        void add(Object cell) {
            if (cell == null || (cell instanceof String s && s.isEmpty())) {
                systemMissing++;
            } else if (cell instanceof MissingCode code) {
                missing.merge(code, 1L, Long::sum);
            } else {
                valid++;
                if (cell instanceof Long l) {
                    addNumber(l.doubleValue());
                    if (countFrequencies) {
                        if (frequencies.containsKey(l) || frequencies.size() < MAX_TRACKED_VALUES) {
                            frequencies.merge(l, 1L, Long::sum);
                        } else {
                            frequenciesComplete = false;
                        }
                    }
                } else if (cell instanceof Double d) {
                    addNumber(d);
                } else if (cell instanceof LocalDate date) {
                    earliest = earliest == null || date.isBefore(earliest) ? date : earliest;
                    addTail(date.toEpochDay());
                    latest = latest == null || date.isAfter(latest) ? date : latest;
                } else if (cell instanceof String s) {
                    maxLength = Math.max(maxLength, s.getBytes(StandardCharsets.UTF_8).length);
                } else {
                    throw new IllegalArgumentException("variable " + variable.name() + ": cell is not normalised ("
                            + cell.getClass().getSimpleName() + ")");
                }
            }
        }

        private void addTail(double x) {
            if (low.size() < TRACKED_TAIL) {
                low.add(x);
            } else if (x < low.peek()) {
                low.poll();
                low.add(x);
            }
            if (high.size() < TRACKED_TAIL) {
                high.add(x);
            } else if (x > high.peek()) {
                high.poll();
                high.add(x);
            }
        }

        private Optional<Tails> tails() {
            if (low.isEmpty()) {
                return Optional.empty();
            }
            double[] lowest =
                    low.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double[] ascending =
                    high.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double[] highest = new double[ascending.length];
            for (int i = 0; i < ascending.length; i++) {
                highest[i] = ascending[ascending.length - 1 - i];
            }
            return Optional.of(new Tails(lowest, highest));
        }

        private void addNumber(double x) {
            addTail(x);
            min = Math.min(min, x);
            max = Math.max(max, x);
            double delta = x - mean;
            mean += delta / valid;
            sumSquares += delta * (x - mean);
        }

        VariableSummary summary() {
            Optional<NumericStats> numeric = Optional.empty();
            if (valid > 0 && (variable.kind() == VariableKind.INTEGER || variable.kind() == VariableKind.DECIMAL)) {
                OptionalDouble sd =
                        valid > 1 ? OptionalDouble.of(Math.sqrt(sumSquares / (valid - 1))) : OptionalDouble.empty();
                numeric = Optional.of(new NumericStats(valid, min, max, Math.min(max, Math.max(min, mean)), sd));
            }
            return new VariableSummary(
                    variable.name(),
                    variable.kind(),
                    valid,
                    systemMissing,
                    missing,
                    frequencies,
                    frequenciesComplete,
                    numeric,
                    Optional.ofNullable(earliest),
                    Optional.ofNullable(latest),
                    maxLength,
                    tails());
        }
    }
}
