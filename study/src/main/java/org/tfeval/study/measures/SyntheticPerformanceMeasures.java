package org.tfeval.study.measures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.tfeval.instrument.measures.MeasureCatalogue;
import org.tfeval.instrument.validation.Violation;
import org.tfeval.instrument.workflow.OwnerOnlyFiles;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.measures.FiscalQuarter;
import org.tfeval.measures.MeasureValue;
import org.tfeval.measures.file.MeasureFileWriter;
import org.tfeval.measures.reconcile.Reconciler;
import org.tfeval.measures.reconcile.ReconciliationRow;
import org.tfeval.measures.synthetic.SyntheticMeasures;
import org.tfeval.measures.validation.MeasureRule;
import org.tfeval.stats.disclosure.ComplementarySuppression;
import org.tfeval.study.Study;

/**
 * The demo's SYNTHETIC performance measures: quarterly measures of every task force in the study since its
 * first funding year (TF_FIRST_FY), never below what its coded case files show, imported; a copy with planted
 * reporting errors offered to the import first (which must refuse it, naming every planted error); and
 * planted LE/VS gaps that reconciliation must flag. Immutable; configured by copy.
 */
public final class SyntheticPerformanceMeasures {
    /** The clean file and the file with planted errors, in the demo's measures folder. */
    public static final String CLEAN = "measures.csv";

    public static final String PLANTED = "measures-with-planted-errors.csv";
    /** The last quarter the demo reports. */
    public static final FiscalQuarter THROUGH = new FiscalQuarter(2024, 4);
    /** The folder of the measures report (HTML), in the demo's measures folder. */
    public static final String REPORT = "report";
    /** Other task forces' figures from 1 to this - 1 are withheld in task-force reports. */
    public static final int REPORT_THRESHOLD = ComplementarySuppression.MINIMUM_CELL_SIZE;
    /** LE/VS gaps planted. */
    public static final int GAPS = 6;

    private final long seed;

    private SyntheticPerformanceMeasures(long seed) {
        this.seed = seed;
    }

    public static SyntheticPerformanceMeasures withSeed(long seed) {
        return new SyntheticPerformanceMeasures(seed);
    }

    /**
     * What the demo's measures show.
     *
     * @param imported          the import of the clean file
     * @param refused           the refused import of the file with planted errors
     * @param errorsPlanted     planted errors (row and rule)
     * @param errorsFound       planted errors the validation reported
     * @param errorsUnplanted   violations at a row and rule nothing was planted at
     * @param gapsPlanted       planted LE/VS gaps
     * @param gapsFlagged       planted gaps reconciliation flagged
     * @param gapsUnplanted     flagged quarters nothing was planted in
     * @param reportedBelowComputed reported totals below the coded case files' count (0: consistent)
     * @param breakdownsBelowComputed reported categories (type, age group, sex, nationality group) below the coded
     *                          records in them (0: the breakdowns are consistent with the coded cases too)
     * @param report            the performance-measures chapter (HTML) written from the stored measures
     */
    public record Summary(
            Measures.Imported imported,
            Measures.Imported refused,
            int errorsPlanted,
            int errorsFound,
            int errorsUnplanted,
            int gapsPlanted,
            int gapsFlagged,
            int gapsUnplanted,
            long reportedBelowComputed,
            long breakdownsBelowComputed,
            Path report) {
        /** Whether every planted error and gap was found, and nothing else. */
        public boolean allFound() {
            return errorsFound == errorsPlanted
                    && errorsUnplanted == 0
                    && gapsFlagged == gapsPlanted
                    && gapsUnplanted == 0;
        }
    }

    /** Generates, offers the planted file, imports the clean one and reconciles; files go to {@code dir}. */
    public Summary run(Study study, Path dir, String actor) {
        Objects.requireNonNull(study, "study");
        Measures measures = Measures.of(study);
        MeasureCatalogue cat = measures.catalogue();
        Map<String, Integer> firstYears = measures.firstFundingYears();
        if (firstYears.isEmpty())
            throw Problem.refused(
                    "the study has no task forces with a first funding year", "import the task_force form first");
        List<SyntheticMeasures.Site> sites = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, Integer> e : firstYears.entrySet())
            sites.add(new SyntheticMeasures.Site(e.getKey(), e.getValue(), 0.6 + 0.2 * (i++ % 5)));
        Map<MeasureValue.Key, Long> floors = measures.caseFileCounts(cat);
        SyntheticMeasures gen = SyntheticMeasures.defaults()
                .withSeed(seed)
                .withThrough(THROUGH)
                .withPlantedGaps(GAPS)
                .withFloors(floors);
        SyntheticMeasures.Generated g = gen.generate(cat, sites);
        SyntheticMeasures.PlantedFile planted = gen.plantErrors(g, cat);
        try {
            OwnerOnlyFiles.folder(dir);
            Files.deleteIfExists(dir.resolve(CLEAN));
            Files.deleteIfExists(dir.resolve(PLANTED));
        } catch (IOException e) {
            throw Problem.internal("cannot prepare " + dir + " (" + e.getMessage() + ")", e);
        }
        Path clean = dir.resolve(CLEAN);
        Path withErrors = dir.resolve(PLANTED);
        MeasureFileWriter.write(clean, g.values(), cat);
        MeasureFileWriter.writeRaw(withErrors, planted.rows());
        Measures.Imported refused = measures.importFile(withErrors, false, actor);
        Set<SyntheticMeasures.PlantedError> found = new HashSet<>();
        for (Violation v : refused.violations())
            found.add(new SyntheticMeasures.PlantedError(v.row(), MeasureRule.ofCode(v.code())));
        Set<SyntheticMeasures.PlantedError> expected = new HashSet<>(planted.errors());
        int errorsFound = (int) expected.stream().filter(found::contains).count();
        int errorsUnplanted =
                (int) found.stream().filter(f -> !expected.contains(f)).count();
        Measures.Imported imported = measures.importFile(clean, false, actor);
        if (!imported.stored())
            throw Problem.internal(
                    "the demo's clean measures were refused: "
                            + imported.violations().get(0).message(),
                    null);
        List<ReconciliationRow> rows = measures.reconcile();
        Set<Reconciler.NoteKey> flagged = new HashSet<>();
        for (ReconciliationRow r : rows)
            if (r.flagged()) flagged.add(new Reconciler.NoteKey(r.tfId(), r.pairId(), r.quarter()));
        Set<Reconciler.NoteKey> gaps = new HashSet<>(g.gaps());
        int gapsFlagged = (int) gaps.stream().filter(flagged::contains).count();
        int gapsUnplanted =
                (int) flagged.stream().filter(k -> !gaps.contains(k)).count();
        long below = measures.compare(null).stream()
                .filter(c -> c.reported() != null && c.reported() < c.computed())
                .count();
        Path report = measures.report(dir.resolve(REPORT), REPORT_THRESHOLD, false, actor)
                .chapter();
        return new Summary(
                imported,
                refused,
                expected.size(),
                errorsFound,
                errorsUnplanted,
                gaps.size(),
                gapsFlagged,
                gapsUnplanted,
                below,
                measures.breakdownsBelowCoded(),
                report);
    }
}
