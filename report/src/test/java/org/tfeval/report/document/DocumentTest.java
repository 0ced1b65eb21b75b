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
}
