package org.tfeval.release.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.instrument.InstrumentLoader;
import org.tfeval.instrument.ReleaseLevel;
import org.tfeval.release.dataset.RowCursor;
import org.tfeval.release.dataset.RowSource;
import org.tfeval.release.dataset.VariableSpec;

/** The parts of disclosure control that need no snapshot. */
class DisclosurePartsTest {
    @TempDir
    Path dir;

    @Test
    void intervals_follow_the_instruments_date_order_rules_and_names_fit_32_characters() {
        List<DatePairs> pairs = DatePairs.of(InstrumentLoader.builtIn("ecm"));
        List<String> names = pairs.stream().map(DatePairs::intervalName).toList();
        assertThat(names)
                .containsExactly(
                        "CASE_DAYS_OPEN_TO_CLOSE",
                        "DAYS_INCIDENT_TO_CASE_CLOSE",
                        "S_DAYS_ARREST_TO_INDICTMENT",
                        "S_DAYS_INDICTMENT_TO_DISPOSITION",
                        "S_DAYS_DISPOSITION_TO_SENTENCE",
                        "DAYS_OFFENSE_TO_S_ARREST");
        assertThat(names).allMatch(n -> n.length() <= VariableSpec.MAX_NAME_LENGTH);
        assertThat(pairs.get(pairs.size() - 1).laterInParent()).isTrue();
        assertThat(DatePairs.isLaterInForm(pairs, "suspect", "S_SENTENCE_DATE")).isTrue();
        assertThat(DatePairs.isLaterInForm(pairs, "suspect", "S_ARREST_DATE")).isFalse();
        assertThat(DatePairs.isBeforeParent(pairs, "offense", "OFFENSE_DATE")).isTrue();
    }

    @Test
    void a_collapsed_category_label_is_cut_to_the_value_label_limit() {
        String label = CollapseRareCategories.collapsedLabel(List.of(
                "American Indian or Alaska Native",
                "Native Hawaiian or Pacific Islander",
                "Multiracial",
                "Other",
                "Ünïcödé category with a long name"));
        assertThat(label)
                .startsWith("Collapsed: American Indian or Alaska Native; ")
                .endsWith("...");
        assertThat(label.getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(VariableSpec.MAX_VALUE_LABEL_BYTES);
        assertThat(CollapseRareCategories.collapsedLabel(List.of("Asian", "Other")))
                .isEqualTo("Collapsed: Asian; Other");
    }

    @Test
    void thresholds_reject_values_that_protect_no_one() {
        assertThat(Thresholds.defaults()).isEqualTo(new Thresholds(11, 2, 5, 0.5, 0.05, 0.6));
        assertThatThrownBy(() -> Thresholds.defaults().withK(1)).hasMessageContaining("k must be at least 2");
        assertThatThrownBy(() -> Thresholds.defaults().withL(0)).hasMessageContaining("l must be at least 1");
        assertThatThrownBy(() -> Thresholds.defaults().withBandWidth(0)).hasMessageContaining("band width");
        assertThatThrownBy(() -> Thresholds.defaults().withMaxRemovedCaseShare(-0.1))
                .hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> new LocalSuppression(1, 1, 1)).hasMessageContaining("k must be at least 2");
    }

    @Test
    void the_policies_apply_the_rules_of_their_level_in_order() {
        assertThat(DisclosurePolicy.of(ReleaseLevel.PUBLIC).rules(Thresholds.defaults()).stream()
                        .map(r -> r.getClass().getSimpleName()))
                .containsExactly(
                        "DropDirectIdentifiers",
                        "DropFreeText",
                        "DateIntervals",
                        "CoarsenDates",
                        "DropBelowLevel",
                        "ReleaseGroupProfile",
                        "AttackerModel",
                        "PseudonymiseIds",
                        "LatticeSearch",
                        "GroupIntoBands",
                        "TopCode",
                        "CollapseRareCategories",
                        "LocalSuppression",
                        "LDiversity");
        assertThat(DisclosurePolicy.of(ReleaseLevel.RESTRICTED).rules(Thresholds.defaults()).stream()
                        .map(r -> r.getClass().getSimpleName()))
                .containsExactly(
                        "DropDirectIdentifiers", "DropFreeText", "DropBelowLevel", "AttackerModel", "PseudonymiseIds");
        assertThatThrownBy(() -> DisclosurePolicy.of(ReleaseLevel.DROP)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_spool_gives_back_every_cell_as_it_was_written_on_every_pass() throws Exception {
        List<Object[]> rows = new ArrayList<>();
        rows.add(
                new Object[] {0L, -9L, Long.MAX_VALUE, Long.MIN_VALUE + 1, 3.25, "", null, LocalDate.of(1582, 10, 15)});
        rows.add(new Object[] {1L << 53, -6L, 300L, -300L, -0.5, "ünïcödé 😀", "x", LocalDate.of(2024, 2, 29)});
        Spool spool = Spool.write(RowSource.of(rows), 8, dir.resolve("t.spool"));
        assertThat(spool.rows()).isEqualTo(2);
        for (int pass = 0; pass < 2; pass++) {
            try (RowCursor c = spool.open()) {
                assertThat(c.next()).containsExactly(rows.get(0));
                assertThat(c.next()).containsExactly(rows.get(1));
                assertThat(c.hasNext()).isFalse();
            }
        }
    }
}
