package org.tfeval.release.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The attack of issue 12 on codebook statistics, performed on released packages: an attacker reads a
 * public DDI codebook and solves for its hidden counts with the shown counts, the valid count and the
 * printed mean, standard deviation, minimum and maximum (a mean and a standard deviation are two
 * equations in the hidden counts). The same attacker given the statistics the codebooks printed
 * before (computed from the released CSV exactly as the codebook summary does) recovers hidden counts,
 * so the attack is real; given what the codebooks print now, it recovers none. Restricted codebooks,
 * which archives publish openly, print no exact first or last date and no extreme value fewer than
 * {@code g} values reach.
 */
class CodebookInferenceAttackTest {

    private static final String NS = "ddi:codebook:2_5";

    /** Search nodes per variable before the attacker gives up (then nothing counts as recovered). */
    private static final long SEARCH_BUDGET = 2_000_000;

    /** Printed means and standard deviations are exact to about 1e-12; this allows for it. */
    private static final double STAT_TOLERANCE = 1e-6;

    /** The g of restricted ranges: {@code PrintedStatistics.RESTRICTED_GROUP}. */
    private static final int RESTRICTED_GROUP = 5;

    @Test
    void mean_sd_and_extremes_in_public_codebooks_no_longer_give_hidden_counts_back() throws Exception {
        ReleaseResult r = ReleasedPackages.publicRelease();
        int withHidden = 0;
        int recoveredBefore = 0;
        int recoveredNow = 0;
        for (String d : ReleasedPackages.DATASETS) {
            if (!java.nio.file.Files.isDirectory(r.dir().resolve(d))) {
                continue; // withheld from public packages (the task-force file)
            }
            ReleasedPackages.Csv csv = ReleasedPackages.csv(r, d);
            for (CodedVariable v : read(r.dir().resolve(d).resolve(d + ".xml"))) {
                if (v.hidden().isEmpty()) {
                    continue;
                }
                withHidden++;
                Map<Long, Long> truth = truth(csv, v);
                if (v.recoveredBy(v.printed(), truth)) {
                    recoveredNow++;
                }
                if (v.recoveredBy(
                        Stats.of(csv.values(v.name())).withValid(v.printed().valid()), truth)) {
                    recoveredBefore++;
                }
            }
        }
        System.out.printf(
                "codebook attack on the demo public package: %d variables with hidden counts; recovered with the"
                        + " statistics printed before: %d; with those printed now: %d%n",
                withHidden, recoveredBefore, recoveredNow);
        assertThat(withHidden).as("the public package hides counts").isPositive();
        assertThat(recoveredBefore).as("the attack works on the old statistics").isPositive();
        assertThat(recoveredNow)
                .as("variables whose hidden counts the printed statistics give back")
                .isZero();
    }

    @Test
    void restricted_codebooks_print_no_exact_first_or_last_date_and_no_extreme_that_fewer_than_g_values_reach()
            throws Exception {
        ReleaseResult r = ReleasedPackages.restrictedRelease();
        int dates = 0;
        int ranges = 0;
        for (String d : ReleasedPackages.DATASETS) {
            if (!java.nio.file.Files.isDirectory(r.dir().resolve(d))) {
                continue; // withheld from public packages (the task-force file)
            }
            ReleasedPackages.Csv csv = ReleasedPackages.csv(r, d);
            Path xml = r.dir().resolve(d).resolve(d + ".xml");
            String text = Files.readString(xml);
            assertThat(text).doesNotContainPattern("<sumStat[^>]*>\\d{4}-\\d{2}-\\d{2}</sumStat>");
            assertThat(text).doesNotContain("type=\"min\"").doesNotContain("type=\"max\"");
            Document doc = parse(xml);
            NodeList vars = doc.getElementsByTagNameNS(NS, "var");
            for (int i = 0; i < vars.getLength(); i++) {
                Element var = (Element) vars.item(i);
                String name = var.getAttribute("name");
                NodeList stats = var.getElementsByTagNameNS(NS, "sumStat");
                for (int j = 0; j < stats.getLength(); j++) {
                    Element s = (Element) stats.item(j);
                    String other = s.getAttribute("otherType");
                    if (!other.startsWith("low") && !other.startsWith("high")) {
                        continue;
                    }
                    ranges++;
                    boolean low = other.startsWith("low");
                    String printed = s.getTextContent();
                    long reach;
                    if (other.contains("Month")) {
                        dates++;
                        reach = csv.values(name).stream()
                                .filter(x -> x.matches("\\d{4}-\\d{2}-\\d{2}"))
                                .map(LocalDate::parse)
                                .filter(x -> low
                                        ? x.toString().substring(0, 7).compareTo(printed) <= 0
                                        : x.toString().substring(0, 7).compareTo(printed) >= 0)
                                .count();
                    } else {
                        double bound = Double.parseDouble(printed);
                        reach = csv.values(name).stream()
                                .filter(x -> !x.isEmpty())
                                .mapToDouble(Double::parseDouble)
                                .filter(x -> x > -1) // reserved missing codes are negative
                                .filter(x -> low ? x <= bound : x >= bound)
                                .count();
                    }
                    assertThat(reach).as(d + "." + name + " " + other).isGreaterThanOrEqualTo(RESTRICTED_GROUP);
                }
            }
        }
        assertThat(dates).as("date ranges printed as months").isPositive();
        assertThat(ranges).isGreaterThan(dates);
    }

    /** The true counts of the variable's valid codes in the released CSV. */
    private static Map<Long, Long> truth(ReleasedPackages.Csv csv, CodedVariable v) {
        Map<Long, Long> out = new HashMap<>();
        for (String x : csv.values(v.name())) {
            if (!x.isEmpty() && x.matches("-?\\d+")) {
                out.merge(Long.parseLong(x), 1L, Long::sum);
            }
        }
        return out;
    }

    /** What an attacker may know about the valid values: their count, mean, SD, minimum and maximum. */
    record Stats(OptionalLong valid, OptionalDouble mean, OptionalDouble sd, OptionalDouble min, OptionalDouble max) {
        /** The same statistics with the valid count as the codebook prints it (or not). */
        Stats withValid(OptionalLong value) {
            return new Stats(value, mean, sd, min, max);
        }

        /** The statistics the codebooks printed before (DatasetSummary's, from the released values). */
        static Stats of(List<String> cells) {
            List<Double> xs = new ArrayList<>();
            for (String c : cells) {
                if (!c.isEmpty() && c.matches("-?\\d+(\\.\\d+)?") && Double.parseDouble(c) >= 0) {
                    xs.add(Double.parseDouble(c));
                }
            }
            if (xs.size() < 2) {
                return new Stats(
                        OptionalLong.of(xs.size()),
                        OptionalDouble.empty(),
                        OptionalDouble.empty(),
                        OptionalDouble.empty(),
                        OptionalDouble.empty());
            }
            double mean = xs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double ss = xs.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
            return new Stats(
                    OptionalLong.of(xs.size()),
                    OptionalDouble.of(mean),
                    OptionalDouble.of(Math.sqrt(ss / (xs.size() - 1))),
                    OptionalDouble.of(
                            xs.stream().mapToDouble(Double::doubleValue).min().orElseThrow()),
                    OptionalDouble.of(
                            xs.stream().mapToDouble(Double::doubleValue).max().orElseThrow()));
        }
    }

    /**
     * A coded variable as its DDI codebook shows it.
     *
     * @param shown valid codes with a printed count
     * @param hidden valid codes with a hidden count, each with its bounds (primary 1..k-1, else 0..rows)
     * @param printed the statistics the codebook prints
     */
    record CodedVariable(String name, Map<Long, Long> shown, Map<Long, long[]> hidden, Stats printed, long rows) {

        /** Whether the statistics determine every hidden count, and correctly. */
        boolean recoveredBy(Stats stats, Map<Long, Long> truth) {
            List<Long> codes = new ArrayList<>(hidden.keySet());
            codes.sort(null);
            long shownCount = shown.values().stream().mapToLong(Long::longValue).sum();
            double shownSum = 0;
            double shownSquares = 0;
            for (Map.Entry<Long, Long> e : shown.entrySet()) {
                shownSum += e.getKey() * (double) e.getValue();
                shownSquares += e.getKey() * (double) e.getKey() * e.getValue();
            }
            OptionalLong count = stats.valid().isPresent()
                    ? OptionalLong.of(stats.valid().getAsLong() - shownCount)
                    : OptionalLong.empty();
            Double sum = null;
            Double squares = null;
            if (stats.valid().isPresent() && stats.mean().isPresent()) {
                long n = stats.valid().getAsLong();
                sum = stats.mean().getAsDouble() * n - shownSum;
                if (stats.sd().isPresent()) {
                    double m = stats.mean().getAsDouble();
                    squares = stats.sd().getAsDouble() * stats.sd().getAsDouble() * (n - 1) + n * m * m - shownSquares;
                }
            }
            Search s = new Search(codes, hidden, count, sum, squares, stats.min(), stats.max());
            s.run(0, 0, 0, 0, new long[codes.size()]);
            if (s.exhausted || s.solutions != 1) {
                return false;
            }
            for (int i = 0; i < codes.size(); i++) {
                if (s.solution[i] != truth.getOrDefault(codes.get(i), 0L)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Depth-first search over the hidden counts, stopping at a second solution. */
    private static final class Search {
        final List<Long> codes;
        final long[] lo;
        final long[] hi;
        final OptionalLong count;
        final Double sum;
        final Double squares;
        final OptionalDouble min;
        final OptionalDouble max;
        long nodes;
        boolean exhausted;
        int solutions;
        long[] solution;

        Search(
                List<Long> codes,
                Map<Long, long[]> bounds,
                OptionalLong count,
                Double sum,
                Double squares,
                OptionalDouble min,
                OptionalDouble max) {
            this.codes = codes;
            this.lo = new long[codes.size()];
            this.hi = new long[codes.size()];
            for (int i = 0; i < codes.size(); i++) {
                long[] b = bounds.get(codes.get(i));
                lo[i] = b[0];
                hi[i] = b[1];
                // a printed minimum or maximum: no value beyond it, some value at it
                if ((min.isPresent() && codes.get(i) < min.getAsDouble())
                        || (max.isPresent() && codes.get(i) > max.getAsDouble())) {
                    hi[i] = 0;
                }
            }
            this.count = count;
            this.sum = sum;
            this.squares = squares;
            this.min = min;
            this.max = max;
        }

        void run(int i, long n, double s, double q, long[] x) {
            if (solutions > 1 || exhausted) {
                return;
            }
            if (++nodes > SEARCH_BUDGET) {
                exhausted = true;
                return;
            }
            if (i == codes.size()) {
                if (count.isPresent() && n != count.getAsLong()) return;
                if (sum != null && Math.abs(s - sum) > STAT_TOLERANCE * Math.max(1, Math.abs(sum))) return;
                if (squares != null && Math.abs(q - squares) > STAT_TOLERANCE * Math.max(1, Math.abs(squares))) return;
                solutions++;
                solution = x.clone();
                return;
            }
            double code = codes.get(i);
            long from = lo[i];
            long to = hi[i];
            if (count.isPresent() && i == codes.size() - 1) {
                // the last hidden count is what the valid count leaves
                from = Math.max(from, count.getAsLong() - n);
                to = Math.min(to, count.getAsLong() - n);
            }
            double tolerance = sum == null ? 0 : STAT_TOLERANCE * Math.max(1, Math.abs(sum));
            for (long c = from; c <= to; c++) {
                long n2 = n + c;
                double s2 = s + code * c;
                if (count.isPresent() && n2 > count.getAsLong()) break;
                if (sum != null && code >= 0 && s2 > sum + tolerance) break;
                if (sum != null && count.isPresent() && i + 1 < codes.size()) {
                    // the rest of the count, at the remaining codes, must be able to reach the sum
                    long rest = count.getAsLong() - n2;
                    if (s2 + rest * codes.get(codes.size() - 1) < sum - tolerance) continue;
                    if (s2 + rest * (double) codes.get(i + 1) > sum + tolerance) continue;
                }
                x[i] = c;
                run(i + 1, n2, s2, q + code * code * c, x);
            }
            x[i] = 0;
        }
    }

    private static List<CodedVariable> read(Path xml) throws Exception {
        Document doc = parse(xml);
        long rows = Long.parseLong(doc.getElementsByTagNameNS(NS, "caseQnty")
                .item(0)
                .getTextContent()
                .trim());
        List<CodedVariable> out = new ArrayList<>();
        NodeList vars = doc.getElementsByTagNameNS(NS, "var");
        for (int i = 0; i < vars.getLength(); i++) {
            Element var = (Element) vars.item(i);
            Map<Long, Long> shown = new LinkedHashMap<>();
            Map<Long, long[]> hidden = new LinkedHashMap<>();
            NodeList cats = var.getElementsByTagNameNS(NS, "catgry");
            for (int j = 0; j < cats.getLength(); j++) {
                Element c = (Element) cats.item(j);
                if ("Y".equals(c.getAttribute("missing"))) {
                    continue;
                }
                long code = Long.parseLong(text(c, "catValu"));
                Element stat = (Element) c.getElementsByTagNameNS(NS, "catStat").item(0);
                if ("freq".equals(stat.getAttribute("type"))) {
                    shown.put(code, Long.parseLong(stat.getTextContent().trim()));
                } else {
                    String mark = stat.getTextContent().trim();
                    hidden.put(
                            code,
                            mark.startsWith("<")
                                    ? new long[] {1, Long.parseLong(mark.substring(1)) - 1}
                                    : new long[] {0, rows});
                }
            }
            if (shown.isEmpty() && hidden.isEmpty()) {
                continue;
            }
            Map<String, String> stats = new HashMap<>();
            NodeList sums = var.getElementsByTagNameNS(NS, "sumStat");
            for (int j = 0; j < sums.getLength(); j++) {
                Element s = (Element) sums.item(j);
                stats.put(s.getAttribute("type"), s.getTextContent().trim());
            }
            Stats printed = new Stats(
                    stats.containsKey("vald")
                            ? OptionalLong.of(Long.parseLong(stats.get("vald")))
                            : OptionalLong.empty(),
                    optional(stats.get("mean")),
                    optional(stats.get("stdev")),
                    optional(stats.get("min")),
                    optional(stats.get("max")));
            out.add(new CodedVariable(var.getAttribute("name"), shown, hidden, printed, rows));
        }
        return out;
    }

    private static OptionalDouble optional(String s) {
        return s == null ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(s));
    }

    private static String text(Element e, String child) {
        return e.getElementsByTagNameNS(NS, child).item(0).getTextContent().trim();
    }

    private static Document parse(Path xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(xml.toFile());
    }
}
