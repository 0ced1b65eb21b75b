package org.tfeval.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTML reports in Debian's headless Chromium: no console errors, no failed loads, every image and chart drawn. */
class BrowserRenderingTest {
    /** What the page reports about itself: images that did not load, charts and their drawn sizes, tables. */
    static final String INSPECT =
            "JSON.stringify({broken: Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src),"
                    + " charts: Array.from(document.querySelectorAll('svg')).map(s => { const r = s.getBoundingClientRect(); return [r.width, r.height]; }),"
                    + " tables: document.querySelectorAll('table').length, synthetic: document.querySelectorAll('.synthetic').length,"
                    + " title: document.title})";

    static Rendered r;
    static HeadlessChromium chromium;

    @BeforeAll
    static void start() throws Exception {
        r = Rendered.standard();
        chromium = HeadlessChromium.start(Rendered.tool("chromium", "chromium"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (chromium != null) chromium.close();
    }

    static JsonNode open(Path html) throws Exception {
        chromium.open(html);
        JsonNode page = chromium.evaluate(INSPECT);
        assertThat(chromium.problems()).as(html.toString()).isEmpty();
        assertThat(page.path("broken"))
                .as("images that did not load in " + html)
                .isEmpty();
        for (JsonNode c : page.path("charts")) {
            assertThat(c.get(0).asDouble()).as("chart width in " + html).isPositive();
            assertThat(c.get(1).asDouble()).as("chart height in " + html).isPositive();
        }
        return page;
    }

    @Test
    void the_technical_report_renders_every_chart_and_table_without_errors() throws Exception {
        JsonNode page = open(r.reports.technicalHtml());
        assertThat(page.path("charts").size()).isGreaterThanOrEqualTo(3);
        assertThat(page.path("tables").asInt()).isGreaterThan(20);
        assertThat(page.path("synthetic").asInt()).isPositive();
    }

    @Test
    void the_brief_the_index_and_every_task_force_report_render_without_errors() throws Exception {
        List<Path> pages = new ArrayList<>(List.of(r.reports.briefHtml(), r.reports.index()));
        r.reports.taskForces().values().forEach(d -> pages.add(d.resolve(Reports.TASK_FORCE_REPORT + ".html")));
        for (Path p : pages) {
            JsonNode page = open(p);
            assertThat(page.path("title").asText()).as(p.toString()).isNotBlank();
        }
    }

    @Test
    void the_page_checks_would_catch_a_broken_image_and_a_console_error(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path bad = dir.resolve("bad.html");
        java.nio.file.Files.writeString(
                bad,
                "<!DOCTYPE html><html><head><title>t</title></head><body><img src=\"missing.png\"/>"
                        + "<script>console.error('boom')</script></body></html>");
        chromium.open(bad);
        JsonNode page = chromium.evaluate(INSPECT);
        assertThat(page.path("broken").size()).isEqualTo(1);
        assertThat(chromium.problems())
                .anyMatch(p -> p.startsWith("console error"))
                .anyMatch(p -> p.startsWith("load failed"));
    }
}
