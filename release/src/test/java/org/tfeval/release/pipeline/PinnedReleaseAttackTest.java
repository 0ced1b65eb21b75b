package org.tfeval.release.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.ReleaseLevel;
import org.tfeval.instrument.disclosure.Attacker;
import org.tfeval.instrument.disclosure.Hierarchy;
import org.tfeval.instrument.disclosure.Scenario;
import org.tfeval.release.disclosure.Thresholds;

/**
 * The k-anonymity attack on released files: the released case CSV joined with the victim or the
 * suspect CSV (the public scenario's views, each a risk unit), one row per case x child (a case
 * without children keeps one row with the child's columns absent), grouped on the columns the
 * attacker knows; a class of fewer than k distinct cases is a successful attack. Uses none of the
 * release's disclosure classes.
 */
class PinnedReleaseAttackTest {
    private static final int K = Thresholds.DEFAULT_K;
    private static final List<String> CHILDREN = List.of("victim", "suspect");

    @Test
    void with_every_level_pinned_at_0_and_no_suppression_allowed_no_released_class_falls_below_k() throws Exception {
        Instrument ins = GeneratedSnapshots.demo().instrument();
        Map<String, Integer> pins = new LinkedHashMap<>();
        for (Hierarchy h : ins.disclosureModel().hierarchies()) {
            if (!h.form().equals("task_force")) { // the task-force file is not in a public package
                pins.put(h.dimension(), 0);
            }
        }
        ReleaseResult r = ReleaseBuilder.of(GeneratedSnapshots.demo())
                .withThresholds(Thresholds.defaults()
                        .withMaxSuppressedValueShare(0)
                        .withMaxRemovedCaseShare(1)
                        .withMaxLoss(1.0))
                .withDisclosure(DisclosureOptions.defaults().withPins(pins))
                .withTimestamp(ReleasedPackages.AT)
                .build(Files.createTempDirectory(GeneratedSnapshots.root(), "pinned-")
                        .resolve("pkg"));
        assertThat(ins.disclosureModel().scenarioAt(ReleaseLevel.PUBLIC)).isEqualTo(Scenario.SEPARATE);
        assertThat(r.report().chosenGeneralisation().orElseThrow().pinned()).isEqualTo(pins);
        if (r.microdata()) {
            for (String child : CHILDREN) {
                assertThat(smallClasses(r, child, quasiColumns(r, ins, child)))
                        .as("case-%s classes below k", child)
                        .isZero();
            }
        }
        // the demo's cases are unique on their ungeneralized quasi-identifiers: without suppression there are no
        // public microdata, and the package says why
        assertThat(r.microdata()).isFalse();
        assertThat(Files.readString(r.dir().resolve(ReleaseBuilder.README), StandardCharsets.UTF_8))
                .containsPattern("microdata are restricted-use only, because k = 11 cannot be reached within the "
                        + "limits: it needs \\d+ of \\d+ quasi-identifier values \\(\\d+\\.\\d%\\) suppressed, .*; the "
                        + "maximum is 0\\.0%");
    }

    @Test
    void values_suppressed_by_generalizing_to_the_top_of_a_hierarchy_count_against_the_suppression_limit()
            throws Exception {
        // the lattice search finds no node for the demo and takes the top of every hierarchy: every
        // quasi-identifier suppressed entirely; at most half of them may be
        ReleaseResult r = ReleaseBuilder.of(GeneratedSnapshots.demo())
                .withThresholds(
                        Thresholds.defaults().withMaxRemovedCaseShare(0.2).withMaxLoss(1.0))
                .withTimestamp(ReleasedPackages.AT)
                .build(Files.createTempDirectory(GeneratedSnapshots.root(), "top-")
                        .resolve("pkg"));
        if (r.microdata()) {
            Instrument ins = GeneratedSnapshots.demo().instrument();
            long cells = 0;
            long suppressed = 0;
            for (String form : List.of("case", "victim", "suspect")) {
                ReleasedPackages.Csv csv = ReleasedPackages.csv(r, form);
                for (String col : JoinedCsvs.quasiColumns(ins, form, csv)) {
                    for (String v : csv.values(col)) {
                        if (!v.isEmpty()) {
                            cells++;
                            suppressed += v.equals("-6") ? 1 : 0;
                        }
                    }
                }
            }
            assertThat((double) suppressed / cells)
                    .as("share of released quasi-identifier values suppressed")
                    .isLessThanOrEqualTo(Thresholds.DEFAULT_MAX_SUPPRESSED_VALUE_SHARE);
        }
        assertThat(r.microdata()).isFalse();
        assertThat(Files.readString(r.dir().resolve(ReleaseBuilder.README), StandardCharsets.UTF_8))
                .contains("by local suppression or by generalization to the top of a hierarchy; the maximum is 50.0%");
    }

    @Test
    void public_microdata_have_no_class_below_k_under_what_any_declared_attacker_knows() throws Exception {
        ReleaseResult r = ReleaseAttackTest.largePublic();
        Instrument ins = ReleaseAttackTest.large().instrument();
        assertThat(r.microdata()).isTrue();
        List<Attacker> attackers = ins.disclosureModel().attackersAt(ReleaseLevel.PUBLIC);
        assertThat(attackers).isNotEmpty();
        int checked = 0;
        for (Attacker a : attackers) {
            for (String child : CHILDREN) {
                Map<String, List<String>> columns = new LinkedHashMap<>();
                for (String known : a.knows()) {
                    String form = known.substring(0, known.indexOf('.'));
                    String column = known.substring(known.indexOf('.') + 1);
                    if ((form.equals("case") || form.equals(child))
                            && ReleasedPackages.csv(r, form).header().contains(column)) {
                        columns.computeIfAbsent(form, x -> new ArrayList<>()).add(column);
                    }
                }
                if (columns.isEmpty()) {
                    continue;
                }
                checked++;
                assertThat(smallClasses(r, child, columns))
                        .as("%s attacker, case-%s view: classes below k on %s", a.name(), child, columns)
                        .isZero();
            }
        }
        assertThat(checked).as("attacker views checked").isGreaterThanOrEqualTo(attackers.size());
    }

    /** The quasi-identifier columns of the case and the child file (instrument, years, attackers). */
    private static Map<String, List<String>> quasiColumns(ReleaseResult r, Instrument ins, String child) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        out.put("case", JoinedCsvs.quasiColumns(ins, "case", ReleasedPackages.csv(r, "case")));
        out.put(child, JoinedCsvs.quasiColumns(ins, child, ReleasedPackages.csv(r, child)));
        return out;
    }

    /** Classes of fewer than k distinct cases in the case-child view, on the given columns per file. */
    static int smallClasses(ReleaseResult r, String child, Map<String, List<String>> columns) {
        ReleasedPackages.Csv cases = ReleasedPackages.csv(r, "case");
        ReleasedPackages.Csv children = ReleasedPackages.csv(r, child);
        List<String> caseQ = columns.getOrDefault("case", List.of());
        List<String> childQ = columns.getOrDefault(child, List.of());
        Map<String, List<List<String>>> byCase = children.groupBy("CASE_ID");
        Map<List<String>, Set<String>> classes = new HashMap<>();
        int caseId = cases.column("CASE_ID");
        for (List<String> c : cases.rows()) {
            List<List<String>> rows = byCase.getOrDefault(c.get(caseId), List.of());
            for (List<String> row : rows.isEmpty() ? Collections.<List<String>>singletonList(null) : rows) {
                List<String> key = new ArrayList<>();
                for (String col : caseQ) {
                    key.add(c.get(cases.column(col)));
                }
                for (String col : childQ) {
                    key.add(row == null ? JoinedCsvs.ABSENT : row.get(children.column(col)));
                }
                classes.computeIfAbsent(key, x -> new HashSet<>()).add(c.get(caseId));
            }
        }
        return (int) classes.values().stream().filter(s -> s.size() < K).count();
    }
}
