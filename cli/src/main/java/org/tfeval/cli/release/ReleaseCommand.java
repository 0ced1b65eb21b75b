package org.tfeval.cli.release;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tfeval.cli.ConsoleProgress;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.StudyOptions;
import org.tfeval.cli.Tfeval;
import org.tfeval.instrument.ReleaseLevel;
import org.tfeval.instrument.disclosure.Scenario;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.release.disclosure.LossMetric;
import org.tfeval.release.disclosure.Thresholds;
import org.tfeval.release.pipeline.DisclosureOptions;
import org.tfeval.release.pipeline.ReleaseBuilder;
import org.tfeval.release.pipeline.ReleaseResult;
import org.tfeval.snapshot.Snapshot;
import org.tfeval.study.StudyFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tfeval release}: a release package from a snapshot. */
@Command(
        name = "release",
        header = "Build a data release package (public or restricted use) from a snapshot.",
        description = {
            "Build a data release package from a snapshot: disclosure control driven by the instrument's disclosure roles and",
            "release levels, then every dataset as CSV, Stata, SPSS, SAS transport and Parquet with SPSS, SAS, Stata and R setups,",
            "HTML, PDF and DDI codebooks, a disclosure report, a processing log, README and manifest (SHA-256 of every file).",
            "Public-use: dates as years or intervals, ages in bands with coded tails, rare categories collapsed, k-anonymity on the",
            "joined case-victim-suspect view by local suppression (-6), l-diversity on sensitive variables. The package is built",
            "aside and moved into place at the end: when the target cannot be met, nothing is written."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the package was written",
            "1:refused: the disclosure target cannot be met within the limits",
            "2:bad usage or configuration (unknown snapshot or variable, k < 2, existing folder)",
            "3:internal failure"
        })
public final class ReleaseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Option(
            names = "--snapshot",
            required = true,
            paramLabel = "ID",
            description =
                    "The snapshot: its ID or a unique prefix (under the study's snapshots/), or a snapshot folder.")
    String snapshot;

    @Option(names = "--level", required = true, paramLabel = "public|restricted", description = "Release level.")
    String level;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "The package folder to create (must not exist, or be empty).")
    Path out;

    @Option(
            names = "--k",
            paramLabel = "K",
            defaultValue = "" + Thresholds.DEFAULT_K,
            description = "Smallest class of the joined view, in distinct cases (public; default ${DEFAULT-VALUE}).")
    int k;

    @Option(
            names = "--l",
            paramLabel = "L",
            defaultValue = "" + Thresholds.DEFAULT_L,
            description =
                    "Distinct values of each sensitive variable per class (public; 1 = off; default ${DEFAULT-VALUE}).")
    int l;

    @Option(
            names = "--band-width",
            paramLabel = "N",
            defaultValue = "" + Thresholds.DEFAULT_BAND_WIDTH,
            description =
                    "Width of the bands of ages and other integer quasi-identifiers (public; default ${DEFAULT-VALUE}).")
    int bandWidth;

    @Option(
            names = "--max-suppressed-share",
            paramLabel = "SHARE",
            defaultValue = "" + Thresholds.DEFAULT_MAX_SUPPRESSED_VALUE_SHARE,
            description =
                    "Refuse when more than this share of quasi-identifier (or sensitive) values must be suppressed (default ${DEFAULT-VALUE}).")
    double maxSuppressedShare;

    @Option(
            names = "--max-removed-share",
            paramLabel = "SHARE",
            defaultValue = "" + Thresholds.DEFAULT_MAX_REMOVED_CASE_SHARE,
            description = "Refuse when more than this share of cases must be left out (default ${DEFAULT-VALUE}).")
    double maxRemovedShare;

    @Option(
            names = "--quasi",
            paramLabel = "VARIABLE",
            split = ",",
            description = "Also treat these variables as quasi-identifiers (VARIABLE or form.VARIABLE).")
    List<String> quasi = List.of();

    @Option(
            names = "--max-loss",
            paramLabel = "LOSS",
            defaultValue = "" + Thresholds.DEFAULT_MAX_LOSS,
            description =
                    "Public microdata give way to aggregate tables when the least information loss (ARX Loss, 0-1) "
                            + "of the generalization is above this (default ${DEFAULT-VALUE}).")
    double maxLoss;

    @Option(
            names = "--scenario",
            paramLabel = "joined|separate",
            description =
                    "Disclosure scenario (public): one joined case-victim-suspect view, or separate case-victim and "
                            + "case-suspect views as risk units (default: the instrument's disclosure_model).")
    String scenario;

    @Option(
            names = "--pin",
            paramLabel = "DIMENSION=LEVEL",
            split = ",",
            description =
                    "Pin a generalization level (public): a dimension of the instrument's hierarchies (age, years, "
                            + "intervals, ...) or form.VARIABLE, at level 0 (as released) up to its top (suppressed).")
    Map<String, Integer> pins = new LinkedHashMap<>();

    @Option(
            names = "--metric",
            paramLabel = "loss|entropy|discernibility",
            defaultValue = "loss",
            description =
                    "Information-loss metric the generalization search minimises (public; default ${DEFAULT-VALUE}).")
    String metric;

    @Option(
            names = "--keep-key",
            paramLabel = "FILE",
            description =
                    "Keep the pseudonymisation key in FILE (outside the package). Without it the key is discarded.")
    Path keepKey;

    @Override
    public Integer call() {
        PrintWriter pw = spec.commandLine().getOut();
        ReleaseLevel releaseLevel = level(level);
        Thresholds thresholds = Thresholds.defaults()
                .withK(k)
                .withL(l)
                .withBandWidth(bandWidth)
                .withMaxSuppressedValueShare(maxSuppressedShare)
                .withMaxRemovedCaseShare(maxRemovedShare)
                .withMaxLoss(maxLoss);
        StudyFolder folder = study.folder();
        Snapshot sn = folder.snapshot(snapshot);
        ReleaseResult r = folder.buildRelease(
                ReleaseBuilder.of(sn)
                        .withLevel(releaseLevel)
                        .withThresholds(thresholds)
                        .withExtraQuasiIdentifiers(quasi)
                        .withKeyFile(keepKey)
                        .withDisclosure(DisclosureOptions.defaults()
                                .withScenario(scenario == null ? null : Scenario.of(scenario))
                                .withPins(pins)
                                .withMetric(LossMetric.of(metric)))
                        .withProgress(new ConsoleProgress(System.err))
                        .withVersion(Tfeval.version()),
                out);
        pw.printf(
                Locale.ROOT,
                "Release package %s (%s-use) from snapshot %s%n",
                r.dir(),
                releaseLevel.name().toLowerCase(Locale.ROOT),
                r.snapshotId());
        pw.printf(Locale.ROOT, "  rows: %s%n", r.rows());
        if (releaseLevel == ReleaseLevel.PUBLIC && !r.microdata()) {
            pw.printf(
                    Locale.ROOT,
                    "  public tier: aggregate tables only; microdata are restricted-use only (see the README)%n");
        }
        r.report()
                .chosenGeneralisation()
                .ifPresent(g -> pw.printf(
                        Locale.ROOT,
                        "  generalization (%s): %s, Loss %.3f%n",
                        r.report().scenario(),
                        g.chosen().levels(),
                        g.chosen().loss()));
        if (releaseLevel == ReleaseLevel.PUBLIC && r.microdata()) {
            pw.printf(
                    Locale.ROOT,
                    "  k = %d, l = %d: %.1f%% of quasi-identifier values and %.1f%% of sensitive values suppressed, %d cases left out%n",
                    k,
                    l,
                    100 * r.report().loss().suppressedQuasiShare(),
                    100 * r.report().loss().suppressedSensitiveShare(),
                    r.report().loss().removedCases());
        }
        pw.printf(
                Locale.ROOT,
                "  %d files; see %s and %s%n",
                r.files().size() + 1,
                r.dir().resolve(ReleaseBuilder.DISCLOSURE_HTML),
                r.dir().resolve(ReleaseBuilder.README));
        if (keepKey != null) {
            pw.printf(Locale.ROOT, "  pseudonymisation key kept in %s: keep it apart from the package%n", keepKey);
        }
        pw.flush();
        return ExitCodes.OK;
    }

    static ReleaseLevel level(String text) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "public":
                return ReleaseLevel.PUBLIC;
            case "restricted":
                return ReleaseLevel.RESTRICTED;
            default:
                throw Problem.usage("--level must be public or restricted, not '" + text + "'");
        }
    }
}
