package org.tfeval.measures.validation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.tfeval.instrument.Severity;
import org.tfeval.instrument.measures.Dimension;
import org.tfeval.instrument.measures.Grantee;
import org.tfeval.instrument.measures.Measure;
import org.tfeval.instrument.measures.MeasureCatalogue;
import org.tfeval.instrument.validation.Violation;
import org.tfeval.measures.Disaggregation;
import org.tfeval.measures.FiscalQuarter;
import org.tfeval.measures.MeasureValue;
import org.tfeval.measures.file.Column;
import org.tfeval.measures.file.MeasureRow;

/**
 * Checks the rows of a measure file against the catalogue, each other and what is stored, collecting every
 * violation with file, row, column and rule. A violation names the value's key (task force, system, measure,
 * category, quarter), never its number.
 */
public final class MeasureValidator {
    private final MeasureCatalogue catalogue;

    private MeasureValidator(MeasureCatalogue catalogue) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    }

    public static MeasureValidator of(MeasureCatalogue catalogue) {
        return new MeasureValidator(catalogue);
    }

    /** A row that passed the row checks, with its period (which may not be a quarter). */
    private record Parsed(
            MeasureRow row,
            String tf,
            Grantee grantee,
            String award,
            LocalDate start,
            LocalDate end,
            FiscalQuarter quarter,
            Measure measure,
            Disaggregation disaggregation,
            long value,
            boolean valid) {}

    private record Series(String tf, Grantee grantee, String measureId) {}

    /** Checks rows read from one file. */
    public MeasureCheck check(String file, List<MeasureRow> rows, StoredMeasures stored) {
        List<Violation> out = new ArrayList<>();
        List<Parsed> parsed = new ArrayList<>();
        for (MeasureRow r : rows) {
            Parsed p = row(r, out);
            if (p != null) parsed.add(p);
        }
        periods(parsed, stored, out);
        List<Parsed> quarterly =
                parsed.stream().filter(p -> p.quarter() != null && p.valid()).toList();
        Map<MeasureValue.Key, Parsed> first = conflicts(quarterly, stored, out);
        totals(first, stored, out);
        out.sort(Comparator.comparingLong(Violation::row).thenComparing(Violation::code));
        List<MeasureValue> values = new ArrayList<>();
        if (out.isEmpty()) {
            for (Parsed p : first.values()) {
                values.add(new MeasureValue(
                        p.tf(), p.grantee(), p.award(), p.quarter(), p.measure().id(), p.disaggregation(), p.value()));
            }
        }
        return new MeasureCheck(file, rows.size(), values, out);
    }

    private Parsed row(MeasureRow r, List<Violation> out) {
        int before = out.size();
        for (Column c : Column.values()) {
            if (c.required() && r.get(c).isEmpty())
                out.add(violation(r, null, c, MeasureRule.MISSING_FIELD, c + " is blank"));
        }
        if (out.size() > before) return null;
        String tf = r.get(Column.TF_ID);
        if (!MeasureValue.TF_ID.matcher(tf).matches())
            out.add(violation(r, null, Column.TF_ID, MeasureRule.BAD_TASK_FORCE, "TF_ID is not a task-force ID"));
        Grantee g = Grantee.ofCodeOrNull(r.get(Column.SYSTEM));
        if (g == null)
            out.add(violation(r, null, Column.SYSTEM, MeasureRule.UNKNOWN_SYSTEM, "SYSTEM must be LE or VS"));
        LocalDate start = date(r, Column.PERIOD_START, out);
        LocalDate end = date(r, Column.PERIOD_END, out);
        FiscalQuarter q = null;
        if (start != null && end != null) {
            if (end.isBefore(start)) {
                out.add(violation(
                        r,
                        null,
                        Column.PERIOD_END,
                        MeasureRule.PERIOD_NOT_A_QUARTER,
                        "PERIOD_END is before PERIOD_START"));
                start = null;
            } else {
                q = FiscalQuarter.exactly(start, end).orElse(null);
                if (q == null)
                    out.add(violation(
                            r,
                            null,
                            Column.PERIOD_START,
                            MeasureRule.PERIOD_NOT_A_QUARTER,
                            "the period is not one federal fiscal quarter (Q1 = October-December)"));
            }
        }
        long value = 0;
        try {
            value = Long.parseLong(r.get(Column.VALUE));
            if (value < 0) {
                out.add(violation(r, null, Column.VALUE, MeasureRule.NEGATIVE_COUNT, "VALUE is a negative count"));
            }
        } catch (NumberFormatException e) {
            out.add(violation(r, null, Column.VALUE, MeasureRule.NOT_A_COUNT, "VALUE is not a whole number"));
        }
        Measure m = catalogue.find(r.get(Column.MEASURE_ID)).orElse(null);
        if (m == null) {
            out.add(violation(
                    r,
                    null,
                    Column.MEASURE_ID,
                    MeasureRule.UNKNOWN_MEASURE,
                    "MEASURE_ID is not in measure catalogue " + catalogue.version()));
        } else if (g != null && m.grantee() != g) {
            out.add(violation(
                    r,
                    null,
                    Column.SYSTEM,
                    MeasureRule.WRONG_SYSTEM,
                    m.id() + " is reported by the " + m.grantee().code() + " grantee"));
        }
        Disaggregation d = null;
        try {
            d = Disaggregation.parse(r.get(Column.DISAGGREGATION));
            if (m != null && !d.isTotal()) {
                Dimension dim = m.dimension(d.dimension()).orElse(null);
                if (dim == null || !dim.values().contains(d.category())) {
                    out.add(violation(
                            r,
                            null,
                            Column.DISAGGREGATION,
                            MeasureRule.UNKNOWN_DISAGGREGATION,
                            dim == null
                                    ? m.id() + " is not broken down by " + d.dimension() + "; allowed: "
                                            + m.disaggregations().stream()
                                                    .map(Dimension::name)
                                                    .toList()
                                    : d.dimension() + " has no category " + d.category() + "; allowed: "
                                            + dim.values()));
                }
            }
        } catch (IllegalArgumentException e) {
            out.add(violation(r, null, Column.DISAGGREGATION, MeasureRule.UNKNOWN_DISAGGREGATION, e.getMessage()));
        }
        // a row whose task force, system, measure, category and dates are sound takes part in the period
        // checks even when its number or period shape is wrong (so one bad cell does not also open a gap)
        if (start == null || end == null || g == null || m == null || m.grantee() != g || d == null) return null;
        if (!MeasureValue.TF_ID.matcher(tf).matches()) return null;
        boolean valid = out.size() == before;
        if (!valid
                && out.subList(before, out.size()).stream()
                        .anyMatch(v -> v.code().equals(MeasureRule.UNKNOWN_DISAGGREGATION.code()))) return null;
        return new Parsed(r, tf, g, r.get(Column.AWARD), start, end, q, m, d, value, valid);
    }

    private static LocalDate date(MeasureRow r, Column c, List<Violation> out) {
        try {
            return LocalDate.parse(r.get(c));
        } catch (DateTimeParseException e) {
            out.add(violation(r, null, c, MeasureRule.BAD_DATE, c + " is not a date (YYYY-MM-DD)"));
            return null;
        }
    }

    /** Overlapping periods and quarters left out, per task force x system x measure (totals). */
    private static void periods(List<Parsed> parsed, StoredMeasures stored, List<Violation> out) {
        Map<Series, List<Parsed>> bySeries = new LinkedHashMap<>();
        for (Parsed p : parsed) {
            if (!p.disaggregation().isTotal()) continue;
            bySeries.computeIfAbsent(new Series(p.tf(), p.grantee(), p.measure().id()), k -> new ArrayList<>())
                    .add(p);
        }
        Map<Series, List<FiscalQuarter>> storedQuarters = new HashMap<>();
        for (MeasureValue.Key k : stored.values().keySet()) {
            if (!k.disaggregation().isTotal()) continue;
            Series s = new Series(k.tfId(), k.grantee(), k.measureId());
            if (bySeries.containsKey(s))
                storedQuarters.computeIfAbsent(s, x -> new ArrayList<>()).add(k.quarter());
        }
        for (Map.Entry<Series, List<Parsed>> e : bySeries.entrySet()) {
            List<Parsed> ps = new ArrayList<>(e.getValue());
            ps.sort(Comparator.comparing(Parsed::start)
                    .thenComparingLong(p -> p.row().row()));
            // overlaps: a period that starts before the latest end seen, and is not the same period
            for (int i = 0; i < ps.size(); i++) {
                Parsed a = ps.get(i);
                for (int j = i + 1; j < ps.size() && !ps.get(j).start().isAfter(a.end()); j++) {
                    Parsed b = ps.get(j);
                    if (b.start().equals(a.start()) && b.end().equals(a.end())) continue;
                    Parsed later = b.row().row() > a.row().row() ? b : a;
                    Parsed earlier = later == b ? a : b;
                    out.add(violation(
                            later.row(),
                            later.quarter() == null ? null : key(later),
                            Column.PERIOD_START,
                            MeasureRule.PERIODS_OVERLAP,
                            "the period overlaps the period of row "
                                    + earlier.row().row() + " for the same measure"));
                }
            }
            // gaps: quarters (file and stored) of the series with one missing between them
            TreeMap<Integer, Parsed> byQuarter = new TreeMap<>();
            for (Parsed p : ps)
                if (p.quarter() != null) byQuarter.putIfAbsent(p.quarter().index(), p);
            java.util.TreeSet<Integer> all = new java.util.TreeSet<>(byQuarter.keySet());
            for (FiscalQuarter q : storedQuarters.getOrDefault(e.getKey(), List.of())) all.add(q.index());
            Integer previous = null;
            for (int q : all) {
                if (previous != null && q > previous + 1 && byQuarter.containsKey(q)) {
                    Parsed p = byQuarter.get(q);
                    out.add(violation(
                            p.row(),
                            key(p),
                            Column.PERIOD_START,
                            MeasureRule.PERIOD_GAP,
                            "no value for "
                                    + FiscalQuarter.ofIndex(previous + 1).label()
                                    + (q - previous > 2
                                            ? " to "
                                                    + FiscalQuarter.ofIndex(q - 1)
                                                            .label()
                                            : "")
                                    + " before this quarter"));
                }
                previous = q;
            }
        }
    }

    /** The first row of every key; later rows with another number (or a stored other number) conflict. */
    private static Map<MeasureValue.Key, Parsed> conflicts(
            List<Parsed> parsed, StoredMeasures stored, List<Violation> out) {
        Map<MeasureValue.Key, Parsed> first = new LinkedHashMap<>();
        for (Parsed p : parsed) {
            MeasureValue.Key k = key(p);
            Parsed f = first.putIfAbsent(k, p);
            if (f != null && f.value() != p.value()) {
                out.add(violation(
                        p.row(),
                        k,
                        Column.VALUE,
                        MeasureRule.CONFLICTING_VALUE,
                        "row " + f.row().row() + " reports the same value with another number"));
            } else if (f == null) {
                Long s = stored.values().get(k);
                if (s != null && s != p.value()) {
                    out.add(violation(
                            p.row(),
                            k,
                            Column.VALUE,
                            MeasureRule.CONFLICTING_VALUE,
                            "the stored value has another number (a correction is imported with --revise)"));
                }
            }
        }
        return first;
    }

    /** For exclusive dimensions: the categories' sum may not exceed the total (from the file, else stored). */
    private void totals(Map<MeasureValue.Key, Parsed> first, StoredMeasures stored, List<Violation> out) {
        Map<MeasureValue.Key, Map<String, List<Parsed>>> parts = new LinkedHashMap<>();
        for (Parsed p : first.values()) {
            if (p.disaggregation().isTotal()) continue;
            Dimension dim =
                    p.measure().dimension(p.disaggregation().dimension()).orElseThrow();
            if (!dim.exclusive()) continue;
            parts.computeIfAbsent(key(p).total(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(dim.name(), k -> new ArrayList<>())
                    .add(p);
        }
        for (Map.Entry<MeasureValue.Key, Map<String, List<Parsed>>> e : parts.entrySet()) {
            Parsed totalRow = first.get(e.getKey());
            Long total = totalRow != null
                    ? Long.valueOf(totalRow.value())
                    : stored.values().get(e.getKey());
            if (total == null) continue;
            for (Map.Entry<String, List<Parsed>> d : e.getValue().entrySet()) {
                long sum = d.getValue().stream().mapToLong(Parsed::value).sum();
                if (sum > total) {
                    MeasureRow at = totalRow != null
                            ? totalRow.row()
                            : d.getValue().get(0).row();
                    out.add(violation(
                            at,
                            e.getKey(),
                            Column.VALUE,
                            MeasureRule.DISAGGREGATION_ABOVE_TOTAL,
                            "the " + d.getKey() + " categories add up to more than the total"
                                    + (totalRow == null ? " stored" : "")));
                }
            }
        }
    }

    private static MeasureValue.Key key(Parsed p) {
        return new MeasureValue.Key(p.tf(), p.grantee(), p.measure().id(), p.disaggregation(), p.quarter());
    }

    private static Violation violation(MeasureRow r, MeasureValue.Key k, Column c, MeasureRule rule, String msg) {
        return new Violation(
                r.file(), r.row(), k == null ? null : k.display(), c.name(), null, rule.code(), msg, Severity.ERROR);
    }
}
