package org.tfeval.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tfeval.analysis.AnalysisSettings;
import org.tfeval.analysis.AnalysisSuite;
import org.tfeval.analysis.StudyResults;
import org.tfeval.analysis.SyntheticSnapshots;
import org.tfeval.report.findings.ExecutiveSummary;
import org.tfeval.report.findings.Findings;
import org.tfeval.report.findings.Limitations;
import org.tfeval.report.findings.Recommendations;
import org.tfeval.report.findings.ResultLookup;
import org.tfeval.report.findings.Statement;
import org.tfeval.report.technical.TechnicalReport;
import org.tfeval.snapshot.Snapshot;

/**
 * Generated text on a small study (15 cases, 3 task forces), where counts of one are common, and on the
 * default study: every counted noun agrees with its number, and the technical report is still written
 * with its full structure.
 */
class SmallStudyTest {
    /** Nouns the generators count. */
    static final String NOUNS = "case files?|cases?|survivors?|suspects?|task forces?|files?|coefficients?|features?"
            + "|recommendations?|sex-trafficking investigations?|validation errors?|sites?";

    /** A count of exactly one with a plural noun, or of another number with a singular one. */
    static final Pattern ONE_WITH_PLURAL = Pattern.compile("(?<![\\d.,])1 (" + NOUNS + ")\\b");

    static final Pattern MANY_WITH_SINGULAR = Pattern.compile("(?<![\\d.,])(0|[2-9]|\\d{2,}|\\d{1,3}(,\\d{3})+) ("
            + "case file|case(?! files?\\b)|survivor|suspect|task force|file|coefficient|feature|recommendation|site"
            + "|sex-trafficking investigation|validation error)\\b(?![-'])");

    static StudyResults small;
    static Snapshot snapshot;

    @BeforeAll
    static void analyse() {
        snapshot = SyntheticSnapshots.of(15, 3, 7, false);
        small = AnalysisSuite.standard()
                .withSettings(AnalysisSettings.defaults())
                .withVersion("test")
                .run(snapshot);
    }

    static List<String> sentences(StudyResults results) {
        ResultLookup lookup = new ResultLookup(results);
        List<String> out = new ArrayList<>();
        List<Statement> all = new ArrayList<>(Findings.summary(lookup));
        all.addAll(Limitations.from(lookup));
        all.addAll(Recommendations.from(lookup));
        all.addAll(ExecutiveSummary.from(lookup, 1));
        all.forEach(s -> out.add(s.text()));
        return out;
    }

    static void agree(List<String> sentences) {
        for (String s : sentences) {
            Matcher one = ONE_WITH_PLURAL.matcher(s);
            while (one.find()) {
                // "1 cases" is wrong; "1 task forces" too; but "1 case" and "1 task force" are right
                String noun = one.group(1);
                assertThat(noun.endsWith("s") && !noun.endsWith("ss")).as(s).isFalse();
            }
            Matcher many = MANY_WITH_SINGULAR.matcher(s);
            assertThat(many.find()).as(s).isFalse();
        }
    }

    @Test
    void counted_nouns_agree_with_their_number_in_a_small_study_and_the_default_one() {
        List<String> smallText = sentences(small);
        assertThat(smallText).isNotEmpty();
        agree(smallText);
        agree(sentences(Rendered.standard().results));
        assertThat(ExecutiveSummary.from(new ResultLookup(small), 1)
                        .get(ExecutiveSummary.from(new ResultLookup(small), 1).size() - 1)
                        .text())
                .contains("1 recommendation,");
    }

    @Test
    void the_technical_report_of_a_small_study_keeps_its_structure() {
        String xhtml = new TechnicalReport(small, snapshot.instrument(), Map.of()).toXhtml();
        var doc = Rendered.xml(write(xhtml));
        List<String> headings = Rendered.elements(doc, "h2").stream()
                .filter(h -> h.hasAttribute("id"))
                .map(h -> h.getTextContent().substring(h.getTextContent().indexOf(". ") + 2))
                .toList();
        assertThat(headings)
                .containsSubsequence(
                        "Executive summary",
                        "Research questions",
                        "Methods",
                        "Site profiles",
                        "Findings on research question 1",
                        "Recommendations",
                        "Limitations",
                        "References");
        long profiles = Rendered.elements(doc, "h3").stream()
                .filter(h -> h.getTextContent().startsWith("Task force "))
                .count();
        assertThat(profiles).isEqualTo(3);
    }

    static java.nio.file.Path write(String xhtml) {
        try {
            java.nio.file.Path f =
                    java.nio.file.Files.createTempFile(java.nio.file.Path.of("/tmp"), "tfeval-small-", ".html");
            java.nio.file.Files.writeString(f, xhtml);
            f.toFile().deleteOnExit();
            return f;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
