package org.tfeval.measures.trend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.tfeval.instrument.measures.Grantee;
import org.tfeval.instrument.measures.Measure;
import org.tfeval.instrument.measures.MeasureCatalogue;
import org.tfeval.instrument.measures.Rate;
import org.tfeval.measures.FiscalQuarter;
import org.tfeval.measures.MeasureValue;

/** Series, year-over-year change, cross-site ranges and funding cycles from stored values. */
public final class Trends {
    private final MeasureCatalogue catalogue;

    private Trends(MeasureCatalogue catalogue) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    }

    public static Trends of(MeasureCatalogue catalogue) {
        return new Trends(catalogue);
    }

    /** Each task force's series of a measure's totals, by task force. */
    public Map<String, QuarterlySeries> series(List<MeasureValue> values, String measureId) {
        Measure m = catalogue.measure(measureId);
        Map<String, SortedMap<FiscalQuarter, Double>> by = new TreeMap<>();
        for (MeasureValue v : values) {
            if (v.measureId().equals(measureId) && v.disaggregation().isTotal())
                by.computeIfAbsent(v.tfId(), k -> new TreeMap<>()).put(v.quarter(), (double) v.value());
        }
        Map<String, QuarterlySeries> out = new TreeMap<>();
        by.forEach((tf, s) -> out.put(tf, new QuarterlySeries(tf, m.id(), m.label(), s)));
        return out;
    }

    /** Each task force's series of a rate, over the quarters whose denominator is above zero. */
    public Map<String, QuarterlySeries> rate(List<MeasureValue> values, Rate rate) {
        Map<String, QuarterlySeries> num = series(values, rate.numerator());
        Map<String, QuarterlySeries> den = series(values, rate.denominator());
        Map<String, QuarterlySeries> out = new TreeMap<>();
        for (Map.Entry<String, QuarterlySeries> e : den.entrySet()) {
            QuarterlySeries n = num.get(e.getKey());
            if (n == null) continue;
            SortedMap<FiscalQuarter, Double> s = new TreeMap<>();
            e.getValue().values().forEach((q, d) -> {
                Double x = n.values().get(q);
                if (x != null && d > 0) s.put(q, x / d);
            });
            out.put(e.getKey(), new QuarterlySeries(e.getKey(), rate.id(), rate.label(), s));
        }
        return out;
    }

    /** Fiscal-year totals of complete years and their change on the year before. */
    public static List<YearChange> yearOverYear(QuarterlySeries s) {
        Map<Integer, double[]> years = new TreeMap<>();
        s.values().forEach((q, v) -> {
            double[] y = years.computeIfAbsent(q.fiscalYear(), k -> new double[2]);
            y[0] += v;
            y[1]++;
        });
        List<YearChange> out = new ArrayList<>();
        for (Map.Entry<Integer, double[]> e : years.entrySet()) {
            if (e.getValue()[1] < 4) continue;
            double[] prev = years.get(e.getKey() - 1);
            double p = prev != null && prev[1] == 4 ? prev[0] : Double.NaN;
            double change = Double.isNaN(p) || p == 0 ? Double.NaN : (e.getValue()[0] - p) / p;
            out.add(new YearChange(e.getKey(), e.getValue()[0], p, change));
        }
        return out;
    }

    /** The range across task forces in each quarter any of them reported. */
    public static List<QuarterRange> crossSite(Iterable<QuarterlySeries> series) {
        Map<FiscalQuarter, List<Double>> by = new TreeMap<>();
        for (QuarterlySeries s : series)
            s.values()
                    .forEach((q, v) ->
                            by.computeIfAbsent(q, k -> new ArrayList<>()).add(v));
        List<QuarterRange> out = new ArrayList<>();
        by.forEach((q, vs) -> {
            double[] a = vs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            out.add(new QuarterRange(q, a.length, a[0], median(a), a[a.length - 1]));
        });
        return out;
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** A task force's grantee. */
    public record GranteeOf(String tfId, Grantee grantee) {}

    /**
     * The quarters in which each task force's grantee began reporting under a new award (a new funding cycle),
     * the first quarter included.
     */
    public static Map<GranteeOf, List<FiscalQuarter>> fundingCycles(List<MeasureValue> values) {
        Map<GranteeOf, TreeMap<FiscalQuarter, String>> awards = new HashMap<>();
        for (MeasureValue v : values)
            awards.computeIfAbsent(new GranteeOf(v.tfId(), v.grantee()), k -> new TreeMap<>())
                    .putIfAbsent(v.quarter(), v.award());
        Map<GranteeOf, List<FiscalQuarter>> out = new HashMap<>();
        awards.forEach((k, a) -> {
            List<FiscalQuarter> cycles = new ArrayList<>();
            String previous = null;
            for (Map.Entry<FiscalQuarter, String> e : a.entrySet()) {
                if (!e.getValue().equals(previous)) cycles.add(e.getKey());
                previous = e.getValue();
            }
            out.put(k, List.copyOf(cycles));
        });
        return out;
    }

    /** Mean quarterly values by task force (each task force one number). */
    public static Map<String, Double> siteMeans(Map<String, QuarterlySeries> series) {
        Map<String, Double> out = new HashMap<>();
        series.forEach((tf, s) -> {
            double m = s.mean();
            if (!Double.isNaN(m)) out.put(tf, m);
        });
        return out;
    }

    static double[] sorted(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a;
    }
}
