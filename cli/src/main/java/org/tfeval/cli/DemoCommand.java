package org.tfeval.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.tfeval.cli.report.RunCommand;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.workflow.WorkFolders;
import org.tfeval.snapshot.Snapshot;
import org.tfeval.store.Store;
import org.tfeval.store.edit.RecordEditor;
import org.tfeval.store.sample.SampleDraw;
import org.tfeval.store.sample.SampleSize;
import org.tfeval.store.sample.Sampler;
import org.tfeval.store.study.StudyWorkspace;
import org.tfeval.store.validate.ReportWriter;
import org.tfeval.store.validate.StudyValidator;
import org.tfeval.store.validate.ValidationReport;
import org.tfeval.synth.GeneratedStudy;
import org.tfeval.synth.StudyGenerator;
import org.tfeval.web.account.DemoAccounts;
import org.tfeval.web.account.OneTimeAccount;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "demo", description = {"Create a study with a SYNTHETIC data set on the embedded database: generate, import, draw the case sample,",
        "plant a few deliberate coding errors as a coder's edits, validate (finding them), snapshot, build the reports and web accounts;",
        "then print what to run next."})
final class DemoCommand implements Callable<Integer> {
    /** Reason recorded in the audit log for the planted errors. */
    static final String PLANTED = "deliberate coding error planted by tfeval demo (synthetic data)";

    @Spec
    CommandSpec spec;
    @Parameters(index = "0", paramLabel = "DIR", defaultValue = "demo-study", description = "The new study folder (default: ${DEFAULT-VALUE}).")
    Path dir;
    @Option(names = "--cases", defaultValue = "226")
    int cases;
    @Option(names = "--sites", defaultValue = "10")
    int sites;
    @Option(names = "--seed", defaultValue = "20240601")
    long seed;

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        PrintWriter pw = spec.commandLine().getOut();
        List<OneTimeAccount> accounts = List.of();
        Path reportDir = null;
        ConsoleProgress progress = new ConsoleProgress(System.err);
        StudyWorkspace ws = StudyWorkspace.init(dir, "ecm", true);
        Instrument ins = ws.instrument();
        Path clean = ws.dir().resolve("synthetic");
        Path planted = Files.createTempDirectory("tfeval-demo-");
        StudyGenerator generator = StudyGenerator.defaults().withCases(cases).withSites(sites).withSeed(seed);
        GeneratedStudy g = generator.withErrors(false).generate(ins, clean, (f, d, t) -> progress.progress("generate " + f, d, t));
        GeneratedStudy withErrors = generator.withErrors(true).generate(ins, planted, (f, d, t) -> progress.progress("plan errors " + f, d, t));
        pw.printf("SYNTHETIC study %s created in %s%n", ws.name(), ws.dir());
        pw.printf("Generated (seed %d): %s%n", seed, g.rows());
        try (var session = ws.open(null)) {
            Store store = session.store();
            if (!importAll(store, ins, clean, "tfeval-demo", pw, progress)) return ExitCodes.DATA_ERRORS;
            accounts = DemoAccounts.create(store);
            int edits = plant(store, ins, clean, planted);
            pw.printf("Planted %d deliberate coding errors as audited edits (%d listed by the generator)%n", edits, withErrors.injectedErrors().size());
            SampleDraw draw = Sampler.of(SampleSize.parse("20-40"), seed).withReplacements(5).draw(clean.resolve("case_list.csv"));
            draw = Sampler.record(store, draw, "tfeval-demo", Tfeval.version());
            SampleCommand.write(draw, ws.dir().resolve("samples").resolve("draw-" + draw.id() + ".csv"));
            pw.printf("Case sample draw %d: %d cases (20-40 per site, seed %d) from case_list.csv%n", draw.id(), draw.sampled(), seed);
            ValidationReport report = StudyValidator.of(store).withProgress(progress).validate();
            Path reports = ws.dir().resolve("reports");
            ReportWriter.writeJson(report, reports.resolve("validation.json"));
            ReportWriter.writeHtml(report, reports.resolve("validation.html"));
            pw.printf("Validation: %d errors, %d warnings %s -> %s%n", report.errors(), report.warnings(), report.countsByCode(),
                    reports.resolve("validation.html"));
            Snapshot sn = SnapshotCommand.take(session, report, !report.passed(), "tfeval-demo", progress);
            pw.printf("Snapshot %s%s%n  %s%n", sn.id(), sn.allowErrors() ? " (taken with the planted errors: --allow-errors, recorded in its manifest)" : "",
                    sn.dir());
            pw.flush();
            reportDir = RunCommand.defaultOut(ws.dir(), sn);
            RunCommand.buildReports(sn, ws.dir(), pw, progress);
        } finally {
            WorkFolders.deleteTree(planted);
        }
        pw.printf("Done in %.1f s.%n", (System.nanoTime() - start) / 1e9);
        pw.printf("%nDemo accounts for the web application (passwords are shown only now; store them safely):%n");
        for (OneTimeAccount a : accounts) {
            pw.printf("  %-16s %-22s %-12s %s%n", a.name(), a.role().label(), a.taskForces().isEmpty() ? "all" : String.join(",", a.taskForces()),
                    a.password());
        }
        pw.printf("%nNext:%n");
        String s = "--study " + dir;
        pw.printf("  open %s                      the reports: technical report, task-force reports, practitioner brief%n",
                reportDir == null ? ws.dir().resolve("reports") : reportDir.resolve("index.html"));
        pw.printf("  ./tfeval serve %s           the coding web application (sign in with an account above)%n", s);
        pw.printf("  open %s                      the validation report: find the planted errors%n", dir.resolve("reports/validation.html"));
        pw.printf("  ./tfeval validate %s        check the study again%n", s);
        pw.printf("  ./tfeval edit %s --form FORM --id ID --set VAR=VALUE --reason \"...\"   fix one%n", s);
        pw.printf("  ./tfeval snapshot %s        freeze the corrected study%n", s);
        pw.printf("  ./tfeval audit verify %s    check the hash-chained audit log%n", s);
        pw.printf("  ./tfeval sample --verify 1 --frame %s %s   re-derive the case sample%n", clean.resolve("case_list.csv"), s);
        pw.flush();
        return ExitCodes.OK;
    }

    /** Imports every form's CSV in instrument order. */
    static boolean importAll(Store store, Instrument ins, Path dir, String actor, PrintWriter pw, ConsoleProgress progress) {
        return GenerateCommand.importForms(store, ins, dir, actor, pw, progress);
    }

    /** Applies, as audited edits, every cell where the planted files differ from the clean ones. */
    static int plant(Store store, Instrument ins, Path clean, Path planted) throws IOException {
        RecordEditor editor = new RecordEditor(store, "tfeval-demo");
        int edits = 0;
        for (Form f : ins.forms()) {
            List<CSVRecord> a = read(clean.resolve(f.name() + ".csv"));
            List<CSVRecord> b = read(planted.resolve(f.name() + ".csv"));
            Map<String, CSVRecord> byKey = new HashMap<>();
            for (CSVRecord r : a) byKey.put(key(f, r), r);
            for (CSVRecord r : b) {
                CSVRecord original = byKey.get(key(f, r));
                if (original == null) continue;
                Map<String, String> changes = new java.util.LinkedHashMap<>();
                for (String col : r.getParser().getHeaderNames()) {
                    if (!r.get(col).equals(original.get(col))) changes.put(col, r.get(col));
                }
                if (!changes.isEmpty()) {
                    List<String> key = new ArrayList<>();
                    f.key().forEach(k -> key.add(r.get(k)));
                    editor.set(f.name(), key, changes, PLANTED);
                    edits++;
                }
            }
        }
        return edits;
    }

    private static String key(Form f, CSVRecord r) {
        StringBuilder b = new StringBuilder();
        for (String k : f.key()) b.append(r.get(k)).append('/');
        return b.toString();
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

}
