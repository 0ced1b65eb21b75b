package org.tfeval.release.archive;

import java.util.List;
import java.util.Locale;
import org.tfeval.instrument.MissingCode;
import org.tfeval.instrument.ReleaseLevel;
import org.tfeval.instrument.StudyDescription;

/**
 * The package's user guide (plain text): what the study is, how the files are organised and how to
 * open them in each statistical package, how the datasets link, how missing values are coded (with
 * the SPSS date companions and the SAS transport short names), weights, disclosure control and
 * processing, what is withheld, and how to cite the data.
 */
final class UserGuide {
    /** Width the text is wrapped to. */
    private static final int WIDTH = 100;

    private UserGuide() {}

    static String text(StudyDocumentation doc, List<Material> materials) {
        StudyDescription s = doc.study();
        StringBuilder b = new StringBuilder();
        String title = "User guide: " + doc.title();
        b.append(title).append('\n').append("=".repeat(title.length())).append("\n\n");
        if (doc.synthetic()) {
            b.append("SYNTHETIC DATA: generated for demonstration and testing; no real person or case.\n\n");
        }
        section(b, "1. The study");
        if (!s.abstractText().isEmpty()) {
            b.append(wrap(s.abstractText(), "")).append('\n');
        }
        line(b, "Universe", s.universe());
        line(b, "Units of analysis", s.analysisUnit());
        line(b, "Time period", period(s.timePeriod()));
        line(b, "Geography", s.geography());
        line(b, "Kind of data", s.dataKind());
        b.append('\n');

        section(b, "2. Sample design and weights");
        line(b, "Frames", s.sampleDesign().frames());
        line(b, "Draws", s.sampleDesign().draws());
        line(b, "Target sizes", s.sampleDesign().targetSizes());
        line(b, "Weights", s.weights().isEmpty() ? "No weights." : s.weights());
        line(b, "Coder reliability", s.coderReliability().isEmpty() ? "Not assessed." : s.coderReliability());
        b.append('\n');

        section(b, "3. The files and how they link");
        for (ReleasedFile f : doc.files()) {
            b.append(wrap(
                    String.format(
                            Locale.ROOT,
                            "%s/ (%,d rows, %d variables): %s",
                            f.form(),
                            f.rows(),
                            f.variables(),
                            doc.linkage(f.form())),
                    "  "));
        }
        b.append('\n')
                .append(wrap(
                        "Each folder holds the same rows as CSV (UTF-8), Stata (.dta), SPSS (.sav), SAS transport (.xpt)"
                                + " and Parquet; setup programs that read the CSV (.sps, .sas, .do, .R); and codebooks"
                                + " (.html, .pdf as PDF/A, .xml as DDI Codebook 2.5) with each variable's question,"
                                + " universe, derivation, codes and frequencies.",
                        ""))
                .append('\n')
                .append(wrap(
                        "To link the datasets, merge on the key named above, for example in R: "
                                + "merge(victim, case, by = \"CASE_ID\"); in Stata: merge m:1 CASE_ID using case;"
                                + " in SPSS: MATCH FILES /FILE=* /TABLE='case.sav' /BY CASE_ID.",
                        ""))
                .append('\n');

        section(b, "4. Missing values");
        b.append(wrap(
                        "Reserved codes: "
                                + String.join(
                                        "; ",
                                        doc.instrument().missingCodes().stream()
                                                .map(m -> m.code() + " "
                                                        + doc.instrument().missingLabel(m))
                                                .toList())
                                + ". They are user-missing in SPSS, extended missing in Stata (.a-.d) and special"
                                + " missing in SAS (.A-.D); in CSV and Parquet they are numbers. Invalid values found"
                                + " by the processing checks were set to "
                                + MissingCode.UNKNOWN.code()
                                + " before release (processing_log.txt).",
                        ""))
                .append('\n')
                .append(wrap(
                        "SPSS (.sav): a date variable holds valid dates only, so that every reader keeps it a date;"
                                + " the reserved code of a missing date is in the companion variable NAME_MC right"
                                + " after it (declared user-missing and labelled).",
                        ""))
                .append('\n')
                .append(wrap(
                        "SAS transport (.xpt): names have at most 8 characters; <dataset>_xpt_names.csv in each"
                                + " folder and the SAS program (.sas) list every name with its long form and give the"
                                + " code that renames them. Strings longer than 200 bytes are cut in the .xpt only.",
                        ""))
                .append('\n');

        section(b, "5. Confidentiality and processing");
        b.append(wrap(
                        doc.level() == ReleaseLevel.PUBLIC
                                ? "These are public-use files. Values that could identify a person or case together"
                                        + " with outside sources were generalised or suppressed; codebooks hide small counts"
                                        + " and print no statistic that would reveal them, and no extreme value."
                                : "These are restricted-use files, for use under a data use agreement only. Codebooks"
                                        + " print no exact first or last date and no extreme value, so they may be published.",
                        ""))
                .append('\n');
        if (!doc.disclosureControl().isEmpty()) {
            b.append(wrap(doc.disclosureControl(), "")).append('\n');
        }
        if (!doc.processing().isEmpty()) {
            b.append(wrap(doc.processing(), "")).append('\n');
        }
        b.append("Not in this package:\n");
        for (StudyDescription.Withheld w : doc.withheld()) {
            b.append(wrap("- " + w.what() + (w.why().isEmpty() ? "" : ". " + w.why()), "  "));
        }
        b.append('\n');

        section(b, "6. Terms of use and citation");
        if (!s.termsOfUse().isEmpty()) {
            b.append(wrap(s.termsOfUse(), "")).append('\n');
        }
        b.append(wrap("Cite as: " + doc.citation(), "")).append('\n');
        if (!s.citationRequirement().isEmpty()) {
            b.append(wrap(s.citationRequirement(), "")).append('\n');
        }
        line(
                b,
                "Funding",
                String.join(
                        "; ",
                        s.funding().stream()
                                .map(f -> f.funder() + (f.award().isEmpty() ? "" : ", award " + f.award()))
                                .toList()));
        line(b, "Version", s.version());
        for (StudyDescription.Version v : s.versionHistory()) {
            b.append(wrap(
                    "  " + v.version() + (v.date().isEmpty() ? "" : " (" + v.date() + ")") + ": " + v.note(), "    "));
        }
        b.append('\n');

        section(b, "7. Documents in this package");
        for (Material m : materials) {
            b.append(wrap(m.path() + ": " + m.description(), "  "));
        }
        return b.toString();
    }

    private static String period(StudyDescription.Period p) {
        if (p.isEmpty()) {
            return "";
        }
        return (p.start().isEmpty() ? "?" : p.start()) + " to " + (p.end().isEmpty() ? "?" : p.end());
    }

    private static void section(StringBuilder b, String heading) {
        b.append(heading).append('\n').append("-".repeat(heading.length())).append('\n');
    }

    private static void line(StringBuilder b, String name, String text) {
        if (!text.isEmpty()) {
            b.append(wrap(name + ": " + text, "  "));
        }
    }

    /** The text wrapped at {@value #WIDTH} characters; continuation lines start with {@code indent}. */
    static String wrap(String text, String indent) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > WIDTH) {
                out.append(line).append('\n');
                line.setLength(0);
                line.append(indent);
            }
            if (line.length() > 0 && !line.toString().equals(indent)) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            out.append(line).append('\n');
        }
        return out.toString();
    }
}
