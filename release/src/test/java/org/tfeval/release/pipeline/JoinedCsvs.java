package org.tfeval.release.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tfeval.instrument.DisclosureRole;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.Variable;
import org.tfeval.instrument.VariableType;

/**
 * An independent re-computation of the equivalence classes of a released package, written for the
 * tests from the files and the instrument alone (it uses none of the release code): the released
 * case, victim and suspect CSV files (a public package has no task-force file: the task force is a
 * profile on the case) are joined on their pseudonymous identifiers (one
 * row per case x victim x suspect; a case without victims or suspects keeps one row with those
 * columns absent), and rows are grouped on the quasi-identifier columns the files hold: the
 * instrument's quasi-identifiers, and {@code <STEM>_YEAR} for a quasi-identifying date {@code
 * <STEM>_DATE}.
 */
final class JoinedCsvs {
    static final String ABSENT = "<absent>";

    /** One joined row: its case, victim and suspect (null when absent) and its quasi-identifier values. */
    record Row(String caseId, String victimId, String suspectId, List<String> key, Map<String, String> cells) {}

    private JoinedCsvs() {}

    /**
     * The quasi-identifier columns a released file holds: the instrument's, the years of its
     * quasi-identifying dates, and what the instrument's public attackers know (intervals, sentence,
     * the task force's profile on the case).
     */
    static List<String> quasiColumns(Instrument ins, String form, ReleasedPackages.Csv csv) {
        Form f = ins.form(form);
        List<String> out = new ArrayList<>();
        List<String> known = ins.disclosureModel().quasiIdentifiersAt(org.tfeval.instrument.ReleaseLevel.PUBLIC);
        for (String column : csv.header()) {
            Variable v = f.find(column).orElse(null);
            if (known.contains(form + "." + column)) {
                out.add(column);
            } else if (v != null && v.disclosure() == DisclosureRole.QUASI && v.inherit() == null) {
                out.add(column);
            } else if (v == null && column.endsWith("_YEAR")) {
                Variable date = f.find(column.substring(0, column.length() - "_YEAR".length()) + "_DATE")
                        .orElse(null);
                if (date != null && date.type() == VariableType.DATE && date.disclosure() == DisclosureRole.QUASI) {
                    out.add(column);
                }
            }
        }
        return out;
    }

    /** The joined rows of the package. */
    static List<Row> rows(ReleaseResult r, Instrument ins) {
        ReleasedPackages.Csv cases = ReleasedPackages.csv(r, "case");
        ReleasedPackages.Csv victims = ReleasedPackages.csv(r, "victim");
        ReleasedPackages.Csv suspects = ReleasedPackages.csv(r, "suspect");
        List<String> caseQ = quasiColumns(ins, "case", cases);
        List<String> victimQ = quasiColumns(ins, "victim", victims);
        List<String> suspectQ = quasiColumns(ins, "suspect", suspects);
        Map<String, List<List<String>>> victimsByCase = victims.groupBy("CASE_ID");
        Map<String, List<List<String>>> suspectsByCase = suspects.groupBy("CASE_ID");
        List<Row> out = new ArrayList<>();
        int caseId = cases.column("CASE_ID");
        for (List<String> c : cases.rows()) {
            List<List<String>> vs = victimsByCase.getOrDefault(c.get(caseId), List.of());
            List<List<String>> ss = suspectsByCase.getOrDefault(c.get(caseId), List.of());
            for (List<String> v : vs.isEmpty() ? java.util.Collections.<List<String>>singletonList(null) : vs) {
                for (List<String> s : ss.isEmpty() ? java.util.Collections.<List<String>>singletonList(null) : ss) {
                    Map<String, String> cells = new java.util.LinkedHashMap<>();
                    add(cells, "case", cases, caseQ, c);
                    add(cells, "victim", victims, victimQ, v);
                    add(cells, "suspect", suspects, suspectQ, s);
                    out.add(new Row(
                            c.get(caseId),
                            v == null ? null : v.get(victims.column("VICTIM_ID")),
                            s == null ? null : s.get(suspects.column("SUSPECT_ID")),
                            new ArrayList<>(cells.values()),
                            cells));
                }
            }
        }
        return out;
    }

    private static void add(
            Map<String, String> cells, String form, ReleasedPackages.Csv csv, List<String> columns, List<String> row) {
        for (String col : columns) {
            cells.put(form + "." + col, row == null ? ABSENT : row.get(csv.column(col)));
        }
    }

    /** Distinct cases per equivalence class. */
    static Map<List<String>, Set<String>> classes(List<Row> rows) {
        Map<List<String>, Set<String>> out = new HashMap<>();
        for (Row row : rows) {
            out.computeIfAbsent(row.key(), k -> new HashSet<>()).add(row.caseId());
        }
        return out;
    }
}
