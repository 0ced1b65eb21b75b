package org.tfeval.release.disclosure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Writes a {@link DisclosureReport} as JSON (for machines and tests) and as a self-contained HTML page. */
public final class DisclosureReportWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DisclosureReportWriter() {
    }

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
        return root;
    }

    public static void writeJson(DisclosureReport report, Path file) throws IOException {
        Files.writeString(file, JSON.writeValueAsString(json(report)) + "\n", StandardCharsets.UTF_8);
    }

    public static void writeHtml(DisclosureReport report, Path file) throws IOException {
        Files.writeString(file, html(report), StandardCharsets.UTF_8);
    }

    static String html(DisclosureReport r) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Disclosure report</title>\n");
        b.append("<style>body{font-family:system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#222}")
                .append("table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{border:1px solid #bbb;padding:.2rem .5rem;text-align:left;")
                .append("vertical-align:top}td.n{text-align:right;font-variant-numeric:tabular-nums}</style>\n</head>\n<body>\n");
        b.append("<h1>Disclosure report</h1>\n");
        Thresholds t = r.thresholds();
        InformationLoss loss = r.loss();
        b.append("<table>\n");
        row(b, "Snapshot", esc(r.snapshotId()));
        row(b, "Release level", esc(r.level().name().toLowerCase(Locale.ROOT)));
        row(b, "Policy", esc(r.policy()));
        row(b, "Rules, in the order applied", esc(String.join(", ", r.rules())));
        row(b, "Thresholds", esc(String.format(Locale.ROOT, "k = %d (distinct cases per class of the joined view), l = %d, bands of %d, "
                + "at most %.1f%% of protected values suppressed, at most %.1f%% of cases left out", t.k(), t.l(), t.bandWidth(),
                100 * t.maxSuppressedValueShare(), 100 * t.maxRemovedCaseShare())));
        r.stage("released").ifPresent(p -> row(b, "Result", esc(r.level() == org.tfeval.instrument.ReleaseLevel.PUBLIC
                ? "target met: every class of the joined view holds at least k = " + t.k() + " cases (the smallest holds " + p.smallestClass() + ")"
                : "restricted-use files: no k-anonymity target; the risk below is for the data use agreement")));
        b.append("</table>\n");

        b.append("<h2>Quasi-identifiers and sensitive variables</h2>\n<p>Quasi-identifiers of the joined view: ")
                .append(esc(String.join(", ", r.quasiIdentifiers()))).append(".</p>\n");
        if (!r.suppressionOrder().isEmpty()) {
            b.append("<p>Local suppression sets to -6, in each row of a class of fewer than k cases, the value that the fewest cases "
                    + "share, one value per row and round until every class holds k cases; ties go in this priority order (the deepest "
                    + "records first, then the variables with the most distinct values): ").append(esc(String.join(", ", r.suppressionOrder())))
                    .append(". Rows left in too small a class with every value suppressed are left out with their case.</p>\n");
        }
        b.append("<p>Sensitive variables (l-diversity): ").append(esc(r.sensitive().isEmpty() ? "none" : String.join(", ", r.sensitive())))
                .append(".</p>\n");

        b.append("<h2>Risk before and after</h2>\n<table>\n<tr><th>Stage</th><th>Rows</th><th>Cases</th><th>Classes</th><th>Smallest class</th>")
                .append("<th>Cases at risk (class &lt; k)</th><th>Rows at risk</th><th>Sample uniques (classes of one case)</th></tr>\n");
        for (RiskProfile p : r.risk()) {
            b.append("<tr><td>").append(esc(p.stage())).append("</td>");
            for (long n : new long[] {p.rows(), p.cases(), p.classes(), p.smallestClass(), p.casesAtRisk(), p.rowsAtRisk(), p.sampleUniques()}) {
                b.append("<td class=\"n\">").append(String.format(Locale.ROOT, "%,d", n)).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</table>\n<h3>Class sizes (distinct cases per class): number of classes</h3>\n<table>\n<tr><th>Size</th>");
        r.risk().forEach(p -> b.append("<th>").append(esc(p.stage())).append("</th>"));
        b.append("</tr>\n");
        if (!r.risk().isEmpty()) {
            List<RiskProfile.SizeBucket> first = r.risk().get(0).sizes();
            for (int i = 0; i < first.size(); i++) {
                RiskProfile.SizeBucket bucket = first.get(i);
                String size = bucket.from() == bucket.to() ? Long.toString(bucket.from())
                        : bucket.to() == Long.MAX_VALUE ? bucket.from() + " or more" : bucket.from() + "-" + bucket.to();
                b.append("<tr><td>").append(size).append("</td>");
                for (RiskProfile p : r.risk()) {
                    b.append("<td class=\"n\">").append(String.format(Locale.ROOT, "%,d", p.sizes().get(i).classes())).append("</td>");
                }
                b.append("</tr>\n");
            }
        }
        b.append("</table>\n<p>Quasi-identifiers per stage:</p>\n<ul>\n");
        r.risk().forEach(p -> b.append("<li>").append(esc(p.stage())).append(": ").append(esc(String.join(", ", p.quasiIdentifiers())))
                .append("</li>\n"));
        b.append("</ul>\n");

        b.append("<h2>Information loss</h2>\n<table>\n");
        row(b, "Quasi-identifier values suppressed", String.format(Locale.ROOT, "%,d of %,d (%.1f%%)", loss.suppressedQuasiValues(),
                loss.quasiValues(), 100 * loss.suppressedQuasiShare()));
        row(b, "Sensitive values suppressed (l-diversity)", String.format(Locale.ROOT, "%,d of %,d (%.1f%%)", loss.suppressedSensitiveValues(),
                loss.sensitiveValues(), 100 * loss.suppressedSensitiveShare()));
        row(b, "Cases left out", String.format(Locale.ROOT, "%,d of %,d (%.1f%%)", loss.removedCases(), loss.cases(), 100 * loss.removedCaseShare()));
        row(b, "Categories collapsed", String.format(Locale.ROOT, "%,d", loss.collapsedCategories()));
        row(b, "Values recoded (bands, top and bottom codes, collapsed categories)", String.format(Locale.ROOT, "%,d", loss.recodedValues()));
        b.append("</table>\n");

        b.append("<h2>Treatments</h2>\n<table>\n<tr><th>Dataset</th><th>Variable</th><th>Rule</th><th>What was done</th><th>Values</th></tr>\n");
        for (Treatment tr : r.treatments()) {
            b.append("<tr><td>").append(esc(tr.form())).append("</td><td>").append(esc(tr.variable())).append("</td><td>").append(esc(tr.rule()))
                    .append("</td><td>").append(esc(tr.description())).append("</td><td class=\"n\">")
                    .append(String.format(Locale.ROOT, "%,d", tr.values())).append("</td></tr>\n");
        }
        b.append("</table>\n");
        if (!r.notes().isEmpty()) {
            b.append("<h2>Notes</h2>\n<ul>\n");
            r.notes().forEach(n -> b.append("<li>").append(esc(n)).append("</li>\n"));
            b.append("</ul>\n");
        }
        return b.append("</body>\n</html>\n").toString();
    }

    private static void row(StringBuilder b, String name, String valueHtml) {
        b.append("<tr><th>").append(esc(name)).append("</th><td>").append(valueHtml).append("</td></tr>\n");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
