package org.tfeval.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tfeval.cli.report.RunCommand;
import org.tfeval.study.Demo;
import org.tfeval.study.Study;
import org.tfeval.study.accounts.DemoAccounts;
import org.tfeval.study.accounts.OneTimeAccount;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "demo",
        header = "Create a study with a SYNTHETIC data set and take it through the whole workflow.",
        description = {
            "On the embedded database: generate, import, draw the case sample, plant a few deliberate coding errors as a coder's",
            "edits, validate (finding them), snapshot, build the reports and the web accounts; then print what to run next."
        })
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "DIR",
            defaultValue = "demo-study",
            description = "The new study folder (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--cases", defaultValue = "226", description = "Cases (default: ${DEFAULT-VALUE}).")
    int cases;

    @Option(names = "--sites", defaultValue = "10", description = "Task forces (default: ${DEFAULT-VALUE}).")
    int sites;

    @Option(
            names = "--seed",
            defaultValue = "20240601",
            description = "Seed of the generator and the sample (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        PrintWriter pw = spec.commandLine().getOut();
        ConsoleProgress progress = new ConsoleProgress(System.err);
        Demo demo = Demo.defaults()
                .withCases(cases)
                .withSites(sites)
                .withSeed(seed)
                .withVersion(Tfeval.version())
                .withProgress(progress);
        Demo.Outcome o;
        List<OneTimeAccount> accounts;
        Path clean;
        try (Study study = Study.create(dir, "ecm", true, null)) {
            pw.printf(
                    "SYNTHETIC study %s created in %s%n",
                    study.folder().name(), study.folder().dir());
            pw.flush();
            o = demo.run(study);
            accounts = DemoAccounts.create(study);
            clean = study.folder().syntheticFiles();
        }
        pw.printf("Generated (seed %d): %s%n", seed, o.generated().rows());
        o.imports().forEach(r -> ImportCommand.print(pw, r, OutputFormat.TEXT));
        pw.printf(
                "SYNTHETIC interviews: %d participants, %d transcripts, reliability round %d (%s/)%n",
                o.interviews().participants(),
                o.interviews().transcripts(),
                o.interviews().round(),
                Demo.INTERVIEWS);
        var pm = o.measures();
        pw.printf(
                "SYNTHETIC performance measures: %d values imported (%s/); planted reporting errors found %d of %d"
                        + " (%d other); planted LE/VS gaps flagged %d of %d (%d other); reported totals and"
                        + " breakdowns below the coded case files: %d and %d%n  %s%n",
                pm.imported().inserted(),
                Demo.MEASURES,
                pm.errorsFound(),
                pm.errorsPlanted(),
                pm.errorsUnplanted(),
                pm.gapsFlagged(),
                pm.gapsPlanted(),
                pm.gapsUnplanted(),
                pm.reportedBelowComputed(),
                pm.breakdownsBelowComputed(),
                pm.report());
        var deid = o.interviews().deidentification().byKind().get("all");
        pw.printf(
                java.util.Locale.ROOT,
                "De-identification: suggestions found %.1f%% of %d planted identifiers (precision %.1f%%); after the"
                        + " scripted review %.1f%% are replaced; %.1f reviewer decisions per transcript%n",
                100 * deid.recall(),
                deid.planted(),
                100 * deid.precision(),
                100 * deid.recallAfterReview(),
                o.interviews().deidentification().decisionsPerTranscript());
        pw.printf(
                "Planted %d deliberate coding errors as audited edits (%d listed by the generator)%n",
                o.plantedEdits(), o.plannedErrors());
        pw.printf(
                "Case sample draw %d: %d cases (as agreed with each task force, %d ordered replacements each, seed"
                        + " %d) from %s; coded exactly the draw: %d unusable files replaced by %d replacements%n",
                o.sample().id(),
                o.sample().sampled(),
                Demo.SAMPLE_REPLACEMENTS,
                seed,
                o.generated().caseList().getFileName(),
                o.coded().values().stream().mapToInt(c -> c.unusable()).sum(),
                o.coded().values().stream().mapToInt(c -> c.replacementsUsed()).sum());
        pw.printf(
                "Double coding: %d case files coded again blind (%d disagreements planted, %d refused by the form's"
                        + " rules); agreement in the coding-reliability table%n",
                o.doubleCoded().cases(),
                o.doubleCoded().planted(),
                o.doubleCoded().refused());
        var v = o.frozen().validation();
        pw.printf(
                "Validation: %d errors, %d warnings %s -> %s%n",
                v.report().errors(), v.report().warnings(), v.report().countsByCode(), v.html());
        var sn = o.frozen().snapshot();
        pw.printf(
                "Snapshot %s%s%n  %s%n",
                sn.id(),
                sn.allowErrors() ? " (taken with the planted errors: --allow-errors, recorded in its manifest)" : "",
                sn.dir());
        RunCommand.print(pw, sn, o.reports());
        pw.printf("Done in %.1f s.%n", (System.nanoTime() - start) / 1e9);
        pw.printf("%nDemo accounts for the web application (passwords are shown only now; store them safely):%n");
        for (OneTimeAccount a : accounts) {
            pw.printf(
                    "  %-16s %-22s %-12s %s%n",
                    a.name(),
                    a.role().label(),
                    a.taskForces().isEmpty() ? "all" : String.join(",", a.taskForces()),
                    a.password());
        }
        pw.printf("%nNext:%n");
        String s = "--study " + dir;
        pw.printf(
                "  open %s                      the reports: technical report, task-force reports, practitioner brief%n",
                o.reports().index());
        pw.printf("  ./tfeval serve %s           the coding web application (sign in with an account above)%n", s);
        pw.printf("  open %s                      the validation report: find the planted errors%n", v.html());
        pw.printf("  ./tfeval validate %s        check the study again%n", s);
        pw.printf("  ./tfeval edit %s --form FORM --id ID --set VAR=VALUE --reason \"...\"   fix one%n", s);
        pw.printf("  ./tfeval snapshot %s        freeze the corrected study%n", s);
        pw.printf("  ./tfeval audit verify %s    check the hash-chained audit log%n", s);
        pw.printf(
                "  ./tfeval sample --verify %d --frame %s %s   re-derive the case sample%n",
                o.sample().id(), clean.resolve(o.generated().caseList().getFileName()), s);
        pw.flush();
        return ExitCodes.OK;
    }
}
