package org.tfeval.report.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

/** The document template: every value escaped, only the charts' SVG inserted as markup, the result well-formed XHTML. */
class DocumentTest {
    static final String HOSTILE = "<script>alert('x')</script> & \"quoted\"";

    @Test
    void escapes_every_value_and_inserts_only_the_chart_svg_as_markup() throws Exception {
        Document d = Document.create(HOSTILE, "footer");
        d.titlePage(new TitlePage(HOSTILE, HOSTILE, true, List.of(HOSTILE)));
        d.section(HOSTILE);
        d.paragraph(HOSTILE);
        d.bullets(List.of(HOSTILE));
        d.keyFigures(List.<String[]>of(new String[] {HOSTILE, HOSTILE, "a/b/0/" + HOSTILE}));
        d.table(TableView.builder(HOSTILE)
                .headers(HOSTILE)
                .row(new Cell(HOSTILE, "t/" + HOSTILE, false))
                .note(HOSTILE)
                .build());
        d.figure(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"><rect x=\"0\" y=\"0\" width=\"1\" height=\"1\"/></svg>",
                HOSTILE,
                HOSTILE);
        String xhtml = d.toXhtml();
        assertThat(xhtml).doesNotContain("<script>").contains("&lt;script&gt;").contains("<svg xmlns=");
        var doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(xhtml.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getElementsByTagName("script").getLength()).isZero();
        assertThat(doc.getElementsByTagName("td")
                        .item(0)
                        .getAttributes()
                        .getNamedItem("data-trace")
                        .getNodeValue())
                .isEqualTo("t/" + HOSTILE);
        assertThat(doc.getElementsByTagName("rect").getLength()).isEqualTo(1);
    }

    @Test
    void an_unsuppressed_cell_without_a_source_has_neither_class_nor_trace() {
        Document d = Document.create("t", "f");
        d.table(TableView.builder("c")
                .headers("h")
                .row(Cell.text("x"))
                .row(Cell.withheld())
                .build());
        String xhtml = d.toXhtml();
        assertThat(xhtml).contains("<td>x</td>").contains("<td class=\"suppressed\">" + Cell.SUPPRESSED + "</td>");
    }

    @Test
    void the_table_of_contents_lists_every_numbered_section_with_a_link_to_its_heading() throws Exception {
        Document d = Document.create("t", "f");
        d.titlePage(new TitlePage("t", "s", false, List.of()));
        d.contents();
        d.section("One");
        d.subsection("not listed");
        d.sectionOnNewPage("Two");
        d.section("Three");
        var doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(d.toXhtml().getBytes(StandardCharsets.UTF_8)));
        var links = doc.getElementsByTagName("a");
        assertThat(links.getLength()).isEqualTo(3);
        var h2 = doc.getElementsByTagName("h2");
        // the first h2 is the contents' own title
        assertThat(h2.item(0).getTextContent()).isEqualTo(Document.CONTENTS);
        for (int i = 0; i < links.getLength(); i++) {
            var a = (org.w3c.dom.Element) links.item(i);
            var heading = (org.w3c.dom.Element) h2.item(i + 1);
            assertThat(a.getTextContent()).isEqualTo(heading.getTextContent());
            assertThat(a.getAttribute("href")).isEqualTo("#" + heading.getAttribute("id"));
        }
        assertThat(d.sectionHeadings()).containsExactly("1. One", "2. Two", "3. Three");
    }

    @Test
    void the_page_is_us_letter_unless_a4_is_asked_for() {
        assertThat(Document.create("t", "f").toXhtml()).contains("size: 8.5in 11in");
        assertThat(Document.create("t", "f").paper(Paper.A4).toXhtml()).contains("size: 210mm 297mm");
    }
}
