package org.tfeval.report.technical;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.tfeval.analysis.AnalysisResult;
import org.tfeval.analysis.ResultTable;
import org.tfeval.analysis.StudyResults;
import org.tfeval.analysis.design.DesignWeights;
import org.tfeval.analysis.design.DesignWeights.DrawRow;
import org.tfeval.analysis.design.DesignWeights.WeightingRow;
import org.tfeval.analysis.reliability.CodingReliability;
import org.tfeval.analysis.reliability.CodingReliability.VariableRow;
import org.tfeval.report.document.Document;
import org.tfeval.report.document.Format;
import org.tfeval.report.document.ResultViews;

/**
 * The Methods subsections on the design: "Sampling" (frames, sizes, fractions, replacements, who drew), "Weighting"
 * (which estimates are weighted and the unweighted alternative) and "Coder training and reliability" (agreement and
 * kappa per variable). Every sentence is generated from the result table it cites ({@link DesignWeights#DRAW},
 * {@link DesignWeights#WEIGHTING}, {@link CodingReliability#AGREEMENT}); the sentence methods are public so that tests
 * check each against its table.
 */
public final class DesignMethods {
    /**
     * Kappa below which agreement on a variable is named as weaker than substantial (Landis and Koch 1977: 0.61 to
     * 0.80 substantial).
     */
    public static final double SUBSTANTIAL_KAPPA = 0.61;

    /** The headline share the weighting paragraph takes as its example. */
    public static final String EXAMPLE_SHARE = "Cases with a trafficking charge";

    private DesignMethods() {}

    /** Writes the three subsections (each only when its analysis ran) with their tables. */
    public static void write(Document doc, StudyResults r, String confidenceLabel) {
        write(doc, r, confidenceLabel, true);
    }

    /**
     * The same; without {@code perSiteTable} the table of each task force's draw is left out (an edition that does
     * not name task forces: a frame size and who drew can single one out).
     */
    public static void write(Document doc, StudyResults r, String confidenceLabel, boolean perSiteTable) {
        if (r.has(DesignWeights.ID)) {
            AnalysisResult a = r.analysis(DesignWeights.ID);
            doc.subsection("Sampling");
            for (String s : sampling(a.table(DesignWeights.DRAW))) doc.paragraph(s);
            if (perSiteTable && a.table(DesignWeights.DRAW).rowCount() > 0)
                doc.table(ResultViews.of(
                        a.analysis(),
                        a.table(DesignWeights.DRAW),
                        "The recorded sample draw of each task force",
                        List.of(
                                "task_force",
                                "drawn_by",
                                "frame",
                                "sampled",
                                "replacements_drawn",
                                "replacements_used",
                                "sample_not_coded",
                                "coded",
                                "inclusion",
                                "weight"),
                        confidenceLabel));
            doc.subsection("Weighting");
            for (String s : weighting(a.table(DesignWeights.DRAW), a.table(DesignWeights.WEIGHTING), confidenceLabel))
                doc.paragraph(s);
            doc.table(ResultViews.of(
                    a.analysis(),
                    a.table(DesignWeights.WEIGHTING),
                    "Headline shares weighted and unweighted",
                    List.of(
                            "measure",
                            "events",
                            "trials",
                            "weighted",
                            "weighted_low+weighted_high",
                            "clustered",
                            "clustered_low+clustered_high",
                            "naive",
                            "wilson_low+wilson_high"),
                    confidenceLabel));
        }
        if (r.has(CodingReliability.ID)) {
            AnalysisResult a = r.analysis(CodingReliability.ID);
            ResultTable<DrawRow> draw =
                    r.has(DesignWeights.ID) ? r.analysis(DesignWeights.ID).table(DesignWeights.DRAW) : null;
            doc.subsection("Coder training and reliability");
            for (String s : reliability(a.table(CodingReliability.AGREEMENT), draw)) doc.paragraph(s);
            if (a.table(CodingReliability.AGREEMENT).rowCount() > 0)
                doc.table(ResultViews.of(
                        a.analysis(),
                        a.table(CodingReliability.AGREEMENT),
                        "Agreement of the first and the blind second coding, by variable",
                        List.of("form", "label", "pairs", "agreement", "kappa", "kappa_low+kappa_high", "note"),
                        confidenceLabel));
        }
    }

    /** The "Sampling" sentences, from the draw table. */
    public static List<String> sampling(ResultTable<DrawRow> draw) {
        List<DrawRow> sites = sites(draw);
        List<String> out = new ArrayList<>();
        if (sites.isEmpty()) {
            out.add("No sample draw is recorded in the snapshot: the case files cannot be related to the case lists"
                    + " they came from, and no sampling fractions or weights are known.");
            return out;
        }
        DrawRow all = total(draw, sites);
        DrawRow low = sites.stream()
                .min(Comparator.comparingDouble(DesignMethods::fraction))
                .orElseThrow();
        DrawRow high = sites.stream()
                .max(Comparator.comparingDouble(DesignMethods::fraction))
                .orElseThrow();
        out.add(String.format(
                Locale.ROOT,
                "%s with case files drew a simple random sample without replacement from its list of"
                        + " closed cases: %s of %s listed cases in all (%s), sampling fractions from %s at %s to %s at"
                        + " %s. %s drawn in order at the same time stood ready to replace sampled files that"
                        + " turned out unusable.",
                sites.size() == 1
                        ? "The one task force"
                        : "Each of the " + plural(sites.size(), "task force", "task forces"),
                Format.count(all.sampled()),
                Format.count(all.frame()),
                Format.percent((double) all.sampled() / all.frame()),
                Format.percent(fraction(low)),
                low.taskForce(),
                Format.percent(fraction(high)),
                high.taskForce(),
                capitalize(plural(all.replacementsDrawn(), "replacement", "replacements"))));
        out.add(String.format(
                Locale.ROOT,
                "%s not coded (unusable, or not coded yet); %s coded in their place, each counting as the"
                        + " sampled file it replaced: %s drawn entries were coded for %s sampled files.",
                capitalize(plural(all.sampleNotCoded(), "sampled file was", "sampled files were")),
                all.replacementsUsed() == 1
                        ? "1 replacement was"
                        : Format.count(all.replacementsUsed()) + " replacements were",
                Format.count(all.used()),
                Format.count(all.sampled())));
        Map<String, Long> by = new TreeMap<>();
        for (DrawRow s : sites) by.merge(s.drawnBy().isBlank() ? "not recorded" : s.drawnBy(), 1L, Long::sum);
        List<String> parts = new ArrayList<>();
        by.forEach((who, n) -> parts.add(lower(who) + " at " + plural(n, "task force", "task forces")));
        out.add("The samples were drawn by " + join(parts) + ".");
        return out;
    }

    /** The "Weighting" sentences, from the draw and weighting tables. */
    public static List<String> weighting(
            ResultTable<DrawRow> draw, ResultTable<WeightingRow> weighting, String confidenceLabel) {
        List<String> out = new ArrayList<>();
        List<DrawRow> sites = new ArrayList<>();
        for (DrawRow s : sites(draw)) if (s.weight() != null) sites.add(s);
        boolean weighted = false;
        for (int i = 0; i < weighting.rowCount(); i++)
            weighted |= weighting.row(i).weighted() != null;
        if (!weighted || sites.isEmpty()) {
            out.add("Every case weighs 1: the snapshot has no recorded draw covering every task force with cases."
                    + " Intervals still treat the task force as the cluster; the share of independent cases with its"
                    + " Wilson interval is shown beside each estimate.");
            return out;
        }
        double wMin = sites.stream().mapToDouble(DrawRow::weight).min().orElseThrow();
        double wMax = sites.stream().mapToDouble(DrawRow::weight).max().orElseThrow();
        out.add(String.format(
                Locale.ROOT,
                "The outcome funnel's stages, the disproportionality shares and ratios, the shares in the tables of"
                        + " charging, identification and survivors, and the headline shares below are estimated with"
                        + " design weights, the inverse of each task force's inclusion"
                        + " probability (listed cases / drawn entries coded; weights from %s to %s), with the task"
                        + " force as the cluster (Taylor linearization with task forces - 1 degrees of freedom, as R's"
                        + " survey package). Beside each weighted estimate the tables give the unweighted share of"
                        + " independent cases with its Wilson interval, which ignores both the clustering and the"
                        + " sampling fractions. A single task force's shares rest on one cluster and are given"
                        + " unweighted with Wilson intervals.",
                Format.number(wMin),
                Format.number(wMax)));
        weighting
                .first(w -> w.measure().equals(EXAMPLE_SHARE) && w.weighted() != null)
                .ifPresent(w -> out.add(String.format(
                        Locale.ROOT,
                        "%s: %s weighted (%s CI %s), %s unweighted with task-force clusters (%s), and %s as"
                                + " independent cases (Wilson %s).",
                        w.measure(),
                        Format.percent(w.weighted()),
                        confidenceLabel,
                        Format.percentInterval(w.weightedLow(), w.weightedHigh()),
                        Format.percent(w.clustered()),
                        Format.percentInterval(w.clusteredLow(), w.clusteredHigh()),
                        Format.percent(w.naive()),
                        Format.percentInterval(w.wilsonLow(), w.wilsonHigh()))));
        return out;
    }

    /** The "Coder training and reliability" sentences, from the agreement table (and the draw's coded cases). */
    public static List<String> reliability(ResultTable<VariableRow> agreement, ResultTable<DrawRow> draw) {
        List<String> out = new ArrayList<>();
        out.add("Coders coded the case files on the instrument's forms (Appendix A); the snapshot holds no record of"
                + " their training, so none is described here.");
        List<VariableRow> rows = new ArrayList<>();
        for (int i = 0; i < agreement.rowCount(); i++) rows.add(agreement.row(i));
        if (rows.isEmpty()) {
            out.add("No case file was coded twice: inter-coder reliability is not known.");
            return out;
        }
        long cases = rows.stream().mapToLong(VariableRow::cases).max().orElse(0);
        Long coded = null;
        if (draw != null) {
            List<DrawRow> sites = sites(draw);
            if (!sites.isEmpty()) coded = total(draw, sites).coded();
        }
        out.add(String.format(
                Locale.ROOT,
                "%s%s coded a second time by another coder, blind to the first coding; agreement is measured on"
                        + " the two independent codings, before reconciliation.",
                capitalize(plural(cases, "case file", "case files")),
                (coded == null || coded == 0
                                ? ""
                                : " (" + Format.percent((double) cases / coded) + " of the " + Format.count(coded)
                                        + " coded cases)")
                        + (cases == 1 ? " was" : " were")));
        VariableRow pLow = rows.stream()
                .min(Comparator.comparingDouble(VariableRow::agreement))
                .orElseThrow();
        VariableRow pHigh = rows.stream()
                .max(Comparator.comparingDouble(VariableRow::agreement))
                .orElseThrow();
        List<VariableRow> withKappa =
                rows.stream().filter(x -> x.kappa() != null).toList();
        StringBuilder s = new StringBuilder(String.format(
                Locale.ROOT,
                "Over %s, percent agreement ranged from %s (%s) to %s (%s)",
                plural(rows.size(), "coded variable", "coded variables"),
                Format.percent(pLow.agreement()),
                pLow.label(),
                Format.percent(pHigh.agreement()),
                pHigh.label()));
        if (!withKappa.isEmpty()) {
            VariableRow kLow = withKappa.stream()
                    .min(Comparator.comparingDouble(VariableRow::kappa))
                    .orElseThrow();
            VariableRow kHigh = withKappa.stream()
                    .max(Comparator.comparingDouble(VariableRow::kappa))
                    .orElseThrow();
            s.append(String.format(
                    Locale.ROOT,
                    ", and Cohen's kappa from %s (%s) to %s (%s)",
                    Format.number(kLow.kappa()),
                    kLow.label(),
                    Format.number(kHigh.kappa()),
                    kHigh.label()));
        }
        long undefined = rows.size() - withKappa.size();
        if (undefined > 0)
            s.append("; ")
                    .append(plural(undefined, "variable has", "variables have"))
                    .append(" no kappa (both coders used one value throughout)");
        out.add(s + ".");
        List<String> weak = new ArrayList<>();
        // compared as printed (two decimals, as Landis and Koch's bands), so a printed 0.61 is never called weaker
        for (VariableRow x : withKappa)
            if (Math.round(x.kappa() * 100) / 100.0 < SUBSTANTIAL_KAPPA - 1e-9) weak.add(x.label());
        if (weak.isEmpty()) {
            if (!withKappa.isEmpty())
                out.add(String.format(
                        Locale.ROOT,
                        "Every kappa reached %.2f, substantial agreement or better (Landis and Koch 1977).",
                        SUBSTANTIAL_KAPPA));
        } else {
            out.add(String.format(
                    Locale.ROOT,
                    "Agreement was weaker than substantial (kappa below %.2f, Landis and Koch 1977) on %s: %s;"
                            + " estimates resting on %s carry coding error beyond their sampling error.",
                    SUBSTANTIAL_KAPPA,
                    plural(weak.size(), "variable", "variables"),
                    join(weak),
                    weak.size() == 1 ? "it" : "them"));
        }
        return out;
    }

    /** The task-force rows of the draw table (without the total row). */
    static List<DrawRow> sites(ResultTable<DrawRow> draw) {
        List<DrawRow> out = new ArrayList<>();
        for (int i = 0; i < draw.rowCount(); i++)
            if (!draw.row(i).taskForce().equals(DesignWeights.ALL)) out.add(draw.row(i));
        return out;
    }

    private static DrawRow total(ResultTable<DrawRow> draw, List<DrawRow> sites) {
        return draw.first(x -> x.taskForce().equals(DesignWeights.ALL))
                .orElseGet(() -> new DrawRow(
                        DesignWeights.ALL,
                        "",
                        sites.stream().mapToLong(DrawRow::frame).sum(),
                        sites.stream().mapToLong(DrawRow::sampled).sum(),
                        sites.stream().mapToLong(DrawRow::replacementsDrawn).sum(),
                        sites.stream().mapToLong(DrawRow::replacementsUsed).sum(),
                        sites.stream().mapToLong(DrawRow::sampleNotCoded).sum(),
                        sites.stream().mapToLong(DrawRow::used).sum(),
                        sites.stream().mapToLong(DrawRow::coded).sum(),
                        null,
                        null));
    }

    /** A task force's sampling fraction n / N. */
    static double fraction(DrawRow s) {
        return (double) s.sampled() / s.frame();
    }

    /** "1 task force", "8 task forces". */
    static String plural(long n, String one, String many) {
        return Format.count(n) + " " + (n == 1 ? one : many);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String lower(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** "a", "a and b", "a, b and c". */
    static String join(List<String> parts) {
        if (parts.size() <= 1) return String.join("", parts);
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
