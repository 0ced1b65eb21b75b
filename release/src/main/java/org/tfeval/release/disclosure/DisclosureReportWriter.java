package org.tfeval.release.disclosure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link DisclosureReport} as JSON (for machines and tests) and as a self-contained HTML page
 * (the template {@code disclosure/report.jte}, which escapes every value).
 */
public final class DisclosureReportWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DisclosureReportWriter() {}

    /** The report as a JSON tree: the record's fields, with the shares of information loss added. */
    public static ObjectNode json(DisclosureReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("snapshot", report.snapshotId());
        root.put("level", report.level().name().toLowerCase(Locale.ROOT));
        root.put("policy", report.policy());
        root.set("thresholds", JSON.valueToTree(report.thresholds()));
        root.set("rules", JSON.valueToTree(report.rules()));
        root.set("quasi_identifiers", JSON.valueToTree(report.quasiIdentifiers()));
        root.set("suppression_order", JSON.valueToTree(report.suppressionOrder()));
        root.set("sensitive", JSON.valueToTree(report.sensitive()));
        root.set("risk", JSON.valueToTree(report.risk()));
        ObjectNode loss = JSON.valueToTree(report.loss());
        loss.put("suppressedQuasiShare", report.loss().suppressedQuasiShare());
        loss.put("suppressedSensitiveShare", report.loss().suppressedSensitiveShare());
        loss.put("suppressedShare", report.loss().suppressedShare());
        loss.put("removedCaseShare", report.loss().removedCaseShare());
        root.set("information_loss", loss);
        root.set("treatments", JSON.valueToTree(report.treatments()));
        root.set("notes", JSON.valueToTree(report.notes()));
        root.put("scenario", report.scenario());
        root.set("attackers", JSON.valueToTree(report.attackers()));
        if (report.generalisation() != null) {
            root.set("generalisation", JSON.valueToTree(report.generalisation()));
        }
        return root;
    }

    public static void writeJson(DisclosureReport report, Path file) throws IOException {
        Files.writeString(file, JSON.writeValueAsString(json(report)) + "\n", StandardCharsets.UTF_8);
    }

    public static void writeHtml(DisclosureReport report, Path file) throws IOException {
        Files.writeString(file, html(report), StandardCharsets.UTF_8);
    }

    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(
            null, ContentType.Html, DisclosureReportWriter.class.getClassLoader(), "org.tfeval.release");

    /** A row of a two-column table: a name and its value in words. */
    record Line(String name, String value) {}

    /**
     * What the template {@code disclosure/report.jte} prints.
     *
     * @param report   the report
     * @param overview the first table
     * @param loss     the information-loss table
     * @param sizes    the class-size buckets, in words
     */
    record Page(DisclosureReport report, List<Line> overview, List<Line> loss, List<String> sizes) {
        /** A count with thousands separators. */
        String count(long n) {
            return String.format(Locale.ROOT, "%,d", n);
        }
    }

    private static String node(Generalisation.Node n) {
        List<String> vars = new ArrayList<>();
        n.variables().forEach((v, level) -> vars.add(v + ": " + level));
        return String.format(
                Locale.ROOT,
                "levels %s; Loss %.3f, non-uniform entropy %.1f bits, discernibility %.0f, %.1f%% of cases left "
                        + "for local suppression; %s",
                n.levels(),
                n.loss(),
                n.entropy(),
                n.discernibility(),
                100 * n.outlierCaseShare(),
                String.join("; ", vars));
    }

    static String html(DisclosureReport r) {
        Thresholds t = r.thresholds();
        InformationLoss loss = r.loss();
        List<Line> overview = new ArrayList<>();
        overview.add(new Line("Snapshot", r.snapshotId()));
        overview.add(new Line("Release level", r.level().name().toLowerCase(Locale.ROOT)));
        overview.add(new Line("Policy", r.policy()));
        overview.add(new Line("Rules, in the order applied", String.join(", ", r.rules())));
        overview.add(new Line(
                "Thresholds",
                String.format(
                        Locale.ROOT,
                        "k = %d (distinct cases per class of the joined view), l = %d, bands of %d, "
                                + "at most %.1f%% of protected values suppressed, at most %.1f%% of cases left out",
                        t.k(),
                        t.l(),
                        t.bandWidth(),
                        100 * t.maxSuppressedValueShare(),
                        100 * t.maxRemovedCaseShare())));
        overview.add(new Line("Disclosure scenario", r.scenario()));
        for (org.tfeval.instrument.disclosure.Attacker a : r.attackers()) {
            String risk = r.stage(ReleaseWork.attackerStage(a.name()))
                    .map(p -> String.format(
                            Locale.ROOT,
                            "; released data on these: smallest class %d cases, max re-identification risk %.3f",
                            p.smallestClass(),
                            p.smallestClass() == 0 ? 0.0 : 1.0 / p.smallestClass()))
                    .orElse("");
            overview.add(new Line(
                    "Attacker: " + a.name(),
                    a.description() + ". Sources: " + String.join("; ", a.sources()) + ". Knows: "
                            + String.join(", ", a.knows()) + risk));
        }
        Generalisation g = r.generalisation();
        if (g != null) {
            overview.add(new Line(
                    "Generalization (lattice search)",
                    String.format(
                            Locale.ROOT,
                            "%,d nodes, %,d counted (%s); least %s; pinned: %s",
                            g.latticeSize(),
                            g.evaluated(),
                            g.exhaustive() ? "full enumeration" : "Flash with predictive tagging",
                            g.metric().words(),
                            g.pinned().isEmpty() ? "none" : g.pinned().toString())));
            overview.add(new Line("Chosen solution", node(g.chosen())));
            overview.add(new Line("Runner-up", g.runnerUp() == null ? "none" : node(g.runnerUp())));
        }
        r.stage("released")
                .ifPresent(
                        p -> overview.add(
                                new Line(
                                        "Result",
                                        r.level() == org.tfeval.instrument.ReleaseLevel.PUBLIC
                                                ? "target met: every class of the joined view holds at least k = "
                                                        + t.k() + " cases (the smallest holds " + p.smallestClass()
                                                        + ")"
                                                : "restricted-use files: no k-anonymity target; the risk below is for the data use agreement")));
        List<Line> lost = List.of(
                new Line(
                        "Quasi-identifier values suppressed",
                        String.format(
                                Locale.ROOT,
                                "%,d of %,d (%.1f%%)",
                                loss.suppressedQuasiValues(),
                                loss.quasiValues(),
                                100 * loss.suppressedQuasiShare())),
                new Line(
                        "Sensitive values suppressed (l-diversity)",
                        String.format(
                                Locale.ROOT,
                                "%,d of %,d (%.1f%%)",
                                loss.suppressedSensitiveValues(),
                                loss.sensitiveValues(),
                                100 * loss.suppressedSensitiveShare())),
                new Line(
                        "Cases left out",
                        String.format(
                                Locale.ROOT,
                                "%,d of %,d (%.1f%%)",
                                loss.removedCases(),
                                loss.cases(),
                                100 * loss.removedCaseShare())),
                new Line("Categories collapsed", String.format(Locale.ROOT, "%,d", loss.collapsedCategories())),
                new Line(
                        "Values recoded (bands, top and bottom codes, collapsed categories)",
                        String.format(Locale.ROOT, "%,d", loss.recodedValues())));
        List<String> sizes = new ArrayList<>();
        if (!r.risk().isEmpty()) {
            for (RiskProfile.SizeBucket bucket : r.risk().get(0).sizes()) {
                sizes.add(
                        bucket.from() == bucket.to()
                                ? Long.toString(bucket.from())
                                : bucket.to() == Long.MAX_VALUE
                                        ? bucket.from() + " or more"
                                        : bucket.from() + "-" + bucket.to());
            }
        }
        StringOutput out = new StringOutput();
        TEMPLATES.render("disclosure/report.jte", new Page(r, overview, lost, sizes), out);
        return out.toString();
    }
}
