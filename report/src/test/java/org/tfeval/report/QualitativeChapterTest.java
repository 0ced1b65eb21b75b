package org.tfeval.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tfeval.report.document.Cell;
import org.tfeval.report.document.Document;
import org.tfeval.report.document.TableView;
import org.tfeval.report.qualitative.QualitativeChapter;
import org.tfeval.snapshot.qual.QualitativeFindings;
import org.tfeval.snapshot.qual.QualitativeFindings.Interviewed;
import org.tfeval.snapshot.qual.QualitativeFindings.Quote;
import org.tfeval.snapshot.qual.QualitativeFindings.ThemeCount;
import org.tfeval.stats.disclosure.ComplementarySuppression;

/** The qualitative chapter: every sentence read back from its table, small counts withheld, quotes as frozen. */
class QualitativeChapterTest {
    static final ComplementarySuppression RULE = ComplementarySuppression.standard();
    static final String JUSTICE = "Investigation and prosecution";
    static final String SERVICES = "Victim services";
    static Rendered r;

    static final QualitativeFindings FINDINGS = new QualitativeFindings(
            List.of(
                    new ThemeCount("CHARGING_OTHER_STATUTES", JUSTICE, "Prosecutor", "TF01", 20, 12),
                    new ThemeCount("CHARGING_OTHER_STATUTES", JUSTICE, "Prosecutor", "TF02", 6, 4),
                    new ThemeCount("CHARGING_OTHER_STATUTES", JUSTICE, "Law enforcement", "TF01", 3, 3),
                    new ThemeCount("TRUST", JUSTICE, "Law enforcement", "TF01", 30, 25),
                    new ThemeCount("TRUST", JUSTICE, "Law enforcement", "TF02", 20, 15),
                    new ThemeCount("TRUST", JUSTICE, "Prosecutor", "TF01", 2, 2),
                    new ThemeCount("HOUSING", SERVICES, "Victim service provider", "TF01", 40, 30),
                    new ThemeCount("HOUSING", SERVICES, "Victim service provider", "TF02", 9, 5)),
            List.of(
                    new Interviewed("Law enforcement", "TF01", 30),
                    new Interviewed("Law enforcement", "TF02", 30),
                    new Interviewed("Prosecutor", "TF01", 15),
                    new Interviewed("Prosecutor", "TF02", 8),
                    new Interviewed("Victim service provider", "TF01", 35),
                    new Interviewed("Victim service provider", "TF02", 20)),
            List.of(
                    new Quote(
                            "CHARGING_OTHER_STATUTES",
                            "Prosecutor",
                            "TF01",
                            "We charge [STATUTE] because it is" + " easier to prove."),
                    new Quote("HOUSING", "Victim service provider", "TF02", "There is never a bed at night.")),
            new QualitativeFindings.Reliability(
                    1,
                    2,
                    20,
                    List.of(
                            new QualitativeFindings.CodeReliability("HOUSING", 97.5, 0.91, 0.85, 0.95, 0.88, 0.8, 0.94),
                            new QualitativeFindings.CodeReliability("TRUST", 95.0, 0.72, 0.6, 0.8, 0.7, 0.55, 0.8))));

    @BeforeAll
    static void render() {
        r = Rendered.standard();
    }

    private static TableView table(QualitativeChapter.Written w, String caption) {
        return w.tables().stream()
                .filter(t -> t.caption().equals(caption))
                .findFirst()
                .orElseThrow();
    }

    private static int column(TableView t, String headerStart) {
        for (int c = 0; c < t.headers().size(); c++) if (t.headers().get(c).startsWith(headerStart)) return c;
        throw new AssertionError("no column " + headerStart + " in " + t.caption());
    }

    private static List<Cell> row(TableView t, String label) {
        return t.rows().stream()
                .filter(x -> x.get(0).text().equals(label))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void every_sentence_of_the_technical_chapter_states_what_its_table_prints() {
        Document doc = Document.create("t", "f");
        QualitativeChapter.Written w = QualitativeChapter.write(doc, FINDINGS, r.results, RULE);
        int checked = 0;
        Pattern group = Pattern.compile("([A-Z][a-z ]+): ([A-Z_]+) \\((\\d+) of (\\d+) interviewees\\)");
        for (QualitativeChapter.Sentence s : w.sentences()) {
            if (s.table() == null) continue;
            TableView t = table(w, s.table());
            if (s.table().startsWith("Inter-coder")) {
                List<String> kappas =
                        t.rows().stream().map(x -> x.get(2).text()).sorted().toList();
                assertThat(s.text()).contains("ranged from " + kappas.get(0) + " to " + kappas.get(kappas.size() - 1));
                long reaching = t.rows().stream()
                        .filter(x -> Double.parseDouble(x.get(4).text()) >= 0.80)
                        .count();
                assertThat(s.text()).contains(reaching + " of " + t.rows().size() + " codes reached");
                checked++;
            } else if (s.table().startsWith("Joint display")) {
                List<Cell> row = t.rows().get(0);
                assertThat(s.text())
                        .contains(row.get(1).text())
                        .contains(row.get(3).text().replace(" Prosecutors", ""));
                // the figure is the case-file analysis' own value
                assertThat(row.get(1).text()).isEqualTo(r.expected(row.get(1).trace()));
                assertThat(row.get(3).text()).isEqualTo("16 of 23 Prosecutors");
                checked++;
            } else {
                Matcher m = group.matcher(s.text());
                int found = 0;
                while (m.find()) {
                    int c = column(t, m.group(1));
                    assertThat(row(t, m.group(2)).get(c).text()).isEqualTo(m.group(3));
                    assertThat(t.headers().get(c)).contains("(n = " + m.group(4) + ")");
                    found++;
                }
                assertThat(found).isPositive();
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(4);
        // TRUST among prosecutors (2) and charging among law enforcement (3) are small: withheld, never stated
        TableView justice = table(w, JUSTICE + ": interviewees raising each theme, by stakeholder group");
        assertThat(row(justice, "TRUST").get(column(justice, "Prosecutor")).suppressed())
                .isTrue();
        assertThat(row(justice, "CHARGING_OTHER_STATUTES")
                        .get(column(justice, "Law enforcement"))
                        .suppressed())
                .isTrue();
        for (QualitativeChapter.Sentence s : w.sentences()) assertThat(s.text()).doesNotContain("(2 of", "(3 of");
        assertThat(new java.util.HashSet<>(w.quotes()))
                .isEqualTo(new java.util.HashSet<>(
                        FINDINGS.quotes().stream().map(Quote::text).toList()));
        assertThat(doc.toXhtml()).doesNotContain("TF01", "TF02");
    }

    @Test
    void a_task_force_sees_its_own_themes_and_quotes_and_the_others_only_anonymised_with_small_counts_withheld() {
        Document doc = Document.create("t", "f");
        QualitativeChapter.Written w = QualitativeChapter.writeForSite(doc, FINDINGS, "TF02", RULE);
        String xhtml = doc.toXhtml();
        assertThat(xhtml).doesNotContain("TF01").contains("Task force A");
        assertThat(w.quotes()).containsExactly("There is never a bed at night.");
        List<String> printed = new ArrayList<>();
        for (TableView t : w.tables()) {
            for (List<Cell> row : t.rows()) {
                for (Cell c : row.subList(1, row.size())) {
                    if (c.text().matches("\\d+")) printed.add(c.text());
                }
            }
        }
        assertThat(printed).isNotEmpty();
        for (String n : printed) {
            long v = Long.parseLong(n);
            assertThat(v == 0 || v >= RULE.threshold()).as("printed count " + v).isTrue();
        }
        // own site: HOUSING among its 20 VSPs is 5: withheld
        TableView services = table(w, SERVICES + ": interviewees raising each theme, by stakeholder group");
        assertThat(row(services, "HOUSING")
                        .get(column(services, "Victim service provider"))
                        .suppressed())
                .isTrue();
    }
}
