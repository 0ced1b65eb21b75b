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
    void pair_tolerance_takes_the_larger_of_absolute_and_relative() {
        ReconciliationPair p = new ReconciliationPair("P", "p", "A", "B", 3, 0.5);
        assertThat(p.differs(2, 5)).isFalse();
        assertThat(p.differs(0, 4)).isTrue();
        assertThat(p.differs(20, 12)).isFalse();
        assertThat(p.differs(30, 12)).isTrue();
    }
}
