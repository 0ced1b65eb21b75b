package org.tfeval.qual.matrix;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.tfeval.stats.disclosure.ComplementarySuppression;
import org.tfeval.stats.disclosure.CountTable;
import org.tfeval.stats.disclosure.Suppression;

/**
 * Rows x codes with three counts per cell: coded segments, distinct interviewees, distinct sites.
 * Outside the restricted tier the interviewee counts (people) go through complementary suppression
 * ({@link ComplementarySuppression}, minimum cell size {@value ComplementarySuppression#MINIMUM_CELL_SIZE}),
 * and a withheld cell withholds all three of its counts (segments and sites would reveal it).
 */
public final class ThemeMatrix {
    /** One coded segment with the attributes the matrix groups by. */
    public record Fact(String row, String code, String participant, String site) {
        public Fact {
            Objects.requireNonNull(row, "row");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(participant, "participant");
            Objects.requireNonNull(site, "site");
        }
    }

    /** A cell; {@code withheld} cells publish no count. */
    public record Cell(long segments, long interviewees, long sites, boolean withheld) {}

    /** The matrix: {@code cells[row][column]}. */
    public record Result(List<String> rows, List<String> columns, Cell[][] cells, boolean suppressed, int withheld) {
        public Result {
            rows = List.copyOf(rows);
            columns = List.copyOf(columns);
        }
    }

    /** Who will see the matrix. */
    public enum Audience {
        /** The research team on the restricted tier: every count. */
        RESTRICTED {
            @Override
            boolean suppress() {
                return false;
            }
        },
        /** Anything that leaves the restricted tier: small interviewee counts withheld. */
        PUBLISHED {
            @Override
            boolean suppress() {
                return true;
            }
        };

        abstract boolean suppress();
    }

    private ThemeMatrix() {}

    public static Result of(List<Fact> facts, Audience audience, ComplementarySuppression rule) {
        Objects.requireNonNull(rule, "rule");
        List<String> rows =
                new ArrayList<>(new TreeSet<>(facts.stream().map(Fact::row).toList()));
        List<String> cols =
                new ArrayList<>(new TreeSet<>(facts.stream().map(Fact::code).toList()));
        int r = rows.size();
        int c = cols.size();
        long[][] segments = new long[r][c];
        List<List<Set<String>>> people = new ArrayList<>();
        List<List<Set<String>>> sites = new ArrayList<>();
        for (int i = 0; i < r; i++) {
            List<Set<String>> p = new ArrayList<>();
            List<Set<String>> s = new ArrayList<>();
            for (int j = 0; j < c; j++) {
                p.add(new HashSet<>());
                s.add(new HashSet<>());
            }
            people.add(p);
            sites.add(s);
        }
        for (Fact f : facts) {
            int i = rows.indexOf(f.row());
            int j = cols.indexOf(f.code());
            segments[i][j]++;
            people.get(i).get(j).add(f.participant());
            sites.get(i).get(j).add(f.site());
        }
        long[][] interviewees = new long[r][c];
        for (int i = 0; i < r; i++)
            for (int j = 0; j < c; j++)
                interviewees[i][j] = people.get(i).get(j).size();
        Suppression s = audience.suppress() && r > 0 && c > 0
                ? rule.apply(new CountTable(interviewees, new boolean[r], true, true))
                : null;
        Cell[][] cells = new Cell[r][c];
        int withheld = 0;
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                boolean w = s != null && s.cell(i, j);
                if (w) withheld++;
                cells[i][j] = w
                        ? new Cell(-1, -1, -1, true)
                        : new Cell(
                                segments[i][j],
                                interviewees[i][j],
                                sites.get(i).get(j).size(),
                                false);
            }
        }
        return new Result(rows, cols, cells, audience.suppress(), withheld);
    }
}
