package org.tfeval.instrument.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tfeval.instrument.InstrumentException;
import org.tfeval.instrument.InstrumentLoader;

class MeasureCatalogueTest {
    @Test
    void built_in_catalogue_reads_and_matches_the_case_file_instrument() {
        MeasureCatalogue c = MeasureCatalogueLoader.builtIn().checkAgainst(InstrumentLoader.builtIn("ecm"));
        assertThat(c.version()).isEqualTo("1.1.0");
        assertThat(c.measure("VS_NEW_CLIENTS").grantee()).isEqualTo(Grantee.VICTIM_SERVICES);
        assertThat(c.computable()).extracting(Measure::id).contains("LE_ARRESTS", "LE_INVESTIGATIONS");
        assertThat(c.pair("VICTIMS").orElseThrow().lawEnforcement()).isEqualTo("LE_VICTIMS_IDENTIFIED");
        assertThat(c.dimensions().get("service").exclusive()).isFalse();
    }

    @Test
    void a_pair_naming_a_measure_of_the_wrong_grantee_is_refused() {
        String yaml = MeasureCatalogueLoader.builtInSource()
                .replace("victim_services: VS_NEW_CLIENTS", "victim_services: LE_ARRESTS");
        assertThatThrownBy(() -> MeasureCatalogueLoader.parse(yaml, "x.yaml"))
                .isInstanceOf(InstrumentException.class)
                .hasMessageContaining("x.yaml")
                .hasMessageContaining("LE_ARRESTS is not a victim_services measure");
    }

    @Test
    void a_computed_measure_on_a_variable_that_is_not_a_date_is_refused() {
        String yaml = MeasureCatalogueLoader.builtInSource().replace("date: S_ARREST_DATE", "date: S_AGE");
        MeasureCatalogue c = MeasureCatalogueLoader.parse(yaml, "x.yaml");
        assertThatThrownBy(() -> c.checkAgainst(InstrumentLoader.builtIn("ecm")))
                .hasMessageContaining("LE_ARRESTS")
                .hasMessageContaining("S_AGE is not a date variable");
    }

    @Test
    void potential_victims_are_counted_by_their_case_open_date_and_broken_down_by_victim_codes() {
        MeasureCatalogue c = MeasureCatalogueLoader.builtIn().checkAgainst(InstrumentLoader.builtIn("ecm"));
        CaseFileCount pv = c.measure("LE_VICTIMS_IDENTIFIED").computed();
        assertThat(pv.form()).isEqualTo("victim");
        assertThat(pv.datedBy()).isEqualTo("case.CASE_OPEN_DATE");
        assertThat(c.measure("LE_VICTIMS_IDENTIFIED").definition()).contains("CASE_OPEN_DATE");
        CaseFileCount.Breakdown age = pv.breakdowns().get("age");
        assertThat(age.category(1)).isEqualTo("minor");
        assertThat(age.category(0)).isEqualTo("adult");
        assertThat(age.category(-9)).isEqualTo("unknown");
        assertThat(age.category(null)).isEqualTo("unknown");
    }

    @Test
    void a_breakdown_into_categories_the_dimension_lacks_or_a_missing_parent_form_is_refused() {
        var ins = InstrumentLoader.builtIn("ecm");
        MeasureCatalogue badCategory = MeasureCatalogueLoader.parse(
                MeasureCatalogueLoader.builtInSource()
                        .replace("codes: {minor: [1], adult: [0]}", "codes: {child: [1]}"),
                "x.yaml");
        assertThatThrownBy(() -> badCategory.checkAgainst(ins))
                .hasMessageContaining("LE_VICTIMS_IDENTIFIED")
                .hasMessageContaining("categories outside");
        MeasureCatalogue badParent = MeasureCatalogueLoader.parse(
                MeasureCatalogueLoader.builtInSource().replace("date_from: case", "date_from: suspect"), "x.yaml");
        assertThatThrownBy(() -> badParent.checkAgainst(ins))
                .hasMessageContaining("LE_VICTIMS_IDENTIFIED")
                .hasMessageContaining("no variable linking it to its parent form suspect");
    }

    @Test
    void pair_tolerance_takes_the_larger_of_absolute_and_relative() {
        ReconciliationPair p = new ReconciliationPair("P", "p", "A", "B", 3, 0.5);
        assertThat(p.differs(2, 5)).isFalse();
        assertThat(p.differs(0, 4)).isTrue();
        assertThat(p.differs(20, 12)).isFalse();
        assertThat(p.differs(30, 12)).isTrue();
    }
}
