package org.tfeval.release.disclosure;

import static org.tfeval.instrument.sql.SqlIdentifier.quote;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Dates released as years and as intervals between them are derivable from one another: with the
 * year of a case's opening and the days from the incident to the closing and from the opening to the
 * closing, a suppressed incident year comes back. So the released years and intervals of one form
 * that connect dates (a component of the graph whose edges are the intervals) are treated together:
 * in a record where one year of a component with two or more released years is suppressed, every
 * interval of that component is suppressed too. A component with one year cannot restore anything
 * absolute. Run inside {@link LocalSuppression}'s loop, since suppressing an interval changes classes.
 */
final class DerivablePairs {
    /** A component: its released years and intervals, in one form. */
    record Component(String form, List<String> years, List<String> intervals) {}

    private DerivablePairs() {}

    /** The components with at least two released years and one released interval. */
    static List<Component> of(ReleaseWork work) {
        Map<String, Map<String, String>> parent = new LinkedHashMap<>(); // form -> date -> root
        List<DatePairs> pairs = DatePairs.of(work.instrument());
        Map<String, List<DatePairs>> byForm = new LinkedHashMap<>();
        for (DatePairs p : pairs) {
            if (!p.laterInParent()) {
                byForm.computeIfAbsent(p.form(), f -> new ArrayList<>()).add(p);
            }
        }
        List<Component> out = new ArrayList<>();
        byForm.forEach((form, list) -> {
            if (!work.forms().contains(form)) {
                return;
            }
            Map<String, String> root = parent.computeIfAbsent(form, f -> new LinkedHashMap<>());
            for (DatePairs p : list) {
                if (work.find(form, p.intervalName()).isEmpty()) {
                    continue;
                }
                union(root, p.earlier().name(), p.later().name());
            }
            Map<String, Set<String>> members = new LinkedHashMap<>();
            for (String date : new ArrayList<>(root.keySet())) {
                members.computeIfAbsent(find(root, date), r -> new LinkedHashSet<>())
                        .add(date);
            }
            for (Set<String> dates : members.values()) {
                List<String> years = new ArrayList<>();
                for (String d : dates) {
                    Optional<PlannedVariable> y = work.find(form, DatePairs.stem(d) + "_YEAR");
                    y.ifPresent(v -> years.add(v.name()));
                }
                List<String> intervals = new ArrayList<>();
                for (DatePairs p : list) {
                    if (dates.contains(p.earlier().name())
                            && work.find(form, p.intervalName()).isPresent()) {
                        intervals.add(p.intervalName());
                    }
                }
                if (years.size() >= 2 && !intervals.isEmpty()) {
                    out.add(new Component(form, years, intervals));
                }
            }
        });
        return out;
    }

    /** Suppresses the intervals of records where a year of their component is suppressed; values changed per variable. */
    static Map<String, Long> suppress(ReleaseWork work, List<Component> components) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Component c : components) {
            List<String> yearSuppressed = new ArrayList<>();
            for (String y : c.years()) {
                yearSuppressed.add(quote(y) + " = " + ReleaseWork.SUPPRESSED);
            }
            for (String i : c.intervals()) {
                long n = work.update("UPDATE " + ReleaseWork.rel(c.form()) + " SET " + quote(i) + " = "
                        + ReleaseWork.SUPPRESSED + " WHERE (" + String.join(" OR ", yearSuppressed) + ") AND "
                        + ReleaseWork.valid(quote(i)));
                if (n > 0) {
                    out.merge(c.form() + "." + i, n, Long::sum);
                }
            }
        }
        return out;
    }

    private static void union(Map<String, String> root, String a, String b) {
        root.putIfAbsent(a, a);
        root.putIfAbsent(b, b);
        String ra = find(root, a);
        String rb = find(root, b);
        if (!ra.equals(rb)) {
            root.put(ra, rb);
        }
    }

    private static String find(Map<String, String> root, String x) {
        String r = x;
        while (!root.get(r).equals(r)) {
            r = root.get(r);
        }
        return r;
    }
}
