package org.tfeval.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.tfeval.instrument.InstrumentLoader;

/**
 * Writes a million-case study once and reports the wall time; skipped unless asked for:
 *
 * <pre>
 * mvn -q -o -pl synth test -Dtest=StudyGeneratorBenchmark -Dtfeval.bench=true -DargLine=-Xmx512m
 * </pre>
 *
 * Results are kept in {@code synth/BENCHMARK.md}.
 */
@EnabledIfSystemProperty(named = "tfeval.bench", matches = "true")
class StudyGeneratorBenchmark {
    /** The budget for 1,000,000 cases over 50 task forces on 2 cores. */
    private static final Duration BUDGET = Duration.ofMinutes(2);

    @Test
    void writes_a_million_cases_within_budget() throws IOException {
        Path dir = Files.createTempDirectory("tfeval-synth-bench");
        try {
            long[] lastCase = {0};
            long start = System.nanoTime();
            GeneratedStudy study = StudyGenerator.defaults()
                    .withCases(1_000_000)
                    .withSites(50)
                    .withErrors(false)
                    .generate(InstrumentLoader.builtIn("ecm"), dir, (form, done, total) -> {
                        if (form.equals("case")) lastCase[0] = done;
                    });
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            long bytes;
            try (Stream<Path> files = Files.list(dir)) {
                bytes = files.mapToLong(p -> p.toFile().length()).sum();
            }
            Runtime rt = Runtime.getRuntime();
            System.out.printf(
                    "synth benchmark: 1,000,000 cases / 50 sites in %.1f s; rows %s, case_list %,d; %,d MB written; max heap %,d MB%n",
                    took.toMillis() / 1000.0, study.rows(), study.caseListRows(), bytes >> 20, rt.maxMemory() >> 20);
            assertThat(lastCase[0]).isEqualTo(1_000_000);
            assertThat(took).isLessThan(BUDGET);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
