package org.tfeval.store.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Instrument;
import org.tfeval.store.schema.FormTable;

/**
 * Replays the record changes of the audit log and compares the result with the study data tables,
 * so that an edit of the tables that bypassed the application (direct SQL) is found. A record
 * change belongs to a form when its JSON holds the form's key columns and no column the form does
 * not have. Problems name the form, the record key and the variable, never a value.
 */
public final class AuditReplay {
    /** Problems reported per form before the rest are only counted. */
    static final int LIMIT_PER_FORM = 200;

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The staging row number the importer's change rows carry; not a column of the form. */
    private static final String STAGING_ROW = "_row";

    private AuditReplay() {}

    /** Compares every form table with the replayed audit log; returns the differences found. */
    public static List<String> compare(Connection c, Instrument instrument) throws SQLException {
        List<String> problems = new ArrayList<>();
        for (String name : instrument.formNames()) {
            Form form = instrument.form(name);
            FormTable t = new FormTable(instrument, form);
            compare(c, t, problems);
        }
        return problems;
    }

    private static void compare(Connection c, FormTable t, List<String> problems) throws SQLException {
        List<String> keyNames =
                t.form().key().stream().map(FormTable::columnName).toList();
        List<String> colNames = new ArrayList<>(t.columnTypes().keySet());
        String keyArray = "ARRAY["
                + String.join(", ", keyNames.stream().map(AuditReplay::lit).toList()) + "]";
        String colArray = "ARRAY["
                + String.join(", ", colNames.stream().map(AuditReplay::lit).toList()) + "]";
        String recKey =
                String.join(", ", keyNames.stream().map(k -> "v ->> " + lit(k)).toList());
        String curKey =
                String.join(", ", keyNames.stream().map(k -> "j ->> " + lit(k)).toList());
        String on = String.join(
                " AND ",
                keyNames.stream()
                        .map(k -> "l.v ->> " + lit(k) + " = cur.j ->> " + lit(k))
                        .toList());
        String sql = "WITH ch AS (SELECT event_seq, ord, op, new_value::jsonb - '" + STAGING_ROW
                + "' AS nv, coalesce(new_value, old_value)::jsonb - '" + STAGING_ROW + "' AS v FROM audit_change), "
                + "mine AS (SELECT * FROM ch WHERE jsonb_typeof(v) = 'object' AND jsonb_exists_all(v, " + keyArray + ")"
                + " AND NOT EXISTS (SELECT 1 FROM jsonb_object_keys(v) k WHERE k <> ALL(" + colArray + "))), "
                + "l AS (SELECT DISTINCT ON (" + recKey + ") op, nv, v FROM mine ORDER BY " + recKey
                + ", event_seq DESC, ord DESC), "
                + "cur AS (SELECT to_jsonb(t) AS j FROM " + t.table() + " t) "
                + "SELECT concat_ws('/', " + recKey.replace("v ->>", "l.v ->>") + "), concat_ws('/', "
                + curKey.replace("j ->>", "cur.j ->>") + "), l.op, l.nv::text, cur.j::text "
                + "FROM l FULL JOIN cur ON " + on
                + " WHERE l.op IS NULL OR cur.j IS NULL AND l.op <> 'D' OR cur.j IS NOT NULL AND l.op = 'D' "
                + "OR cur.j IS NOT NULL AND l.op <> 'D' AND NOT (cur.j @> l.nv) ORDER BY 1, 2";
        int found = 0;
        try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found++;
                if (found > LIMIT_PER_FORM) continue;
                String form = t.form().name();
                String op = rs.getString(3);
                String recorded = rs.getString(4);
                String current = rs.getString(5);
                if (op == null) {
                    problems.add(form + " " + rs.getString(2)
                            + ": the record is in the table but no audited change stored it (added by direct SQL)");
                } else if (current == null) {
                    problems.add(form + " " + rs.getString(1)
                            + ": the audit log stores this record but the table lacks it (removed by direct SQL)");
                } else if (op.equals("D")) {
                    problems.add(form + " " + rs.getString(1)
                            + ": the audit log deleted this record but the table has it (restored by direct SQL)");
                } else {
                    for (String variable : differing(recorded, current)) {
                        problems.add(form + " " + rs.getString(1) + " " + variable
                                + ": differs from the last audited value (changed by direct SQL)");
                    }
                }
            }
        }
        if (found > LIMIT_PER_FORM) {
            problems.add(t.form().name() + ": " + (found - LIMIT_PER_FORM) + " more records differ from the audit log");
        }
    }

    /** The variables (upper-case names) whose recorded value differs from the current one. */
    private static List<String> differing(String recorded, String current) {
        try {
            JsonNode r = JSON.readTree(recorded);
            JsonNode cur = JSON.readTree(current);
            TreeSet<String> out = new TreeSet<>();
            Iterator<Map.Entry<String, JsonNode>> it = r.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                if (!f.getValue().equals(cur.get(f.getKey()))) {
                    String col = f.getKey();
                    if (col.endsWith(FormTable.MISSING_SUFFIX))
                        col = col.substring(0, col.length() - FormTable.MISSING_SUFFIX.length());
                    out.add(col.toUpperCase(java.util.Locale.ROOT));
                }
            }
            return new ArrayList<>(out);
        } catch (IOException e) {
            throw new IllegalStateException("the audit log holds a record change that is not JSON", e);
        }
    }

    private static String lit(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
