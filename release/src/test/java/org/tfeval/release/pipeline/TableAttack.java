package org.tfeval.release.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * The attacker of a published frequency table with totals: bounds on every withheld count from the
 * row, column and grand totals (each withheld count lies between 0 and what its row or column leaves
 * once the published counts and the other withheld counts' lower bounds are taken off), tightened until
 * nothing changes; a withheld count whose bounds meet is recovered. Written apart from the suppression
 * rule it checks.
 */
final class TableAttack {
    private TableAttack() {}

    record Result(List<String> recovered, int withheld, int smallPublished) {}

    static Result attack(List<String> csv) {
        List<String[]> rows = new ArrayList<>();
        for (String line : csv.subList(1, csv.size())) {
            rows.add(split(line));
        }
        int r = rows.size();
        int c = rows.get(0).length - 1; // cells and the row total
        Long[][] v = new Long[r][c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                String s = rows.get(i)[j + 1];
                v[i][j] = s.equals("S") ? null : Long.parseLong(s);
            }
        }
        int inner = r - 1;
        int cols = c - 1;
        long[][] lo = new long[inner][cols];
        long[][] hi = new long[inner][cols];
        long big = 0;
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                big += v[i][j] == null ? 0 : v[i][j];
            }
        }
        int withheld = 0;
        int small = 0;
        for (int i = 0; i < inner; i++) {
            for (int j = 0; j < cols; j++) {
                if (v[i][j] == null) {
                    withheld++;
                    hi[i][j] = big;
                } else {
                    lo[i][j] = v[i][j];
                    hi[i][j] = v[i][j];
                    small += v[i][j] > 0 && v[i][j] < Thresholds.k() ? 1 : 0;
                }
            }
        }
        for (boolean changed = true; changed; ) {
            changed = false;
            for (int i = 0; i < inner; i++) {
                Long total = v[i][cols];
                if (total == null) {
                    continue;
                }
                for (int j = 0; j < cols; j++) {
                    long othersLo = 0;
                    long othersHi = 0;
                    for (int x = 0; x < cols; x++) {
                        if (x != j) {
                            othersLo += lo[i][x];
                            othersHi += hi[i][x];
                        }
                    }
                    changed |= tighten(lo, hi, i, j, total - othersHi, total - othersLo);
                }
            }
            for (int j = 0; j < cols; j++) {
                Long total = v[inner][j];
                if (total == null) {
                    continue;
                }
                for (int i = 0; i < inner; i++) {
                    long othersLo = 0;
                    long othersHi = 0;
                    for (int y = 0; y < inner; y++) {
                        if (y != i) {
                            othersLo += lo[y][j];
                            othersHi += hi[y][j];
                        }
                    }
                    changed |= tighten(lo, hi, i, j, total - othersHi, total - othersLo);
                }
            }
        }
        List<String> recovered = new ArrayList<>();
        for (int i = 0; i < inner; i++) {
            for (int j = 0; j < cols; j++) {
                if (v[i][j] == null && lo[i][j] == hi[i][j]) {
                    recovered.add(i + "," + j);
                }
            }
        }
        return new Result(recovered, withheld, small);
    }

    private static boolean tighten(long[][] lo, long[][] hi, int i, int j, long newLo, long newHi) {
        boolean changed = false;
        if (newLo > lo[i][j]) {
            lo[i][j] = newLo;
            changed = true;
        }
        if (newHi < hi[i][j]) {
            hi[i][j] = newHi;
            changed = true;
        }
        return changed;
    }

    private static String[] split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                out.add(b.toString());
                b.setLength(0);
            } else {
                b.append(ch);
            }
        }
        out.add(b.toString());
        return out.toArray(new String[0]);
    }

    /** The minimum cell size the tables are checked against. */
    private static final class Thresholds {
        static int k() {
            return org.tfeval.release.disclosure.Thresholds.DEFAULT_K;
        }
    }
}
