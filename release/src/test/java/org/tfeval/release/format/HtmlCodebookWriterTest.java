package org.tfeval.release.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.instrument.MissingCode;

class HtmlCodebookWriterTest {
    private static final int ROWS = 300;
    private static final int THRESHOLD = 40;
    private static final WriteOptions OPTIONS =
            WriteOptions.defaults().withTimestamp(LocalDateTime.of(2024, 5, 6, 7, 8));
    private static final Pattern CODE_ROW = Pattern.compile(
            "<tr( class=\"missing\")?><td class=\"n\">(-?\\d+)</td><td>([^<]*)</td><td class=\"n\">([^<]*)</td>");

    @TempDir
    Path dir;

    private String write(WriteOptions options) throws Exception {
        Path file = dir.resolve("victims.html");
        WrittenFile written = FileFormat.HTML_CODEBOOK
                .writer(options)
                .write(TestDatasets.victims(), TestDatasets.victimRows(ROWS), file);
        assertThat(written.rowCount()).isEqualTo(ROWS);
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** The code table of one variable's section. */
    private static String section(String html, String variable) {
        int start = html.indexOf("<section id=\"var-" + variable + "\">");
        assertThat(start).as("section of " + variable).isNotNegative();
        return html.substring(start, html.indexOf("</section>", start));
    }

    private static long count(long code) {
        return TestDatasets.normalisedVictims(ROWS).stream()
                .filter(r -> r[1] instanceof MissingCode m
                        ? m.code() == code
                        : Long.valueOf(code).equals(r[1]))
                .count();
    }

    @Test
    void lists_every_variable_with_labels_question_codes_and_frequencies() throws Exception {
        String html = write(OPTIONS);
        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains("<meta charset=\"utf-8\">")
                .contains("<p>" + ROWS + " rows, 12 variables.")
                .contains("Summary text \"quoted\" &amp; &lt;escaped&gt;")
                .doesNotContain("<escaped>");
        TestDatasets.victims()
                .variables()
                .forEach(v -> assertThat(html).contains("<a href=\"#var-" + v.name() + "\">"));
        String ht = section(html, "HT_TYPE");
        assertThat(ht).contains("What type of trafficking does the case file describe?");
        Matcher m = CODE_ROW.matcher(ht);
        int rows = 0;
        while (m.find()) {
            rows++;
            long code = Long.parseLong(m.group(2));
            assertThat(m.group(4)).as("frequency of " + code).isEqualTo(Long.toString(count(code)));
            assertThat(m.group(1) != null).as("missing style of " + code).isEqualTo(code < 0);
        }
        assertThat(rows).isEqualTo(8);
        assertThat(section(html, "V_GENDER")).contains("<td>Female ♀</td>").contains("<td>Not asked (skip)</td>");
        assertThat(section(html, "INCIDENT_DATE"))
                .contains("<tr><th>5th earliest (month)</th><td class=\"n\">1899-12</td></tr>")
                .doesNotContain("1899-12-31")
                .doesNotContain("Earliest");
        assertThat(section(html, "EMPTY_NUM"))
                .contains("<tr><th>Valid</th><td class=\"n\">0</td></tr>")
                .contains("<tr><th>System missing</th><td class=\"n\">" + ROWS + "</td></tr>");
    }

    @Test
    void shows_small_frequencies_as_below_the_threshold() throws Exception {
        String html = write(OPTIONS.withSuppressBelow(THRESHOLD));
        assertThat(html).contains("Frequencies from 1 to " + (THRESHOLD - 1) + " are shown as &lt;" + THRESHOLD + ";");
        Matcher m = CODE_ROW.matcher(section(html, "HT_TYPE"));
        int hidden = 0;
        while (m.find()) {
            long n = count(Long.parseLong(m.group(2)));
            if (n > 0 && n < THRESHOLD) {
                assertThat(m.group(4)).isEqualTo("&lt;" + THRESHOLD);
                hidden++;
            } else {
                assertThat(m.group(4)).isIn(Long.toString(n), Suppression.COMPLEMENTARY);
            }
        }
        assertThat(hidden).as("the fixture has small cells").isPositive();
    }

    @Test
    void hides_a_second_count_so_that_a_hidden_count_cannot_be_worked_out_from_the_total() throws Exception {
        String html = write(OPTIONS.withSuppressBelow(THRESHOLD));
        for (var v : TestDatasets.victims().variables()) {
            if (v.valueLabels().isEmpty()) {
                continue;
            }
            String section = section(html, v.name());
            Matcher m = CODE_ROW.matcher(section);
            int hiddenCodes = 0;
            while (m.find()) {
                if (m.group(1) == null
                        && (m.group(4).startsWith("&lt;") || m.group(4).equals(Suppression.COMPLEMENTARY))) {
                    hiddenCodes++;
                }
            }
            boolean validHidden = !section.matches("(?s).*<tr><th>Valid</th><td class=\"n\">\\d+</td></tr>.*");
            int inTable = hiddenCodes + (validHidden ? 1 : 0);
            assertThat(inTable)
                    .as("hidden cells among the codes and their total of " + v.name())
                    .isNotEqualTo(1);
        }
    }

    @Test
    void a_single_small_count_is_hidden_together_with_the_next_smallest() throws Exception {
        var spec = org.tfeval.release.dataset.DatasetSpec.of(
                "one",
                "One small cell",
                org.tfeval.release.dataset.VariableSpec.of("X", "X", org.tfeval.release.dataset.VariableType.integer())
                        .withValueLabels(java.util.Map.of(1L, "A", 2L, "B", 3L, "C")));
        java.util.List<Object[]> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            rows.add(new Object[] {i < 50 ? 1L : i < 95 ? 2L : 3L});
        }
        Path file = dir.resolve("one.html");
        FileFormat.HTML_CODEBOOK
                .writer(OPTIONS.withSuppressBelow(11))
                .write(spec, org.tfeval.release.dataset.RowSource.of(rows), file);
        String x = section(Files.readString(file, StandardCharsets.UTF_8), "X");
        assertThat(x)
                .contains("<td>A</td><td class=\"n\">50</td>")
                .contains("<td>B</td><td class=\"n\">" + Suppression.COMPLEMENTARY + "</td>")
                .contains("<td>C</td><td class=\"n\">&lt;11</td>")
                .contains("<tr><th>Valid</th><td class=\"n\">100</td></tr>")
                // 50 x 1 + B x 2 + C x 3 = mean x 100 would give B and C back
                .doesNotContain("<th>Mean</th>")
                .doesNotContain("Standard deviation")
                .doesNotContain("lowest value")
                .contains(PrintedStatistics.WITHHELD_NOTE);
    }

    @Test
    void a_variable_without_hidden_counts_prints_its_mean_and_a_range_that_at_least_g_values_reach() throws Exception {
        var spec = org.tfeval.release.dataset.DatasetSpec.of(
                "age",
                "Ages",
                org.tfeval.release.dataset.VariableSpec.of(
                        "AGE", "Age", org.tfeval.release.dataset.VariableType.integer()));
        java.util.List<Object[]> rows = new java.util.ArrayList<>();
        for (long i = 1; i <= 100; i++) {
            rows.add(new Object[] {i == 100 ? 97L : 20 + i % 40}); // one person aged 97, the rest 20..59
        }
        Path file = dir.resolve("age.html");
        FileFormat.HTML_CODEBOOK.writer(OPTIONS).write(spec, org.tfeval.release.dataset.RowSource.of(rows), file);
        String x = section(Files.readString(file, StandardCharsets.UTF_8), "AGE");
        assertThat(x)
                .contains("<tr><th>5th lowest value</th><td class=\"n\">21</td></tr>")
                .contains("<tr><th>5th highest value</th><td class=\"n\">58</td></tr>")
                .contains("<tr><th>Mean</th>")
                .doesNotContain(">97<")
                .doesNotContain("Minimum")
                .doesNotContain("Maximum");
    }
}
