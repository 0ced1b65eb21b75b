package org.tfeval.report.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one choke point of task-force names in a document. */
class SiteNamesTest {
    static final List<String> IDS = List.of("TF01", "TF02", "TF03", "TF04", "TF05", "TF06");

    @Test
    void a_public_edition_labels_each_task_force_once_and_names_none_in_its_text() {
        SiteNames n = SiteNames.of(Edition.PUBLIC, "snapshot-a", IDS);
        String text = n.anonymize("held by TF01 (TF02); TF010 and xTF01 are other words");
        assertThat(text)
                .isEqualTo("held by " + SiteNames.UNNAMED + " (" + SiteNames.UNNAMED
                        + "); TF010 and xTF01 are other words");
        assertThat(IDS.stream().map(n::name).distinct()).hasSize(IDS.size());
        assertThat(n.name("TF01")).startsWith("Task force ");
    }

    @Test
    void the_labels_follow_no_id_order_and_change_with_the_snapshot() {
        boolean someNotInIdOrder = false;
        boolean someDiffer = false;
        for (String snap : List.of("s1", "s2", "s3", "s4")) {
            SiteNames n = SiteNames.of(Edition.PUBLIC, snap, IDS);
            someNotInIdOrder |= !n.ids().equals(IDS);
            someDiffer |=
                    !n.ids().equals(SiteNames.of(Edition.PUBLIC, "s0", IDS).ids());
        }
        assertThat(someNotInIdOrder).isTrue();
        assertThat(someDiffer).isTrue();
    }

    @Test
    void a_restricted_edition_prints_ids() {
        SiteNames n = SiteNames.of(Edition.RESTRICTED, "s", IDS);
        assertThat(n.anonymize("TF03 did")).isEqualTo("TF03 did");
        assertThat(n.name("TF03")).isEqualTo("TF03");
    }
}
