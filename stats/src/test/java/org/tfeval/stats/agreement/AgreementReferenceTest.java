package org.tfeval.stats.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tfeval.stats.ReferenceCases;

/**
 * Oracle: every file in reference/agreement. Each number under {@code recomputed} (exact-rational
 * recomputations of the published formulas) must be matched to {@link #EXACT}; each number under
 * {@code published} to half a unit in its last printed decimal ({@code published_decimals}); likewise the
 * {@code also} blocks. Every key must be one this test knows how to compute, so a new metric in the
 * reference data fails the test until it is supported.
 */
class AgreementReferenceTest {

    /**
     * Recomputed values are exact up to double rounding; 1e-12 (relative for values above 1) leaves room
     * for summation order.
     */
    static final double EXACT = 1e-12;

    /**
     * Disagreement weights that a file states in prose rather than as data. Artstein and Poesio (2008,
     * p. 568) weighted example: "0 on agreement, 0.5 for any disagreement involving Chck, 1 otherwise"
     * (categories Stat, IReq, Chck), as recorded in the file's {@code weighted_distance}.
     */
    static final Map<String, double[][]> PROSE_WEIGHTS =
            Map.of("scott_pi_artstein_poesio_2008_3x3", new double[][] {{0, 1, 0.5}, {1, 0, 0.5}, {0.5, 0.5, 0}});

    @TestFactory
    Stream<DynamicTest> every_agreement_reference_file_is_reproduced() {
        List<Path> files = ReferenceCases.jsonFiles("agreement");
        assertThat(files).hasSizeGreaterThanOrEqualTo(12);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
    }

    private void check(Path file) {
        JsonNode doc = ReferenceCases.json(file);
        JsonNode data = doc.path("data");
        String layout = data.path("layout").asText();
        List<String> failures = new ArrayList<>();
        if (layout.equals("contingency_tables")) {
            Iterator<Map.Entry<String, JsonNode>> it =
                    data.path("tables").properties().iterator();
            while (it.hasNext()) {
                var e = it.next();
                Map<String, Object> got = fromTable(doc, table(e.getValue()));
                compareAll(
                        failures, e.getKey() + ".", got, doc.path("recomputed").path(e.getKey()), null);
                compareAll(
                        failures,
                        e.getKey() + ".",
                        got,
                        doc.path("published").path(e.getKey()),
                        doc.path("published_decimals").path(e.getKey()));
            }
        } else {
            Map<String, Object> got = switch (layout) {
                case "contingency_table" -> fromTable(doc, table(data.path("table")));
                case "subjects_x_categories_counts" -> fromCounts(table(data.path("counts")));
                case "coders_x_units" -> fromCoders(doc);
                default -> throw new AssertionError("unknown layout " + layout);
            };
            compareAll(failures, "", got, doc.path("recomputed"), null);
            compareAll(failures, "", got, doc.path("published"), doc.path("published_decimals"));
            Iterator<Map.Entry<String, JsonNode>> also =
                    doc.path("also").properties().iterator();
            while (also.hasNext()) {
                var e = also.next();
                double v = alsoValue(e.getKey(), e.getValue(), table(data.path("table")));
                compare(
                        failures,
                        e.getKey() + " recomputed",
                        v,
                        e.getValue().path("recomputed").asDouble(),
                        EXACT);
                compare(
                        failures,
                        e.getKey() + " published",
                        v,
                        e.getValue().path("published").asDouble(),
                        halfUnit(e.getValue().path("published").asText()));
            }
        }
        assertThat(failures).isEmpty();
    }

    private Map<String, Object> fromTable(JsonNode doc, long[][] t) {
        Map<String, Object> m = new LinkedHashMap<>();
        TwoCoderAgreement a = TwoCoderAgreement.of(t);
        m.put("percent_agreement", a.percentAgreement());
        m.put("cohen_pe", a.cohenExpected());
        m.put("cohen_kappa", a.cohenKappa());
        m.put("cohen_kappa_max", a.cohenKappaMax());
        m.put("scott_pe", a.scottExpected());
        m.put("scott_pi", a.scottPi());
        m.put("bennett_s", a.bennettS());
        CodingTable coded = twoCoders(t);
        KrippendorffAlpha nominal = KrippendorffAlpha.of(coded, MeasurementLevel.NOMINAL);
        m.put("alpha_nominal", nominal.alpha());
        m.put("Do_nominal", nominal.observedDisagreement());
        m.put("De_nominal", nominal.expectedDisagreement());
        double[][] w = PROSE_WEIGHTS.get(doc.path("id").asText());
        if (w != null) {
            m.put("alpha_weighted", KrippendorffAlpha.of(coded, w).alpha());
            m.put("kappa_weighted", TwoCoderAgreement.weightedKappa(t, w));
        }
        return m;
    }

    private Map<String, Object> fromCounts(long[][] counts) {
        FleissKappa f = FleissKappa.of(counts);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fleiss_kappa", f.kappa());
        m.put("P_bar", f.meanAgreement());
        m.put("Pe_bar", f.expectedAgreement());
        m.put("p_j", f.categoryShares());
        m.put("P_i", f.subjectAgreement());
        m.put("category_kappa", f.categoryKappas());
        return m;
    }

    private Map<String, Object> fromCoders(JsonNode doc) {
        JsonNode d = doc.path("data");
        List<String> coders = new ArrayList<>();
        d.path("coders").forEach(c -> coders.add(c.asText()));
        Object[][] values = new Object[coders.size()][];
        for (int c = 0; c < coders.size(); c++) {
            JsonNode row = d.path("data").get(c);
            values[c] = new Object[row.size()];
            for (int u = 0; u < row.size(); u++) {
                JsonNode v = row.get(u);
                values[c][u] = v.isNull() ? null : v.isNumber() ? (Object) v.asDouble() : v.asText();
            }
        }
        CodingTable t = CodingTable.of(coders, values);
        Map<String, Object> m = new LinkedHashMap<>();
        for (MeasurementLevel level : MeasurementLevel.values()) {
            if (level.needsNumbers() && t.numericValues() == null) {
                continue;
            }
            KrippendorffAlpha a = KrippendorffAlpha.of(t, level);
            String s = level.name().toLowerCase();
            m.put("alpha_" + s, a.alpha());
            m.put("Do_" + s, a.observedDisagreement());
            m.put("De_" + s, a.expectedDisagreement());
            if (level == MeasurementLevel.NOMINAL) {
                m.put("observed_agreement_nominal", 1 - a.observedDisagreement());
                m.put("n_pairable_values", a.pairableValues());
                m.put("pairable_units", (double) a.pairableUnits());
            }
        }
        // files that study a single alpha metric report it as plain alpha / Do / De
        List<String> alphas = new ArrayList<>();
        doc.path("metric").forEach(x -> {
            if (x.asText().startsWith("krippendorff_alpha_")) {
                alphas.add(x.asText().substring("krippendorff_alpha_".length()));
            }
        });
        if (alphas.size() == 1) {
            m.put("alpha", m.get("alpha_" + alphas.get(0)));
            m.put("Do", m.get("Do_" + alphas.get(0)));
            m.put("De", m.get("De_" + alphas.get(0)));
        }
        if (coders.size() == 2) {
            TwoCoderAgreement a = TwoCoderAgreement.of(t.crossTable(0, 1));
            m.put("percent_agreement", a.percentAgreement());
            m.put("cohen_kappa", a.cohenKappa());
            m.put("scott_pi", a.scottPi());
        }
        return m;
    }

    private double alsoValue(String key, JsonNode block, long[][] t) {
        if (key.equals("weighted_kappa_cohen_1968")) {
            String text = block.path("weights").asText();
            String matrix = text.substring(text.indexOf("[["), text.lastIndexOf("]]") + 2);
            try {
                double[][] w = new ObjectMapper().readValue(matrix, double[][].class);
                return TwoCoderAgreement.weightedKappa(t, w);
            } catch (java.io.IOException e) {
                throw new AssertionError("cannot read weights of " + key, e);
            }
        }
        throw new AssertionError("unsupported 'also' entry " + key);
    }

    private void compareAll(
            List<String> failures, String prefix, Map<String, Object> got, JsonNode expected, JsonNode decimals) {
        Iterator<Map.Entry<String, JsonNode>> it = expected.properties().iterator();
        while (it.hasNext()) {
            var e = it.next();
            String key = e.getKey();
            Object value = got.get(key);
            if (value == null) {
                failures.add(prefix + key + ": not computed by this test (unknown metric)");
                continue;
            }
            // recomputed: relative to the size of the value (Do/De of ordinal data run into thousands)
            double scale = decimals == null
                    ? Math.max(
                            1.0,
                            Math.abs(e.getValue().isArray() ? 1.0 : e.getValue().asDouble()))
                    : 1.0;
            double tol = decimals == null
                    ? EXACT * scale
                    : 0.5 * Math.pow(10, -decimals.path(key).asInt());
            if (decimals != null && !decimals.has(key)) {
                failures.add(prefix + key + ": published without published_decimals");
                continue;
            }
            if (value instanceof double[] arr) {
                assertThat(e.getValue().size()).as(prefix + key + " length").isEqualTo(arr.length);
                for (int i = 0; i < arr.length; i++) {
                    compare(
                            failures,
                            prefix + key + "[" + i + "]",
                            arr[i],
                            e.getValue().get(i).asDouble(),
                            tol);
                }
            } else {
                compare(failures, prefix + key, (Double) value, e.getValue().asDouble(), tol);
            }
        }
    }

    private static double halfUnit(String printed) {
        int dot = printed.indexOf('.');
        int d = dot < 0 ? 0 : printed.length() - dot - 1;
        return 0.5 * Math.pow(10, -d);
    }

    private static void compare(List<String> failures, String what, double actual, double expected, double tol) {
        if (!(Math.abs(actual - expected) <= tol)) {
            failures.add(what + ": got " + actual + ", expected " + expected + " (tolerance " + tol + ")");
        }
    }

    private static long[][] table(JsonNode rows) {
        long[][] t = new long[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            t[i] = new long[rows.get(i).size()];
            for (int j = 0; j < t[i].length; j++) {
                t[i][j] = rows.get(i).get(j).asLong();
            }
        }
        return t;
    }

    /** Two coders' codes from a k x k table: one unit per counted pair. */
    private static CodingTable twoCoders(long[][] t) {
        int units = 0;
        for (long[] row : t) {
            for (long v : row) {
                units += (int) v;
            }
        }
        Object[][] codes = new Object[2][units];
        int u = 0;
        for (int i = 0; i < t.length; i++) {
            for (int j = 0; j < t[i].length; j++) {
                for (long c = 0; c < t[i][j]; c++) {
                    codes[0][u] = "c" + i;
                    codes[1][u] = "c" + j;
                    u++;
                }
            }
        }
        // categories are labelled so that their sorted order is the table order
        List<String> coders = List.of("A", "B");
        CodingTable ct = CodingTable.of(coders, codes);
        assertThat(ct.categories()).isSorted();
        return ct;
    }
}
