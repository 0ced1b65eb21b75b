package org.tfeval.report.brief;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tfeval.analysis.StudyResults;
import org.tfeval.analysis.disparity.Disproportionality;
import org.tfeval.analysis.funnel.OutcomeFunnel;
import org.tfeval.analysis.survivors.Survivors;
import org.tfeval.report.document.Cells;
import org.tfeval.report.document.Document;
import org.tfeval.report.document.Format;
import org.tfeval.report.findings.Findings;
import org.tfeval.report.findings.Limitations;
import org.tfeval.report.findings.Recommendations;
import org.tfeval.report.findings.ResultLookup;
import org.tfeval.report.findings.Statement;
import org.tfeval.report.technical.TechnicalReport;

/**
 * Two pages for practitioners: what was studied, six key figures, what was found (page one), and the
 * recommendations the data support with what to keep in mind (page two). Generated from the results;
 * a figure or recommendation whose result is missing is left out.
 */
public final class PractitionerBrief {
    /** The brief's title. */
    public static final String TITLE = "Task forces against human trafficking: what the case files show";
    /** At most this many findings on page one, so the brief keeps to two pages. */
    public static final int MAX_FINDINGS = 6;
    /** At most this many recommendations. */
    public static final int MAX_RECOMMENDATIONS = 7;
    /** At most this many cautions. */
    public static final int MAX_CAUTIONS = 4;

    private final StudyResults results;
    private final ResultLookup lookup;
    // paper: the report set's paper size (techreport)
    private org.tfeval.report.document.Paper paper = org.tfeval.report.document.Paper.DEFAULT;

    public PractitionerBrief(StudyResults results) {
        this.results = Objects.requireNonNull(results, "results");
        this.lookup = new ResultLookup(results);
    }

    /** Lays the PDF out on {@code p} (default US Letter). */
    public PractitionerBrief withPaper(org.tfeval.report.document.Paper p) {
        this.paper = java.util.Objects.requireNonNull(p, "paper");
        return this;
    }

    /** The key figures: printed value, words, trace. */
    public List<String[]> keyFigures() {
        List<String[]> out = new ArrayList<>();
        lookup.table(OutcomeFunnel.ID, OutcomeFunnel.CASE_BY_TYPE).ifPresent(t -> {
            for (String[] stage : new String[][] {
                {OutcomeFunnel.ARREST, "of sex-trafficking investigations led to an arrest"},
                {OutcomeFunnel.PROSECUTION, "led to a prosecution"}
            }) {
                t.first(r -> r.group().equals("Sex trafficking") && r.stage().equals(stage[0]))
                        .filter(r -> r.share().pct() != null)
                        .ifPresent(r -> out.add(new String[] {
                            Format.percent(r.share().pct()), stage[1], Cells.trace(OutcomeFunnel.ID, t, r, "pct")
                        }));
            }
        });
        lookup.table(OutcomeFunnel.ID, OutcomeFunnel.TRAFFICKING_CHARGE_TABLE).ifPresent(t -> {
            t.first(r -> r.level().equals("Cases") && r.denominator().equals(OutcomeFunnel.OF_ALL_SEX))
                    .filter(r -> r.share().pct() != null)
                    .ifPresent(r -> out.add(new String[] {
                        Format.percent(r.share().pct()),
                        "led to a trafficking charge (of all " + "sex-trafficking investigations)",
                        Cells.trace(OutcomeFunnel.ID, t, r, "pct")
                    }));
            t.first(r -> r.level().equals("Cases") && r.denominator().equals(OutcomeFunnel.OF_PROSECUTED_SEX))
                    .filter(r -> r.share().pct() != null)
                    .ifPresent(r -> out.add(new String[] {
                        Format.percent(r.share().pct()),
                        "of prosecuted sex-trafficking cases " + "carried a trafficking charge",
                        Cells.trace(OutcomeFunnel.ID, t, r, "pct")
                    }));
        });
        lookup.table(Survivors.ID, Survivors.TREATMENT_TABLE)
                .ifPresent(t -> t.first(
                                r -> r.group().equals("All") && r.measure().equals("Referred to services"))
                        .filter(r -> r.share().pct() != null)
                        .ifPresent(r -> out.add(new String[] {
                            Format.percent(r.share().pct()),
                            "of survivors were referred to services",
                            Cells.trace(Survivors.ID, t, r, "pct")
                        })));
        lookup.table(Disproportionality.ID, Disproportionality.SUSPECTS).ifPresent(t -> {
            Disproportionality.RaceRow best = null;
            for (Disproportionality.RaceRow r : t.rows()) {
                if (r.ratio() != null
                        && r.n() >= Findings.MIN_GROUP_FOR_TEXT
                        && (best == null || r.ratio() > best.ratio())) best = r;
            }
            if (best != null)
                out.add(new String[] {
                    Format.number(best.ratio()) + "\u00D7",
                    best.race() + " suspects against their share of the population",
                    Cells.trace(Disproportionality.ID, t, best, "ratio")
                });
        });
        return out;
    }

    /** The brief as XHTML. */
    public String toXhtml() {
        var s = results.snapshot();
        Document doc = Document.compact(TITLE, TechnicalReport.footer(results)).paper(paper);
        doc.header(
                TITLE,
                "Practitioner brief \u00B7 " + (s.synthetic() ? "synthetic demonstration data \u00B7 " : "")
                        + "snapshot " + s.shortId(),
                s.synthetic());
        doc.paragraph(Findings.summary(lookup).stream()
                        .findFirst()
                        .map(Statement::text)
                        .orElse("")
                + " The evaluation read closed case files of investigations into possible human trafficking and followed each case from "
                + "investigation to sentence.");
        doc.subsection("Key figures");
        doc.keyFigures(keyFigures());
        doc.subsection("What we found");
        List<String> found = new ArrayList<>();
        Findings.summary(lookup).stream().skip(1).limit(MAX_FINDINGS).forEach(st -> found.add(st.text()));
        doc.bullets(found);
        doc.pageBreak();
        doc.subsection("What the data support");
        doc.bullets(Recommendations.from(lookup).stream()
                .limit(MAX_RECOMMENDATIONS)
                .map(Statement::text)
                .toList());
        doc.subsection("Keep in mind");
        doc.bullets(Limitations.from(lookup).stream()
                .limit(MAX_CAUTIONS)
                .map(Statement::text)
                .toList());
        doc.paragraph("Every figure comes from the study's result tables (snapshot " + s.id()
                + "), published with the technical report.");
        return doc.toXhtml();
    }
}
