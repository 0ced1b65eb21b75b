package org.tfeval.cli.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tfeval.cli.Tfeval;

/** The top-level command finds the statistics subcommands by name. */
class RegistrationTest {

    @Test
    void tfeval_registers_fit_km_xtab_and_agree() {
        assertThat(Tfeval.commandLine().getSubcommands()).containsKeys("fit", "km", "xtab", "agree");
    }
}
