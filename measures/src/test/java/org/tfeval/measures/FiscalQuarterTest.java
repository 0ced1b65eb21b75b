package org.tfeval.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FiscalQuarterTest {
    @Test
    void federal_fiscal_year_begins_in_october() {
        FiscalQuarter q = FiscalQuarter.of(LocalDate.of(2019, 10, 1));
        assertThat(q).isEqualTo(new FiscalQuarter(2020, 1));
        assertThat(q.start()).isEqualTo(LocalDate.of(2019, 10, 1));
        assertThat(q.end()).isEqualTo(LocalDate.of(2019, 12, 31));
        assertThat(FiscalQuarter.of(LocalDate.of(2020, 9, 30))).isEqualTo(new FiscalQuarter(2020, 4));
        assertThat(new FiscalQuarter(2020, 2).start()).isEqualTo(LocalDate.of(2020, 1, 1));
        assertThat(new FiscalQuarter(2020, 4).end()).isEqualTo(LocalDate.of(2020, 9, 30));
        assertThat(new FiscalQuarter(2020, 4).next()).isEqualTo(new FiscalQuarter(2021, 1));
    }

    @Test
    void only_exact_quarter_bounds_are_a_quarter() {
        assertThat(FiscalQuarter.exactly(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 3, 31)))
                .contains(new FiscalQuarter(2020, 2));
        assertThat(FiscalQuarter.exactly(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 3, 30)))
                .isEmpty();
        assertThat(FiscalQuarter.exactly(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31)))
                .isEmpty();
        assertThat(FiscalQuarter.parse("FY2021 Q3")).isEqualTo(new FiscalQuarter(2021, 3));
    }
}
