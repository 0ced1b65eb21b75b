package org.tfeval.analysis.data;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.MissingCode;
import org.tfeval.instrument.Variable;
import org.tfeval.instrument.VariableType;
import org.tfeval.instrument.sql.SqlIdentifier;
import org.tfeval.snapshot.Snapshot;

/**
 * A snapshot read for analysis. Reads the Parquet files with DuckDB (never the store): every
 * coded, integer, decimal and date variable of the task-force, case, victim and suspect datasets,
 * plus values the analyses need that span datasets:
 * <ul>
 *   <li>the case outcome flags {@link #CASE_OUTCOMES} on cases, from the case's suspects with the
 *       skip logic respected: a suspect reaches a stage only after its precondition (a suspect not
 *       prosecuted was not charged, convicted or sentenced, whatever the not-applicable code says);
 *       a case has the outcome (1) when any suspect has it, not (0) when every suspect is known not
 *       to (also when the case has no suspects), else the smallest missing code among its suspects.
 *       The stored derived flags ({@code ANY_HT_CHARGE}, ...) read a not-applicable code as
 *       unknown, which would drop cases from denominators;</li>
 *   <li>{@value #CASE_CLOSE_DATE} on suspects: the case's close date (for censoring pending
 *       dispositions).</li>
 * </ul>
 */
public final class StudyData {
    /** The code a blank cell counts as: not recorded. */
    private static final int BLANK = MissingCode.NOT_RECORDED.code();

    /** Cases: any suspect arrested (computed here from the suspects). */
    public static final String CASE_ARREST = "CASE_ARREST";
    /** Cases: any suspect prosecuted (computed here). */
    public static final String CASE_PROSECUTION = "CASE_PROSECUTION";
    /** Cases: any suspect charged under a trafficking statute (computed here). */
    public static final String CASE_HT_CHARGE = "CASE_HT_CHARGE";
    /** Cases: any suspect convicted, at trial or by plea (computed here). */
    public static final String CASE_CONVICTION = "CASE_CONVICTION";
    /** Cases: any suspect sentenced (computed here). */
    public static final String CASE_SENTENCE = "CASE_SENTENCE";
    /**
     * Cases: any suspect both charged under a trafficking statute and convicted (computed here): the
     * trafficking path of the funnel, a subset of {@link #CASE_HT_CHARGE}. The conviction may be on any of the
     * suspect's charges (the form records one disposition per suspect).
     */
    public static final String CASE_HT_CONVICTION = "CASE_HT_CONVICTION";
    /** The case outcome flags computed here, in funnel order (the trafficking path last). */
    public static final List<String> CASE_OUTCOMES =
            List.of(CASE_ARREST, CASE_PROSECUTION, CASE_HT_CHARGE, CASE_CONVICTION, CASE_SENTENCE, CASE_HT_CONVICTION);
    /** Suspects: the close date of the suspect's case (joined here). */
    public static final String CASE_CLOSE_DATE = "CASE_CLOSE_DATE";
    /** Threads DuckDB may use. */
    static final int DUCKDB_THREADS = 2;

    private final Instrument instrument;
    private final SnapshotInfo snapshot;
    private final List<TaskForce> taskForces;
    private final FormData cases;
    private final FormData victims;
    private final FormData suspects;
    private final org.tfeval.snapshot.DrawDesign drawDesign;
    private final org.tfeval.snapshot.CodingPairs codingPairs;

    /** Study data from parts (tests), without a recorded draw. */
    public StudyData(
            Instrument instrument,
            SnapshotInfo snapshot,
            List<TaskForce> taskForces,
            FormData cases,
            FormData victims,
            FormData suspects) {
        this(
                instrument,
                snapshot,
                taskForces,
                cases,
                victims,
                suspects,
                org.tfeval.snapshot.DrawDesign.NONE,
                org.tfeval.snapshot.CodingPairs.NONE);
    }

    /** Study data from parts with the sample design of the snapshot's recorded draw. */
    public StudyData(
            Instrument instrument,
            SnapshotInfo snapshot,
            List<TaskForce> taskForces,
            FormData cases,
            FormData victims,
            FormData suspects,
            org.tfeval.snapshot.DrawDesign drawDesign,
            org.tfeval.snapshot.CodingPairs codingPairs) {
        this.drawDesign = Objects.requireNonNull(drawDesign, "drawDesign");
        this.codingPairs = Objects.requireNonNull(codingPairs, "codingPairs");
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
        this.taskForces = List.copyOf(taskForces);
        this.cases = Objects.requireNonNull(cases, "cases");
        this.victims = Objects.requireNonNull(victims, "victims");
        this.suspects = Objects.requireNonNull(suspects, "suspects");
        for (int i = 0; i < this.taskForces.size(); i++) {
            if (this.taskForces.get(i).index() != i)
                throw new IllegalArgumentException(
                        "task force " + this.taskForces.get(i).id() + " has index "
                                + this.taskForces.get(i).index() + " at position " + i);
        }
    }

    /** The recorded draw the cases were coded from ({@code DrawDesign.NONE} when the snapshot has none). */
    public org.tfeval.snapshot.DrawDesign drawDesign() {
        return drawDesign;
    }

    /** The double-coded pairs of the snapshot ({@code CodingPairs.NONE} when no case file was coded twice). */
    public org.tfeval.snapshot.CodingPairs codingPairs() {
        return codingPairs;
    }

    public Instrument instrument() {
        return instrument;
    }

    public SnapshotInfo snapshot() {
        return snapshot;
    }

    /** Task forces, sorted by ID. */
    public List<TaskForce> taskForces() {
        return taskForces;
    }

    public FormData cases() {
        return cases;
    }

    public FormData victims() {
        return victims;
    }

    public FormData suspects() {
        return suspects;
    }

    /** The label of a code of a variable, or {@code "code N"} when undocumented. */
    public String label(String form, String variable, long code) {
        String l = instrument.form(form).variable(variable).labelOf(code);
        return l != null ? l : "code " + code;
    }

    /** The documented codes of a coded variable, in instrument order. */
    public List<Long> codes(String form, String variable) {
        return List.copyOf(
                instrument.form(form).variable(variable).valueLabels().keySet());
    }

    /** The variable label of a variable. */
    public String variableLabel(String form, String variable) {
        return instrument.form(form).variable(variable).label();
    }

    /** Task forces that have at least one case in the snapshot. */
    public List<TaskForce> sitesWithCases() {
        boolean[] has = new boolean[taskForces.size()];
        for (int i = 0; i < cases.rows(); i++) {
            if (cases.site(i) >= 0) has[cases.site(i)] = true;
        }
        return taskForces.stream().filter(t -> has[t.index()]).toList();
    }

    /** Reads a snapshot: the task forces first, then cases, victims and suspects side by side (one DuckDB database each). */
    public static StudyData load(Snapshot snapshot) {
        Instrument ins = snapshot.instrument();
        List<TaskForce> tfs =
                query(st -> taskForces(st, ins.form("task_force"), parquet(snapshot, "task_force")), snapshot);
        String siteSql = "(SELECT TF_ID, CAST(row_number() OVER (ORDER BY TF_ID) - 1 AS INTEGER) AS __SITE FROM "
                + parquet(snapshot, "task_force") + ")";
        String close = "(SELECT CASE_ID, CASE_CLOSE_DATE AS __CLOSE, CASE_CLOSE_DATE__MC AS __CLOSE_MC FROM "
                + parquet(snapshot, "case") + ")";
        List<java.util.concurrent.Callable<FormData>> reads = List.of(
                () -> query(
                        st -> form(
                                st,
                                ins.form("case"),
                                parquet(snapshot, "case"),
                                siteSql,
                                " LEFT JOIN " + caseOutcomes(parquet(snapshot, "suspect"), Conviction.of(ins))
                                        + " x USING (CASE_ID)",
                                CASE_OUTCOMES.stream()
                                        .map(c -> "COALESCE(x." + c + ", 0) AS " + c)
                                        .toList(),
                                CASE_OUTCOMES,
                                List.of(),
                                "CASE_ID"),
                        snapshot),
                () -> query(
                        st -> form(
                                st,
                                ins.form("victim"),
                                parquet(snapshot, "victim"),
                                siteSql,
                                "",
                                List.of(),
                                List.of(),
                                List.of(),
                                "VICTIM_ID"),
                        snapshot),
                () -> query(
                        st -> form(
                                st,
                                ins.form("suspect"),
                                parquet(snapshot, "suspect"),
                                siteSql,
                                " LEFT JOIN " + close + " k USING (CASE_ID)",
                                List.of(
                                        "CAST(k.__CLOSE - DATE '1970-01-01' AS INTEGER) AS " + CASE_CLOSE_DATE,
                                        "COALESCE(k.__CLOSE_MC, " + BLANK + ") AS " + CASE_CLOSE_DATE + "__MC"),
                                List.of(),
                                List.of(CASE_CLOSE_DATE),
                                "SUSPECT_ID"),
                        snapshot));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(READ_THREADS);
        try {
            List<FormData> forms = new ArrayList<>();
            for (var f : pool.invokeAll(reads)) forms.add(f.get());
            return new StudyData(
                    ins,
                    SnapshotInfo.of(snapshot),
                    tfs,
                    forms.get(0),
                    forms.get(1),
                    forms.get(2),
                    snapshot.drawDesign(),
                    snapshot.codingPairs());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading snapshot " + snapshot.id(), e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(
                    "cannot read snapshot " + snapshot.id() + ": " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Datasets read at once. */
    static final int READ_THREADS = 2;

    private interface Query<T> {
        T run(Statement st) throws SQLException;
    }

    private static <T> T query(Query<T> q, Snapshot snapshot) {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = duck.createStatement()) {
            st.execute("SET threads TO " + DUCKDB_THREADS);
            return q.run(st);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot read snapshot " + snapshot.id() + " (" + e.getSQLState() + "): "
                            + e.getMessage().split("\n")[0],
                    e);
        }
    }

    /** Per case, the outcome flags from its suspects (see the class comment). */
    static String caseOutcomes(String suspects, Conviction conviction) {
        String prosecuted = "CASE WHEN S_PROSECUTED = 0 THEN 0 WHEN S_PROSECUTED = 1 THEN %s ELSE "
                + known("S_PROSECUTED") + " END";
        String convicted = String.format(
                prosecuted,
                "CASE WHEN S_DISPOSITION IN (" + Conviction.sqlList(conviction.convicting())
                        + ") THEN 1 WHEN S_DISPOSITION IN (" + Conviction.sqlList(conviction.notConvicting())
                        + ") THEN 0 ELSE " + known("S_DISPOSITION") + " END");
        String sentenced = "CASE WHEN (" + convicted + ") = 1 THEN (CASE WHEN S_SENTENCE_TYPE IN ("
                + Conviction.sqlList(conviction.sentenceTypes()) + ") THEN 1 ELSE " + known("S_SENTENCE_TYPE")
                + " END) ELSE (" + convicted + ") END";
        String statuses = "SELECT CASE_ID, " + yesNo("S_ARRESTED") + " AS a, " + yesNo("S_PROSECUTED") + " AS p, "
                + String.format(prosecuted, yesNo("S_HT_CHARGED")) + " AS h, " + convicted + " AS c, " + sentenced
                + " AS s, CASE WHEN (" + String.format(prosecuted, yesNo("S_HT_CHARGED")) + ") = 1 THEN (" + convicted
                + ") ELSE (" + String.format(prosecuted, yesNo("S_HT_CHARGED")) + ") END AS hc FROM " + suspects;
        return "(SELECT CASE_ID, " + any("a") + " AS " + CASE_ARREST + ", " + any("p") + " AS " + CASE_PROSECUTION
                + ", " + any("h") + " AS "
                + CASE_HT_CHARGE + ", " + any("c") + " AS " + CASE_CONVICTION + ", " + any("s") + " AS " + CASE_SENTENCE
                + ", " + any("hc") + " AS " + CASE_HT_CONVICTION
                + " FROM (" + statuses
                + ") GROUP BY CASE_ID)";
    }

    /** A yes/no value as is; any other non-missing value as -1 (undocumented). */
    private static String yesNo(String v) {
        return "CASE WHEN " + v + " IN (0, 1) OR " + v + " < 0 THEN " + v + " ELSE -1 END";
    }

    /** A value that should have been 0 or 1 or a code in range: negative stays (missing), else -1. */
    private static String known(String v) {
        return "CASE WHEN " + v + " < 0 THEN " + v + " ELSE -1 END";
    }

    private static String any(String s) {
        return "CASE WHEN bool_or(" + s + " = 1) THEN 1 WHEN bool_and(" + s + " = 0) THEN 0 ELSE min(" + s + ") END";
    }

    private static String parquet(Snapshot s, String form) {
        Path p = s.dataset(form);
        if (!p.toFile().isFile()) throw new UncheckedIOException(new java.io.FileNotFoundException(p.toString()));
        return "read_parquet('" + p.toString().replace("'", "''") + "')";
    }

    private static List<TaskForce> taskForces(Statement st, Form form, String source) throws SQLException {
        List<String> ints = new ArrayList<>();
        for (Variable v : form.variables()) {
            if (v.type() == VariableType.CODE || v.type() == VariableType.INTEGER) ints.add(v.name());
        }
        List<TaskForce> out = new ArrayList<>();
        String sql = "SELECT TF_ID, TF_STATE"
                + (ints.isEmpty()
                        ? ""
                        : ", "
                                + String.join(
                                        ", ",
                                        ints.stream().map(SqlIdentifier::quote).toList())) + " FROM " + source
                + " ORDER BY TF_ID";
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                Map<String, Integer> codes = new LinkedHashMap<>();
                for (int j = 0; j < ints.size(); j++) {
                    int v = rs.getInt(3 + j);
                    codes.put(ints.get(j), rs.wasNull() ? BLANK : v);
                }
                out.add(new TaskForce(out.size(), rs.getString(1), rs.getString(2), codes));
            }
        }
        return out;
    }

    private static FormData form(
            Statement st,
            Form form,
            String source,
            String siteSql,
            String join,
            List<String> extraSelect,
            List<String> extraCodes,
            List<String> extraDates,
            String key)
            throws SQLException {
        List<String> select = new ArrayList<>();
        List<String> codeNames = new ArrayList<>();
        List<String> decimalNames = new ArrayList<>();
        List<String> dateNames = new ArrayList<>();
        for (Variable v : form.variables()) {
            switch (v.type()) {
                case CODE, INTEGER -> codeNames.add(v.name());
                case DECIMAL -> decimalNames.add(v.name());
                case DATE -> dateNames.add(v.name());
                default -> {}
            }
        }
        select.add("COALESCE(s.__SITE, " + FormData.NO_SITE + ")");
        codeNames.forEach(c -> select.add("COALESCE(d." + SqlIdentifier.quote(c) + ", " + BLANK + ")"));
        decimalNames.forEach(c -> select.add("COALESCE(d." + SqlIdentifier.quote(c) + ", " + BLANK + ")"));
        for (String c : dateNames) {
            select.add("CAST(d." + SqlIdentifier.quote(c) + " - DATE '1970-01-01' AS INTEGER)");
            select.add("COALESCE(d." + SqlIdentifier.quote(c + "__MC") + ", " + BLANK + ")");
        }
        select.addAll(extraSelect);
        codeNames.addAll(extraCodes);
        String sql = "SELECT " + String.join(", ", select) + " FROM " + source + " d LEFT JOIN " + siteSql
                + " s USING (TF_ID)" + join + " ORDER BY d." + key;
        List<int[]> ints = new ArrayList<>();
        List<double[]> decs = new ArrayList<>();
        List<int[]> days = new ArrayList<>();
        List<int[]> mcs = new ArrayList<>();
        int capacity = 1024;
        int n = 0;
        int[] site = new int[capacity];
        int nBase = codeNames.size() - extraCodes.size();
        for (int j = 0; j < codeNames.size(); j++) ints.add(new int[capacity]);
        for (int j = 0; j < decimalNames.size(); j++) decs.add(new double[capacity]);
        for (int j = 0; j < dateNames.size() + extraDates.size(); j++) {
            days.add(new int[capacity]);
            mcs.add(new int[capacity]);
        }
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                if (n == capacity) {
                    capacity *= 2;
                    site = java.util.Arrays.copyOf(site, capacity);
                    grow(ints, capacity);
                    grow(days, capacity);
                    grow(mcs, capacity);
                    for (int j = 0; j < decs.size(); j++) decs.set(j, java.util.Arrays.copyOf(decs.get(j), capacity));
                }
                int col = 1;
                site[n] = rs.getInt(col++);
                for (int j = 0; j < nBase; j++) ints.get(j)[n] = rs.getInt(col++);
                for (int j = 0; j < decs.size(); j++) decs.get(j)[n] = rs.getDouble(col++);
                for (int j = 0; j < dateNames.size(); j++) {
                    int d = rs.getInt(col++);
                    days.get(j)[n] = rs.wasNull() ? DateColumn.NO_DAY : d;
                    mcs.get(j)[n] = rs.getInt(col++);
                }
                for (int j = 0; j < extraDates.size(); j++) {
                    int d = rs.getInt(col++);
                    days.get(dateNames.size() + j)[n] = rs.wasNull() ? DateColumn.NO_DAY : d;
                    mcs.get(dateNames.size() + j)[n] = rs.getInt(col++);
                }
                for (int j = nBase; j < codeNames.size(); j++) ints.get(j)[n] = rs.getInt(col++);
                n++;
            }
        }
        Map<String, IntColumn> codes = new LinkedHashMap<>();
        for (int j = 0; j < codeNames.size(); j++)
            codes.put(codeNames.get(j), new IntColumn(codeNames.get(j), java.util.Arrays.copyOf(ints.get(j), n)));
        Map<String, DecimalColumn> decimals = new LinkedHashMap<>();
        for (int j = 0; j < decimalNames.size(); j++) {
            decimals.put(
                    decimalNames.get(j),
                    new DecimalColumn(decimalNames.get(j), java.util.Arrays.copyOf(decs.get(j), n)));
        }
        Map<String, DateColumn> dates = new LinkedHashMap<>();
        List<String> allDates = new ArrayList<>(dateNames);
        allDates.addAll(extraDates);
        for (int j = 0; j < allDates.size(); j++) {
            dates.put(
                    allDates.get(j),
                    new DateColumn(
                            allDates.get(j),
                            java.util.Arrays.copyOf(days.get(j), n),
                            java.util.Arrays.copyOf(mcs.get(j), n)));
        }
        return new FormData(form.name(), java.util.Arrays.copyOf(site, n), codes, decimals, dates);
    }

    private static void grow(List<int[]> arrays, int capacity) {
        for (int j = 0; j < arrays.size(); j++) arrays.set(j, java.util.Arrays.copyOf(arrays.get(j), capacity));
    }
}
