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
import org.tfeval.release.dataset.MissingCode;

class HtmlCodebookWriterTest {
    private static final int ROWS = 300;
    private static final int THRESHOLD = 40;
    private static final WriteOptions OPTIONS = WriteOptions.defaults().withTimestamp(LocalDateTime.of(2024, 5, 6, 7, 8));
    private static final Pattern CODE_ROW = Pattern.compile(
            "<tr( class=\"missing\")?><td class=\"n\">(-?\\d+)</td><td>([^<]*)</td><td class=\"n\">([^<]*)</td>");

    @TempDir
    Path dir;

    private String write(WriteOptions options) throws Exception {
        Path file = dir.resolve("victims.html");
        WrittenFile written = FileFormat.HTML_CODEBOOK.writer(options).write(TestDatasets.victims(),
                TestDatasets.victimRows(ROWS), file);
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
        return TestDatasets.normalisedVictims(ROWS).stream().filter(r -> r[1] instanceof MissingCode m
                ? m.code() == code : Long.valueOf(code).equals(r[1])).count();
    }

    @Test
    void lists_every_variable_with_labels_question_codes_and_frequencies() throws Exception {
        String html = write(OPTIONS);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\">")
                .contains("<p>" + ROWS + " rows, 12 variables.")
                .contains("Summary text &quot;quoted&quot; &amp; &lt;escaped&gt;")
                .doesNotContain("<escaped>");
        TestDatasets.victims().variables().forEach(v -> assertThat(html).contains("<a href=\"#var-" + v.name() + "\">"));
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
        assertThat(section(html, "INCIDENT_DATE")).contains("<tr><th>Earliest</th><td class=\"n\">1899-12-31</td></tr>");
        assertThat(section(html, "EMPTY_NUM")).contains("<tr><th>Valid</th><td class=\"n\">0</td></tr>")
                .contains("<tr><th>System missing</th><td class=\"n\">" + ROWS + "</td></tr>");
    }

    @Test
    void shows_small_frequencies_as_below_the_threshold() throws Exception {
        String html = write(OPTIONS.withSuppressBelow(THRESHOLD));
        assertThat(html).contains("Frequencies from 1 to " + (THRESHOLD - 1) + " are shown as &lt;" + THRESHOLD + ".");
        Matcher m = CODE_ROW.matcher(section(html, "HT_TYPE"));
        int hidden = 0;
        while (m.find()) {
            long n = count(Long.parseLong(m.group(2)));
            if (n > 0 && n < THRESHOLD) {
                assertThat(m.group(4)).isEqualTo("&lt;" + THRESHOLD);
                hidden++;
            } else {
                assertThat(m.group(4)).isEqualTo(Long.toString(n));
            }
        }
        assertThat(hidden).as("the fixture has small cells").isPositive();
    }
}
