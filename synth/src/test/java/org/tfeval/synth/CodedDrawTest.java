package org.tfeval.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.InstrumentLoader;

/**
 * Issue 10 item 1: a generator given a recorded draw codes exactly the draw's entries (replacements in order for
 * the unusable files), writes the same case list as without it, and stays deterministic.
 */
class CodedDrawTest {
    @TempDir
    Path dir;

    /** TF_ID to the CASE_REF values of a CSV file, in file order. */
    static Map<String, List<String>> refs(Path csv) {
        Map<String, List<String>> out = new TreeMap<>();
        StudyFiles.rows(
                csv,
                r -> out.computeIfAbsent(r.get("TF_ID"), k -> new ArrayList<>()).add(r.get("CASE_REF")));
        return out;
    }

    @Test
    void theCodedCasesAreTheDrawsEntriesWithReplacementsForUnusableFilesAndTheCaseListIsUnchanged() throws Exception {
        Instrument ins = InstrumentLoader.builtIn("ecm");
        StudyGenerator g =
                StudyGenerator.defaults().withErrors(false).withCases(300).withSites(5);
        GeneratedStudy own = g.generate(ins, dir.resolve("own"), ProgressListener.none());
        Map<String, List<String>> list = refs(own.caseList());
        Map<String, Integer> sizes = g.plannedSampleSizes();
        // a draw in an order of its own: the list read backwards, the planned size plus 5 replacements
        Map<String, List<String>> drawn = new TreeMap<>();
        sizes.forEach((tf, n) -> {
            List<String> refs = new ArrayList<>(list.get(tf));
            java.util.Collections.reverse(refs);
            drawn.put(tf, refs.subList(0, n + 5));
        });
        CodedDraw draw = new CodedDraw(drawn, sizes);
        StudyGenerator coding = g.withDraw(draw);
        GeneratedStudy coded = coding.generate(ins, dir.resolve("drawn"), ProgressListener.none());

        assertThat(Files.readAllBytes(coded.caseList())).isEqualTo(Files.readAllBytes(own.caseList()));
        Map<String, List<String>> codedRefs = refs(coded.file("case"));
        int unusable = 0;
        int replaced = 0;
        for (Map.Entry<String, CodedDraw.Coded> e : coding.codedDraw().entrySet()) {
            Set<String> refs = new HashSet<>(codedRefs.getOrDefault(e.getKey(), List.of()));
            assertThat(refs).as(e.getKey()).isEqualTo(e.getValue().references());
            assertThat(drawn.get(e.getKey())).containsAll(refs);
            // each unusable sampled file is replaced while replacements last
            assertThat(e.getValue().references())
                    .hasSize(sizes.get(e.getKey())
                            - e.getValue().unusable()
                            + e.getValue().replacementsUsed());
            unusable += e.getValue().unusable();
            replaced += e.getValue().replacementsUsed();
        }
        assertThat(unusable).as("some drawn files turn out unusable").isPositive();
        assertThat(replaced).isEqualTo(unusable);

        GeneratedStudy again = g.withDraw(draw).generate(ins, dir.resolve("again"), ProgressListener.none());
        assertThat(Files.readAllBytes(again.file("case"))).isEqualTo(Files.readAllBytes(coded.file("case")));
    }
}
