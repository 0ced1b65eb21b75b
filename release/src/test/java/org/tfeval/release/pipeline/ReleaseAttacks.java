package org.tfeval.release.pipeline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.tfeval.snapshot.Snapshot;

/**
 * The attacks of issue 12, written apart from the protection code: they read the released CSV files
 * as an outsider would, and the snapshot's Parquet files as the outside knowledge the attacker model
 * assumes (court dockets, the task forces' public profiles). Nothing here calls the release's
 * disclosure classes.
 */
final class ReleaseAttacks {
    private ReleaseAttacks() {}

    /** A released value is consistent with a true value (as the attacker reads a generalized column). */
    static final class Column {
        final TreeSet<Double> codes = new TreeSet<>();

        Column(List<String> released) {
            for (String s : released) {
                Double d = number(s);
                if (d != null && d >= 0) {
                    codes.add(d);
                }
            }
        }

        /**
         * Whether the true value could have been released as this cell: suppressed (-6) hides anything; a
         * missing code matches itself; a code matches the true values from it up to the next code
         * released (a band's lower bound, or a class's first code, as released files show them).
         */
        boolean consistent(String released, String truth) {
            Double r = number(released);
            Double t = number(truth);
            if (r == null || t == null) {
                return r == null && t == null;
            }
            if (r == -6) {
                return true;
            }
            if (r < 0 || t < 0) {
                return r.equals(t);
            }
            Double next = codes.higher(r);
            return t >= r && (next == null || t < next);
        }
    }

    static Double number(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Rows of a query over the snapshot's Parquet files ({@code <form>} names a view of each dataset). */
    static List<Map<String, String>> truth(Snapshot snapshot, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement()) {
            for (String form : snapshot.instrument().formNames()) {
                st.execute("CREATE VIEW \"" + form + "\" AS SELECT * FROM read_parquet('"
                        + snapshot.dataset(form).toString().replace("'", "''") + "')");
            }
            List<Map<String, String>> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery(sql)) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int i = 1; i <= n; i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getString(i));
                    }
                    out.add(row);
                }
            }
            return out;
        }
    }

    /** The release's pseudonym of an identifier value, recomputed from the kept key (the test's oracle). */
    static String pseudonym(byte[] key, String variable, String value) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        mac.update((variable + "\u0000").getBytes(StandardCharsets.UTF_8));
        byte[] h = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().withUpperCase().formatHex(h, 0, 8);
    }

    static byte[] key(Path keyFile) throws Exception {
        return HexFormat.of().parseHex(Files.readString(keyFile).trim());
    }

    /**
     * The task-force profile link. With a task-force file: its rows matched to the real task forces on
     * every attribute both have (counts the released rows that match exactly one). Without it: per
     * released case, the real task forces among the cases that share its released profile (the TF_
     * columns of the case file); counts the cases whose profile covers fewer than {@code minGroups}.
     */
    static int profileLink(ReleaseResult r, Snapshot snapshot, byte[] key, int minGroups) throws Exception {
        Path tfFile = r.dir().resolve("task_force").resolve("task_force.csv");
        if (Files.exists(tfFile)) {
            ReleasedPackages.Csv tf = ReleasedPackages.csv(r, "task_force");
            List<Map<String, String>> real = truth(snapshot, "SELECT * FROM task_force");
            List<String> shared = new ArrayList<>();
            for (String h : tf.header()) {
                if (!h.equals("TF_ID") && real.get(0).containsKey(h)) {
                    shared.add(h);
                }
            }
            int linked = 0;
            for (List<String> row : tf.rows()) {
                int matches = 0;
                for (Map<String, String> t : real) {
                    boolean all = true;
                    for (String h : shared) {
                        String a = row.get(tf.column(h));
                        String b = t.get(h);
                        Double x = number(a);
                        Double y = number(b);
                        all &= x != null && y != null ? x.equals(y) : a.equals(b == null ? "" : b);
                    }
                    matches += all ? 1 : 0;
                }
                linked += matches == 1 ? 1 : 0;
            }
            return linked;
        }
        ReleasedPackages.Csv cases = ReleasedPackages.csv(r, "case");
        List<String> profile = cases.header().stream()
                .filter(h -> h.startsWith("TF_") && !h.equals("TF_ID"))
                .toList();
        Map<String, String> tfOfCase = new HashMap<>();
        for (Map<String, String> t : truth(snapshot, "SELECT CASE_ID, TF_ID FROM \"case\"")) {
            tfOfCase.put(pseudonym(key, "CASE_ID", t.get("CASE_ID")), t.get("TF_ID"));
        }
        Map<String, Set<String>> cover = new HashMap<>();
        List<String> combos = new ArrayList<>();
        for (List<String> row : cases.rows()) {
            StringBuilder combo = new StringBuilder();
            for (String h : profile) {
                combo.append(row.get(cases.column(h))).append('|');
            }
            combos.add(combo.toString());
            String tf = tfOfCase.get(row.get(cases.column("CASE_ID")));
            if (tf == null) {
                throw new AssertionError("a released case pseudonym does not recompute from the key");
            }
            cover.computeIfAbsent(combo.toString(), x -> new HashSet<>()).add(tf);
        }
        int atRisk = 0;
        for (String combo : combos) {
            atRisk += cover.get(combo).size() < minGroups ? 1 : 0;
        }
        return atRisk;
    }

    /** What a docket gives about a sentenced suspect, by released column name. */
    static final String DOCKET_SQL = "SELECT CAST(s.SUSPECT_ID AS VARCHAR) AS \"SUSPECT_ID\", s.S_AGE, s.S_SEX,"
            + " CASE WHEN s.S_ARREST_DATE IS NULL THEN s.S_ARREST_DATE__MC ELSE year(s.S_ARREST_DATE) END AS S_ARREST_YEAR,"
            + days("S_ARREST_DATE", "S_INDICTMENT_DATE") + " AS S_DAYS_ARREST_TO_INDICTMENT,"
            + days("S_INDICTMENT_DATE", "S_DISPOSITION_DATE") + " AS S_DAYS_INDICTMENT_TO_DISPOSITION,"
            + " s.S_TOP_CHARGE, s.S_DISPOSITION, s.S_SENTENCE_MONTHS"
            + " FROM suspect s WHERE s.S_DISPOSITION IN (1, 2) AND s.S_SENTENCE_MONTHS >= 0";

    /** Days between two dates as a docket gives them; a missing date gives its missing code (the earlier's first). */
    private static String days(String a, String b) {
        return " CASE WHEN s." + a + " IS NOT NULL AND s." + b + " IS NOT NULL THEN date_diff('day', s." + a + ", s."
                + b + ") WHEN s." + a + " IS NULL THEN s." + a + "__MC ELSE s." + b + "__MC END";
    }

    /**
     * Docket matching: for each sentenced suspect, the released suspect rows consistent with what the
     * docket gives; returns the number of released suspects (the key tells which are) matched by fewer
     * than {@code k} released cases, of those matched by exactly one row, and the targets looked for.
     */
    static int[] docket(ReleaseResult r, Snapshot snapshot, byte[] key, int k) throws Exception {
        ReleasedPackages.Csv s = ReleasedPackages.csv(r, "suspect");
        Set<String> released = new HashSet<>(s.values("SUSPECT_ID"));
        List<Map<String, String>> targets = new ArrayList<>();
        for (Map<String, String> t : truth(snapshot, DOCKET_SQL)) {
            String id = t.get("SUSPECT_ID");
            if (id == null) {
                throw new AssertionError("the docket query gives no suspect ID: " + t.keySet());
            }
            if (released.contains(pseudonym(key, "SUSPECT_ID", id))) {
                targets.add(t);
            }
        }
        List<String> known = new ArrayList<>();
        for (String h : targets.get(0).keySet()) {
            if (s.header().contains(h) && !h.equals("SUSPECT_ID")) {
                known.add(h);
            }
        }
        Map<String, Column> columns = new HashMap<>();
        known.forEach(h -> columns.put(h, new Column(s.values(h))));
        int caseColumn = s.column("CASE_ID");
        int fewerThanK = 0;
        int unique = 0;
        for (Map<String, String> t : targets) {
            Set<String> cases = new HashSet<>();
            int rows = 0;
            for (List<String> row : s.rows()) {
                boolean ok = true;
                for (String h : known) {
                    String truth = t.get(h);
                    ok &= columns.get(h).consistent(row.get(s.column(h)), truth == null ? "" : truth);
                    if (!ok) {
                        break;
                    }
                }
                if (ok) {
                    rows++;
                    cases.add(row.get(caseColumn));
                }
            }
            fewerThanK += cases.size() < k ? 1 : 0;
            unique += rows == 1 ? 1 : 0;
        }
        return new int[] {fewerThanK, unique, targets.size()};
    }

    /**
     * Year restoration: in released cases with one year suppressed and the other year and both intervals
     * released, the years the suppressed one can be (the intervals read as the attacker reads a band);
     * counts the cases where at most two years remain (of the study's span of years).
     */
    static int yearRestoration(ReleaseResult r) {
        ReleasedPackages.Csv c = ReleasedPackages.csv(r, "case");
        String[] need = {"INCIDENT_YEAR", "CASE_OPEN_YEAR", "DAYS_INCIDENT_TO_CASE_CLOSE", "CASE_DAYS_OPEN_TO_CLOSE"};
        for (String n : need) {
            if (!c.header().contains(n)) {
                return 0;
            }
        }
        Column ic = new Column(c.values("DAYS_INCIDENT_TO_CASE_CLOSE"));
        Column oc = new Column(c.values("CASE_DAYS_OPEN_TO_CLOSE"));
        int restored = 0;
        for (List<String> row : c.rows()) {
            Double incident = number(row.get(c.column("INCIDENT_YEAR")));
            Double open = number(row.get(c.column("CASE_OPEN_YEAR")));
            double[] a = range(ic, row.get(c.column("DAYS_INCIDENT_TO_CASE_CLOSE")));
            double[] b = range(oc, row.get(c.column("CASE_DAYS_OPEN_TO_CLOSE")));
            if (a == null || b == null || incident == null || open == null) {
                continue;
            }
            // incident = open + (open->close) - (incident->close)
            if (incident == -6 && open >= 1900) {
                restored += years(open, b[0] - a[1], b[1] - a[0]) <= 2 ? 1 : 0;
            } else if (open == -6 && incident >= 1900) {
                restored += years(incident, a[0] - b[1], a[1] - b[0]) <= 2 ? 1 : 0;
            }
        }
        return restored;
    }

    /** The days an interval cell can hold: exact, or a band up to the next released code; null if hidden. */
    private static double[] range(Column col, String cell) {
        Double x = number(cell);
        if (x == null || x < 0) {
            return null;
        }
        Double next = col.codes.higher(x);
        // exact days when the released values are not bands (many distinct values)
        if (col.codes.size() > 50) {
            return new double[] {x, x};
        }
        return new double[] {x, next == null ? 36500 : next - 1};
    }

    /** How many calendar years a date in {@code year} shifted by {@code lo..hi} days can fall in. */
    private static int years(double year, double lo, double hi) {
        LocalDate first = LocalDate.of((int) year, 1, 1).plusDays((long) lo);
        LocalDate last = LocalDate.of((int) year, 12, 31).plusDays((long) hi);
        return last.getYear() - first.getYear() + 1;
    }
}
