package org.tfeval.measures.synthetic;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.tfeval.instrument.measures.Dimension;
import org.tfeval.instrument.measures.Grantee;
import org.tfeval.instrument.measures.Measure;
import org.tfeval.instrument.measures.MeasureCatalogue;
import org.tfeval.instrument.measures.ReconciliationPair;
import org.tfeval.measures.Disaggregation;
import org.tfeval.measures.FiscalQuarter;
import org.tfeval.measures.MeasureValue;
import org.tfeval.measures.file.Column;
import org.tfeval.measures.reconcile.Reconciler;
import org.tfeval.measures.validation.MeasureRule;

/**
 * Generates SYNTHETIC measures for a catalogue. Immutable; configured by copy. Deterministic for a seed.
 */
public final class SyntheticMeasures {
    /** Years an award runs before the next funding cycle (a new award ID). */
    public static final int FUNDING_CYCLE_YEARS = 3;
    /** Yearly growth of the expected counts. */
    static final double GROWTH = 0.03;

    private final long seed;
    private final FiscalQuarter through;
    private final int plantedGaps;
    private final Map<MeasureValue.Key, Long> floors;

    private SyntheticMeasures(long seed, FiscalQuarter through, int plantedGaps, Map<MeasureValue.Key, Long> floors) {
        this.seed = seed;
        this.through = Objects.requireNonNull(through, "through");
        if (plantedGaps < 0) throw new IllegalArgumentException("planted gaps must be >= 0");
        this.plantedGaps = plantedGaps;
        this.floors = Map.copyOf(floors);
    }

    /** Seed 1, through FY2024 Q4, 6 planted gaps, no floors. */
    public static SyntheticMeasures defaults() {
        return new SyntheticMeasures(1L, new FiscalQuarter(2024, 4), 6, Map.of());
    }

    public SyntheticMeasures withSeed(long s) {
        return new SyntheticMeasures(s, through, plantedGaps, floors);
    }

    public SyntheticMeasures withThrough(FiscalQuarter q) {
        return new SyntheticMeasures(seed, q, plantedGaps, floors);
    }

    public SyntheticMeasures withPlantedGaps(int n) {
        return new SyntheticMeasures(seed, through, n, floors);
    }

    /**
     * Totals no generated total may fall below: the counts the coded case files show (the files are a
     * sample of all cases, so the grantee's count is at least theirs).
     */
    public SyntheticMeasures withFloors(Map<MeasureValue.Key, Long> f) {
        return new SyntheticMeasures(seed, through, plantedGaps, f);
    }

    /**
     * A task force to generate.
     *
     * @param tfId      its ID
     * @param firstYear first fiscal year of funding (reporting starts in its Q1)
     * @param scale     size of its counts (1 = typical)
     */
    public record Site(String tfId, int firstYear, double scale) {
        public Site {
            Objects.requireNonNull(tfId, "tfId");
            if (!(scale > 0)) throw new IllegalArgumentException("scale must be > 0");
        }
    }

    /**
     * What was generated.
     *
     * @param values the values, task force by task force, quarter by quarter, in catalogue order
     * @param gaps   the planted LE/VS gaps reconciliation must flag
     */
    public record Generated(List<MeasureValue> values, List<Reconciler.NoteKey> gaps) {
        public Generated {
            values = List.copyOf(values);
            gaps = List.copyOf(gaps);
        }
    }

    /** Generates the measures of every site from its first funding year through the last quarter. */
    public Generated generate(MeasureCatalogue catalogue, List<Site> sites) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<MeasureValue> out = new ArrayList<>();
        List<Reconciler.NoteKey> gapsOut = new ArrayList<>();
        // planted gaps: distinct task force x pair x quarter, spread over the sites
        Set<Reconciler.NoteKey> gaps = new HashSet<>();
        if (!catalogue.pairs().isEmpty() && !sites.isEmpty()) {
            for (int i = 0; i < plantedGaps; i++) {
                Site s = sites.get(i % sites.size());
                FiscalQuarter first = new FiscalQuarter(s.firstYear(), 1);
                int span = through.index() - first.index() + 1;
                if (span < 1) continue;
                ReconciliationPair p =
                        catalogue.pairs().get(i % catalogue.pairs().size());
                for (int tries = 0; tries < 50; tries++) {
                    Reconciler.NoteKey k = new Reconciler.NoteKey(s.tfId(), p.id(), first.plus(rnd.nextInt(span)));
                    if (gaps.add(k)) {
                        gapsOut.add(k);
                        break;
                    }
                }
            }
        }
        for (Site s : sites) {
            for (FiscalQuarter q = new FiscalQuarter(s.firstYear(), 1); q.compareTo(through) <= 0; q = q.next()) {
                Map<String, Long> totals = new LinkedHashMap<>();
                double trend = s.scale() * Math.pow(1 + GROWTH, q.fiscalYear() - s.firstYear());
                for (Measure m : catalogue.measures()) {
                    long v = poisson(rnd, mean(m) * trend);
                    Long floor =
                            floors.get(new MeasureValue.Key(s.tfId(), m.grantee(), m.id(), Disaggregation.TOTAL, q));
                    if (floor != null && v < floor) v = floor + poisson(rnd, 0.5);
                    totals.put(m.id(), v);
                }
                for (ReconciliationPair p : catalogue.pairs()) {
                    long le = totals.get(p.lawEnforcement());
                    long vs;
                    if (gaps.contains(new Reconciler.NoteKey(s.tfId(), p.id(), q))) {
                        long d = Math.max(
                                p.absolute() + 1, (long) Math.ceil(p.relative() * le / (1 - p.relative())) + 1);
                        vs = le + d;
                    } else {
                        long jitter = Math.min(p.absolute(), 1);
                        vs = Math.max(0, le + (jitter == 0 ? 0 : rnd.nextInt(3) - 1));
                        if (p.differs(le, vs)) vs = le;
                    }
                    totals.put(p.victimServices(), vs);
                }
                for (Measure m : catalogue.measures()) {
                    String award = award(s, m.grantee(), q);
                    long total = totals.get(m.id());
                    out.add(new MeasureValue(s.tfId(), m.grantee(), award, q, m.id(), Disaggregation.TOTAL, total));
                    for (Dimension d : m.disaggregations()) {
                        long[] split;
                        if (d.exclusive()) {
                            // consistent with the coded cases: a category never below the coded records in it
                            long[] floor = new long[d.values().size()];
                            long floors = 0;
                            for (int i = 0; i < floor.length; i++) {
                                Long f = this.floors.get(new MeasureValue.Key(
                                        s.tfId(),
                                        m.grantee(),
                                        m.id(),
                                        new Disaggregation(d.name(), d.values().get(i)),
                                        q));
                                floor[i] = f == null ? 0 : f;
                                floors += floor[i];
                            }
                            split = multinomial(rnd, Math.max(0, total - floors), floor.length);
                            for (int i = 0; i < floor.length; i++) split[i] += floor[i];
                        } else {
                            split = any(rnd, total, d);
                        }
                        for (int i = 0; i < split.length; i++) {
                            out.add(new MeasureValue(
                                    s.tfId(),
                                    m.grantee(),
                                    award,
                                    q,
                                    m.id(),
                                    new Disaggregation(d.name(), d.values().get(i)),
                                    split[i]));
                        }
                    }
                }
            }
        }
        return new Generated(out, gapsOut);
    }

    /** The award a grantee reported under: a new one each funding cycle since the first year. */
    static String award(Site s, Grantee g, FiscalQuarter q) {
        int cycle = s.firstYear() + FUNDING_CYCLE_YEARS * ((q.fiscalYear() - s.firstYear()) / FUNDING_CYCLE_YEARS);
        int serial = Math.floorMod((s.tfId() + g.code()).hashCode(), 90000) + 10000;
        return (g == Grantee.LAW_ENFORCEMENT ? "15PBJA-" : "15POVC-") + String.format("%02d", cycle % 100) + "-GG-"
                + serial + "-HT";
    }

    private static double mean(Measure m) {
        switch (m.unit()) {
            case CASES:
                return 4;
            case EVENTS:
                return 3;
            default:
                return 7;
        }
    }

    static long poisson(SplittableRandom rnd, double mean) {
        double l = Math.exp(-mean);
        long k = 0;
        double p = 1;
        do {
            k++;
            p *= rnd.nextDouble();
        } while (p > l);
        return k - 1;
    }

    /** A split of a total over exclusive categories (the first ones more likely). */
    private static long[] multinomial(SplittableRandom rnd, long total, int k) {
        long[] out = new long[k];
        for (long i = 0; i < total; i++) {
            double u = rnd.nextDouble();
            int c = 0;
            double acc = 0.5;
            while (c < k - 1 && u > acc) {
                c++;
                acc += (1 - acc) * 0.5;
            }
            out[c]++;
        }
        return out;
    }

    /** Counts of a non-exclusive dimension: each unit receives each category with a fixed chance. */
    private static long[] any(SplittableRandom rnd, long total, Dimension d) {
        long[] out = new long[d.values().size()];
        for (int c = 0; c < out.length; c++) {
            double p = 0.7 / (c + 1);
            for (long i = 0; i < total; i++) if (rnd.nextDouble() < p) out[c]++;
        }
        return out;
    }

    // ------------------------------------------------------------------ planted reporting errors

    /**
     * A planted error: the validation must report {@code rule} at data row {@code row}.
     *
     * @param row  1-based data row of the file
     * @param rule the rule broken
     */
    public record PlantedError(long row, MeasureRule rule) {}

    /**
     * A measure file with planted reporting errors.
     *
     * @param rows   the rows, one cell per {@link Column}
     * @param errors the planted errors
     */
    public record PlantedFile(List<List<String>> rows, List<PlantedError> errors) {
        public PlantedFile {
            rows = List.copyOf(rows);
            errors = List.copyOf(errors);
        }
    }

    private static final class RawRow {
        final String[] cells;
        final Set<MeasureRule> expected = new HashSet<>();

        RawRow(String[] cells) {
            this.cells = cells;
        }

        String get(Column c) {
            return cells[c.ordinal()];
        }

        void set(Column c, String v) {
            cells[c.ordinal()] = v;
        }

        RawRow copy() {
            return new RawRow(cells.clone());
        }
    }

    /**
     * The values as a file with planted errors, one of each kind the validation knows from a grantee's
     * reporting: a negative count, a number that is not a count, a value reported twice with different
     * numbers, a quarter left out, a period overlapping another, categories adding up to more than their
     * total, a measure outside the catalogue and a disaggregation the measure does not allow.
     */
    public PlantedFile plantErrors(Generated g, MeasureCatalogue catalogue) {
        List<RawRow> rows = new ArrayList<>();
        for (MeasureValue v : g.values()) {
            rows.add(new RawRow(new String[] {
                v.tfId(),
                v.grantee().code(),
                v.award(),
                v.quarter().start().toString(),
                v.quarter().end().toString(),
                v.measureId(),
                v.disaggregation().cell(),
                Long.toString(v.value())
            }));
        }
        List<String> tfs =
                g.values().stream().map(MeasureValue::tfId).distinct().toList();
        List<Measure> plain = catalogue.measures().stream()
                .filter(m -> m.disaggregations().isEmpty())
                .toList();
        Measure split = catalogue.measures().stream()
                .filter(m -> m.disaggregations().stream().anyMatch(Dimension::exclusive))
                .findFirst()
                .orElse(null);
        if (tfs.isEmpty() || plain.isEmpty()) throw new IllegalArgumentException("nothing to plant errors in");
        List<RawRow> appended = new ArrayList<>();
        int i = 0;
        // a negative count
        RawRow negative = series(rows, tfs.get(i % tfs.size()), plain.get(i++ % plain.size()))
                .get(1);
        negative.set(Column.VALUE, "-3");
        negative.expected.add(MeasureRule.NEGATIVE_COUNT);
        List<RawRow> s = series(rows, tfs.get(i % tfs.size()), plain.get(i++ % plain.size()));
        s.get(2).set(Column.VALUE, "4.5");
        s.get(2).expected.add(MeasureRule.NOT_A_COUNT);
        // reported twice with different numbers
        s = series(rows, tfs.get(i % tfs.size()), plain.get(i++ % plain.size()));
        RawRow twice = s.get(3).copy();
        twice.set(Column.VALUE, Long.toString(Long.parseLong(twice.get(Column.VALUE)) + 2));
        twice.expected.add(MeasureRule.CONFLICTING_VALUE);
        appended.add(twice);
        // a quarter left out: the next quarter's row reports the gap
        s = series(rows, tfs.get(i % tfs.size()), plain.get(i++ % plain.size()));
        int mid = s.size() / 2;
        rows.remove(s.get(mid));
        s.get(mid + 1).expected.add(MeasureRule.PERIOD_GAP);
        // a period shifted by a month, overlapping the series' last quarter
        s = series(rows, tfs.get(i % tfs.size()), plain.get(i++ % plain.size()));
        RawRow shifted = s.get(s.size() - 1).copy();
        shifted.set(
                Column.PERIOD_START,
                java.time.LocalDate.parse(shifted.get(Column.PERIOD_START))
                        .plusMonths(1)
                        .toString());
        shifted.set(
                Column.PERIOD_END,
                java.time.LocalDate.parse(shifted.get(Column.PERIOD_START))
                        .plusMonths(3)
                        .minusDays(1)
                        .toString());
        shifted.expected.add(MeasureRule.PERIOD_NOT_A_QUARTER);
        shifted.expected.add(MeasureRule.PERIODS_OVERLAP);
        appended.add(shifted);
        // categories above their total
        if (split != null) {
            String tf = tfs.get(i++ % tfs.size());
            for (RawRow r : series(rows, tf, split)) {
                if (Long.parseLong(r.get(Column.VALUE)) >= 1) {
                    r.set(Column.VALUE, Long.toString(Long.parseLong(r.get(Column.VALUE)) - 1));
                    r.expected.add(MeasureRule.DISAGGREGATION_ABOVE_TOTAL);
                    break;
                }
            }
            // a disaggregation the measure does not allow
            RawRow cat = series(rows, tfs.get(i++ % tfs.size()), split).get(0).copy();
            cat.set(Column.DISAGGREGATION, "age=teen");
            cat.expected.add(MeasureRule.UNKNOWN_DISAGGREGATION);
            appended.add(cat);
        }
        // a measure outside the catalogue
        RawRow unknown =
                series(rows, tfs.get(i % tfs.size()), plain.get(0)).get(0).copy();
        unknown.set(Column.MEASURE_ID, plain.get(0).id() + "_ALL");
        unknown.expected.add(MeasureRule.UNKNOWN_MEASURE);
        appended.add(unknown);
        rows.addAll(appended);
        List<List<String>> cells = new ArrayList<>();
        List<PlantedError> errors = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            cells.add(List.of(rows.get(r).cells));
            for (MeasureRule rule : rows.get(r).expected) errors.add(new PlantedError(r + 1L, rule));
        }
        return new PlantedFile(cells, errors);
    }

    /** The total rows of one task force's measure, in quarter order (the order they were generated). */
    private static List<RawRow> series(List<RawRow> rows, String tf, Measure m) {
        Map<String, RawRow> byStart = new LinkedHashMap<>();
        for (RawRow r : rows) {
            if (r.get(Column.TF_ID).equals(tf)
                    && r.get(Column.MEASURE_ID).equals(m.id())
                    && r.get(Column.DISAGGREGATION).isEmpty()) byStart.putIfAbsent(r.get(Column.PERIOD_START), r);
        }
        List<RawRow> out = new ArrayList<>(byStart.values());
        if (out.size() < 5) throw new IllegalArgumentException("a planted error needs at least 5 quarters of " + tf);
        return out;
    }
}
