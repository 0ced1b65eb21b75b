package org.tfeval.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tfeval.analysis.ResultTable;
import org.tfeval.analysis.funnel.OutcomeFunnel;
import org.tfeval.report.findings.Recommendations;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The practitioner brief: key figures from the results, recommendations only where the data support them. */
class PractitionerBriefTest {
    static Rendered r;
    static Document html;

    @BeforeAll
    static void render() {
        r = Rendered.standard();
        html = Rendered.xml(r.reports.briefHtml());
    }

    @Test
    void key_figures_equal_their_result_table_cells() {
        List<Element> traced = Rendered.withAttribute(html, "data-trace");
        assertThat(traced).hasSizeGreaterThanOrEqualTo(5);
        for (Element e : traced) {
            assertThat(e.getTextContent())
                    .as(e.getAttribute("data-trace"))
                    .startsWith(r.expected(e.getAttribute("data-trace")));
        }
    }

    @Test
    void the_charging_recommendation_appears_exactly_when_few_prosecuted_cases_carry_a_trafficking_charge() {
        ResultTable<OutcomeFunnel.ChargeRow> t =
                r.results.analysis(OutcomeFunnel.ID).table(OutcomeFunnel.TRAFFICKING_CHARGE_TABLE);
        double prosecuted = t.first(x -> x.denominator().equals(OutcomeFunnel.OF_PROSECUTED_SEX))
                .orElseThrow()
                .share()
                .pct();
        String text = html.getDocumentElement().getTextContent();
        assertThat(text.contains("Review charging")).isEqualTo(prosecuted < Recommendations.LOW_TRAFFICKING_CHARGE);
    }

    @Test
    void the_brief_is_labelled_synthetic_and_cites_the_snapshot() {
        String text = html.getDocumentElement().getTextContent();
        assertThat(text)
                .contains("SYNTHETIC DATA")
                .contains(r.snapshot.id())
                .contains("What the data support")
                .contains("Keep in mind");
    }
}
