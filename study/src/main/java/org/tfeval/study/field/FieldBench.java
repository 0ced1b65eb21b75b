package org.tfeval.study.field;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Variable;
import org.tfeval.instrument.validation.ImportResult;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.instrument.workflow.ProgressListener;
import org.tfeval.study.Study;
import org.tfeval.study.accounts.Account;
import org.tfeval.study.accounts.AccountTable;
import org.tfeval.study.accounts.Accounts;
import org.tfeval.study.accounts.LockoutPolicy;
import org.tfeval.study.accounts.PasswordHasher;
import org.tfeval.study.accounts.Role;
import org.tfeval.study.backup.Passphrase;
import org.tfeval.study.coding.Coding;
import org.tfeval.study.sampling.Sampling;
import org.tfeval.study.transaction.Transactions;
import org.tfeval.synth.StudyGenerator;

/**
 * The check-in figure of issue 15, with its baseline in the same run: a generated site of
 * {@code cases} cases (with their victims and suspects) is (1) imported as CSV into one study,
 * the baseline, and (2) keyed on a laptop from a field package of another study, one save per
 * record as the screens do, then checked in; the check-in is timed. Then the save latency on the
 * keyed package: in each of {@link #ROUNDS} rounds the package is opened on the laptop twice,
 * first saving the old way (a new connection per save reading all of the package's coding rows,
 * {@link FieldSession.Reading#ALL_ROWS}), then the way the laptop saves ({@link
 * FieldSession.Reading#CHANGED_ROWS}), and {@link #TIMED_SAVES} saves of one field of one case
 * are timed in each. Embedded PostgreSQL throughout. Not a test.
 */
public final class FieldBench {
    /** The forms keyed on the laptop and imported as the baseline. */
    static final List<String> FORMS = List.of("case", "victim", "suspect");

    /** Rounds of timed saves; each opens the package once the old way, then once the new way. */
    static final int ROUNDS = 3;
    /** Saves timed per round and way of reading (after {@link #WARM_UP_SAVES} untimed ones). */
    static final int TIMED_SAVES = 20;
    /** Saves made before the timed ones, so both ways start from a warm database. */
    static final int WARM_UP_SAVES = 5;

    private static final Passphrase PASS = Passphrase.field("bench passphrase, not secret");
    private static final String PASSWORD = "bench password, not secret";

    private final int cases;
    private final long seed;

    private FieldBench(int cases, long seed) {
        if (cases < 1) throw new IllegalArgumentException("cases " + cases + " must be >= 1");
        this.cases = cases;
        this.seed = seed;
    }

    public static FieldBench of(int cases, long seed) {
        return new FieldBench(cases, seed);
    }

    /**
     * The figures.
     *
     * @param cases          cases in the package
     * @param records        records (cases, victims, suspects)
     * @param events         change events in the package
     * @param csvSeconds     the baseline: validated import of the same records as CSV
     * @param checkinSeconds checking the package in (decrypt, store every event once, merge, audit)
     * @param keyingSeconds  keying on the laptop, all saves (for scale; not part of the figure)
     * @param allRows        save latency the old way (every save reads all of the package's coding rows)
     * @param changedRows    save latency the way the laptop saves (only the rows that changed)
     */
    public record Figures(
            int cases,
            long records,
            int events,
            double csvSeconds,
            double checkinSeconds,
            double keyingSeconds,
            Latency allRows,
            Latency changedRows) {}

    /**
     * Timed saves of one field on the keyed package.
     *
     * @param saves          saves timed (over all rounds)
     * @param medianSaveMs   median of a whole save: the coding service's save plus the save to the package
     * @param medianSyncMs   median of the save to the package alone (read what changed, encrypt, append, fsync)
     * @param maxSyncMs      the slowest save to the package
     * @param rowsRead       coding rows one save to the package read from the laptop's database
     * @param packageRows    coding rows in the package (cases, passes, records)
     */
    public record Latency(
            int saves, double medianSaveMs, double medianSyncMs, double maxSyncMs, int rowsRead, int packageRows) {}

    public Figures run(Path work) {
        try {
            Files.createDirectories(work);
            Path data = work.resolve("data");
            StudyGenerator.defaults()
                    .withCases(cases)
                    .withSites(1)
                    .withSeed(seed)
                    .withErrors(false)
                    .generate(
                            org.tfeval.instrument.InstrumentLoader.builtIn("ecm"),
                            data,
                            org.tfeval.synth.ProgressListener.none());
            double csv;
            long records = 0;
            try (Study base = Study.create(work.resolve("baseline"), "ecm", true, null)) {
                importOrFail(base, "task_force", data);
                long t0 = System.nanoTime();
                for (String f : FORMS) records += importOrFail(base, f, data);
                csv = seconds(t0);
            }
            try (Study office = Study.create(work.resolve("office"), "ecm", true, null);
                    Transactions tx = Transactions.open(office, 4)) {
                importOrFail(office, "task_force", data);
                List<CSVRecord> caseRows = rows(data.resolve("case.csv"));
                String site = caseRows.get(0).get("TF_ID");
                Accounts accounts =
                        new Accounts(tx, PasswordHasher.defaults().withCost(64, 1), LockoutPolicy.defaults());
                Account admin = accounts.create("bench", "bench-admin", Role.ADMINISTRATOR, Set.of(), PASSWORD);
                accounts.create("bench", "bench-coder", Role.CODER, Set.of(site), PASSWORD);
                Path frame = work.resolve("frame.csv");
                StringBuilder fr = new StringBuilder("TF_ID,CASE_REF\n");
                for (CSVRecord r : caseRows)
                    fr.append(site).append(',').append(r.get("CASE_ID")).append('\n');
                Files.writeString(frame, fr, StandardCharsets.UTF_8);
                Sampling.Outcome drawn =
                        new Sampling(tx, "bench").draw(admin, frame, Integer.toString(cases), "1", "0");
                if (!drawn.drawn()) throw Problem.internal("the bench draw failed: " + drawn.problems(), null);
                Field field = new Field(tx);
                Path pkg = work.resolve("site.tfpkg");
                field.checkout("bench", site, "bench-coder", Duration.ofDays(1), pkg, PASS);
                long t0 = System.nanoTime();
                long timedRecord = key(pkg, site, drawn.drawId(), caseRows, data);
                double keying = seconds(t0);
                t0 = System.nanoTime();
                Field.Checkin in = field.checkin("bench", pkg, PASS);
                double checkin = seconds(t0);
                if (in.conflicts() != 0) throw Problem.internal("the bench check-in queued conflicts", null);
                Latency[] latency = latencies(pkg, timedRecord);
                return new Figures(cases, records, in.events(), csv, checkin, keying, latency[0], latency[1]);
            }
        } catch (IOException e) {
            throw Problem.internal("the field benchmark failed in " + work + " (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Keys every case, victim and suspect of the generated files on a laptop, one save per
     * record; returns the case record of the middle case (the one the latency saves change).
     */
    private static long key(Path pkg, String site, long draw, List<CSVRecord> caseRows, Path data) throws IOException {
        Map<String, List<CSVRecord>> victims = byCase(rows(data.resolve("victim.csv")));
        Map<String, List<CSVRecord>> suspects = byCase(rows(data.resolve("suspect.csv")));
        try (FieldSession laptop = FieldSession.open(pkg, PASS, null, Clock.systemUTC());
                Transactions ltx = Transactions.open(laptop.study(), 2)) {
            Coding coding = new Coding(ltx);
            Account coder = ltx.tx(c -> AccountTable.find(c, "bench-coder").orElseThrow());
            long timed = -1;
            for (CSVRecord r : caseRows) {
                String caseId = coding.start(coder, site, Long.toString(draw), r.get("CASE_ID"));
                long root = coding.open(coder, caseId, 1).sheet().root().id();
                if (timed < 0 && r.getRecordNumber() > caseRows.size() / 2) timed = root;
                coding.save(coder, root, entered(coding, "case", r), null);
                laptop.sync();
                for (String child : List.of("victim", "suspect")) {
                    for (CSVRecord v :
                            (child.equals("victim") ? victims : suspects).getOrDefault(r.get("CASE_ID"), List.of())) {
                        long id = coding.add(coder, root, child).id();
                        laptop.sync();
                        coding.save(coder, id, entered(coding, child, v), null);
                        laptop.sync();
                    }
                }
            }
            return timed;
        }
    }

    /**
     * The save latency of both ways of reading, in {@link #ROUNDS} rounds that alternate them (the
     * old way first in each round), so a change in the machine's load falls on both.
     */
    private static Latency[] latencies(Path pkg, long record) {
        List<Double> wholeBefore = new ArrayList<>();
        List<Double> syncBefore = new ArrayList<>();
        List<Double> wholeAfter = new ArrayList<>();
        List<Double> syncAfter = new ArrayList<>();
        int[] rowsBefore = new int[2];
        int[] rowsAfter = new int[2];
        for (int round = 0; round < ROUNDS; round++) {
            timeSaves(pkg, record, FieldSession.Reading.ALL_ROWS, round, wholeBefore, syncBefore, rowsBefore);
            timeSaves(pkg, record, FieldSession.Reading.CHANGED_ROWS, round, wholeAfter, syncAfter, rowsAfter);
        }
        return new Latency[] {latency(wholeBefore, syncBefore, rowsBefore), latency(wholeAfter, syncAfter, rowsAfter)};
    }

    private static Latency latency(List<Double> whole, List<Double> sync, int[] rows) {
        return new Latency(
                sync.size(),
                median(whole),
                median(sync),
                sync.stream().mapToDouble(Double::doubleValue).max().orElse(0),
                rows[0],
                rows[1]);
    }

    /**
     * Opens the keyed package saving the given way and times {@link #TIMED_SAVES} saves of one
     * field of one case record (after {@link #WARM_UP_SAVES}); adds the times in ms to {@code whole}
     * and {@code sync} and sets {@code rows} to the rows one save read and the package's coding rows.
     */
    private static void timeSaves(
            Path pkg,
            long record,
            FieldSession.Reading reading,
            int round,
            List<Double> whole,
            List<Double> sync,
            int[] rows) {
        try (FieldSession laptop = FieldSession.open(pkg, PASS, FieldSession.Options.defaults(), reading);
                Transactions ltx = Transactions.open(laptop.study(), 2)) {
            Coding coding = new Coding(ltx);
            Account coder = ltx.tx(c -> AccountTable.find(c, "bench-coder").orElseThrow());
            for (int i = -WARM_UP_SAVES; i < TIMED_SAVES; i++) {
                long t0 = System.nanoTime();
                coding.save(coder, record, Map.of("NARRATIVE", reading.name() + " " + round + " save " + i), null);
                long t1 = System.nanoTime();
                if (laptop.sync() == 0) throw Problem.internal("a bench save changed nothing", null);
                long t2 = System.nanoTime();
                if (i < 0) continue;
                whole.add((t2 - t0) / 1e6);
                sync.add((t2 - t1) / 1e6);
                rows[0] = laptop.lastRowsRead();
            }
            rows[1] = ltx.tx(c -> LaptopState.read(c).rows());
        }
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    private static Map<String, String> entered(Coding coding, String form, CSVRecord r) {
        Form f = coding.instrument().form(form);
        Map<String, String> out = new LinkedHashMap<>();
        for (Variable v : coding.enteredVariables(f)) if (r.isMapped(v.name())) out.put(v.name(), r.get(v.name()));
        return out;
    }

    private static Map<String, List<CSVRecord>> byCase(List<CSVRecord> rows) {
        Map<String, List<CSVRecord>> out = new LinkedHashMap<>();
        for (CSVRecord r : rows)
            out.computeIfAbsent(r.get("CASE_ID"), k -> new ArrayList<>()).add(r);
        return out;
    }

    private static List<CSVRecord> rows(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser p = CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(in)) {
            return p.getRecords();
        }
    }

    private static long importOrFail(Study s, String form, Path data) {
        ImportResult r = s.importFile(form, data.resolve(form + ".csv"), "bench", "bench", ProgressListener.NONE);
        if (!r.stored()) throw Problem.internal("bench import of " + form + " failed: " + r.countsByCode(), null);
        return r.rows();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
