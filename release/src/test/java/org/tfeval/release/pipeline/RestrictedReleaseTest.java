package org.tfeval.release.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tfeval.release.dataset.VariableKind;

/** A restricted-use package: as recorded, without direct identifiers, free text or original identifiers. */
class RestrictedReleaseTest {

    @Test
    void keeps_exact_dates_and_restricted_variables_but_drops_direct_identifiers_and_free_text() {
        ReleaseResult r = ReleasedPackages.restrictedRelease();
        assertThat(ReleasedPackages.csv(r, "case").header())
                .contains("INCIDENT_DATE", "CASE_OPEN_DATE", "CASE_CLOSE_DATE")
                .doesNotContain("NARRATIVE", "INCIDENT_YEAR");
        assertThat(ReleasedPackages.csv(r, "task_force").header())
                .contains("TF_STATE")
                .doesNotContain("TF_NAME");
        assertThat(ReleasedPackages.csv(r, "victim").header()).contains("V_CITIZEN");
        assertThat(r.dataset("suspect").variable("S_ARREST_DATE").orElseThrow().kind())
                .isEqualTo(VariableKind.DATE);
        assertThat(ReleasedPackages.csv(r, "case").values("INCIDENT_DATE"))
                .anyMatch(d -> d.matches("\\d{4}-\\d{2}-\\d{2}"));
    }

    @Test
    void keeps_every_record_and_value_unsuppressed_with_pseudonymous_identifiers() {
        ReleaseResult r = ReleasedPackages.restrictedRelease();
        assertThat(r.rows()).isEqualTo(GeneratedSnapshots.demo().rows());
        for (String d : ReleasedPackages.DATASETS) {
            ReleasedPackages.Csv csv = ReleasedPackages.csv(r, d);
            for (List<String> row : csv.rows()) {
                assertThat(row).as(d).doesNotContain("-6");
            }
        }
        assertThat(ReleasedPackages.csv(r, "case").values("CASE_ID")).allMatch(id -> id.matches("[0-9A-F]{16}"));
        assertThat(r.report().loss().suppressedQuasiValues()).isZero();
        assertThat(r.report().stage("released").orElseThrow().casesAtRisk())
                .as("the restricted files are not k-anonymous")
                .isPositive();
    }

    @Test
    void codebooks_show_every_count() throws Exception {
        ReleaseResult r = ReleasedPackages.restrictedRelease();
        String html = Files.readString(r.dir().resolve("victim/victim.html"), StandardCharsets.UTF_8);
        assertThat(html).doesNotContain("&lt;11").doesNotContain("Frequencies from 1 to");
        assertThat(html).containsPattern("<td class=\"n\">[1-9]</td>");
    }
}
