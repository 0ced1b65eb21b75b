package org.tfeval.release.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.tfeval.instrument.disclosure.GroupProfile;
import org.tfeval.release.disclosure.DisclosureReport;
import org.tfeval.release.disclosure.Generalisation;
import org.tfeval.release.disclosure.RiskProfile;
import org.tfeval.release.disclosure.Thresholds;
import org.tfeval.snapshot.Snapshot;

/**
 * The figures of issue 12 for a snapshot (not a test; {@code release/bench/figures.sh}): a public
 * release at the default thresholds, its chosen generalization and runner-up with the three loss
 * metrics, the share of values suppressed and cases removed, the largest re-identification risk per
 * attacker, and the attacks' results.
 */
public final class ReleaseFigures {
    private ReleaseFigures() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ReleaseFigures SNAPSHOT_DIR OUT_DIR [K [joined|separate [MAX_LOSS]]]");
            System.exit(2);
        }
        Snapshot sn = Snapshot.open(Path.of(args[0]));
        Path out = Path.of(args[1]).toAbsolutePath();
        Files.createDirectories(out);
        Path key = out.resolve("figures.key");
        Files.deleteIfExists(key);
        Path pkg = out.resolve("public");
        org.tfeval.instrument.workflow.WorkFolders.deleteTree(pkg);
        long t0 = System.nanoTime();
        int k = args.length > 2 ? Integer.parseInt(args[2]) : Thresholds.DEFAULT_K;
        DisclosureOptions options = DisclosureOptions.defaults();
        if (args.length > 3) {
            options = options.withScenario(org.tfeval.instrument.disclosure.Scenario.of(args[3]));
        }
        ReleaseResult r = ReleaseBuilder.of(sn)
                .withKeyFile(key)
                .withThresholds(Thresholds.defaults()
                        .withK(k)
                        .withMaxLoss(args.length > 4 ? Double.parseDouble(args[4]) : Thresholds.DEFAULT_MAX_LOSS))
                .withDisclosure(options)
                .build(pkg);
        System.out.printf(Locale.ROOT, "public release at the defaults: %.1f s%n", (System.nanoTime() - t0) / 1e9);
        print(r.report(), r.microdata());
        if (r.microdata()) {
            System.out.printf(
                    Locale.ROOT,
                    "attack: task-force profile link, cases whose profile covers < %d task forces: %d%n",
                    GroupProfile.MIN_GROUPS,
                    ReleaseAttacks.profileLink(r, sn, ReleaseAttacks.key(key), GroupProfile.MIN_GROUPS));
            int[] d = ReleaseAttacks.docket(r, sn, ReleaseAttacks.key(key), k);
            System.out.printf(
                    Locale.ROOT,
                    "attack: docket matching, %d sentenced suspects: %d matched by one row, %d by fewer than k cases%n",
                    d[2],
                    d[1],
                    d[0]);
            System.out.printf(
                    Locale.ROOT,
                    "attack: year restoration, cases with a suppressed year narrowed to <= 2 years: %d%n",
                    ReleaseAttacks.yearRestoration(r));
        }
    }

    static void print(DisclosureReport report, boolean microdata) {
        System.out.println(
                "path: " + (microdata ? "public microdata" : "aggregate tables (microdata restricted-only)"));
        System.out.println("scenario: " + report.scenario());
        report.chosenGeneralisation().ifPresent(g -> {
            System.out.printf(
                    Locale.ROOT,
                    "lattice: %,d nodes, %,d counted (%s)%n",
                    g.latticeSize(),
                    g.evaluated(),
                    g.exhaustive() ? "full" : "Flash");
            node("chosen", g.chosen());
            if (g.runnerUp() != null) {
                node("runner-up", g.runnerUp());
            }
        });
        System.out.printf(
                Locale.ROOT,
                "suppressed: %.1f%% of quasi-identifier values, %.1f%% of sensitive values; cases removed: %d of %d%n",
                100 * report.loss().suppressedQuasiShare(),
                100 * report.loss().suppressedSensitiveShare(),
                report.loss().removedCases(),
                report.loss().cases());
        for (RiskProfile p : report.risk()) {
            System.out.printf(
                    Locale.ROOT,
                    "risk %-40s smallest class %5d  max risk %.3f  cases at risk %d%n",
                    p.stage(),
                    p.smallestClass(),
                    p.smallestClass() == 0 ? 0.0 : 1.0 / p.smallestClass(),
                    p.casesAtRisk());
        }
        report.notes().forEach(n -> System.out.println("note: " + n));
    }

    private static void node(String what, Generalisation.Node n) {
        System.out.printf(
                Locale.ROOT,
                "%s: %s Loss %.3f, NUE %.1f bits, discernibility %.0f, outliers %.1f%%%n  %s%n",
                what,
                n.levels(),
                n.loss(),
                n.entropy(),
                n.discernibility(),
                100 * n.outlierCaseShare(),
                n.variables());
    }
}
