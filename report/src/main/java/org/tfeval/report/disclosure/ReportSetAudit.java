package org.tfeval.report.disclosure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.tfeval.analysis.ShareCells;
import org.tfeval.analysis.StudyResults;
import org.tfeval.analysis.funnel.OutcomeFunnel;
import org.tfeval.analysis.funnel.OutcomeFunnel.StageRow;
import org.tfeval.analysis.sample.SampleDescription;
import org.tfeval.analysis.survivors.Survivors;

/**
 * The attacker test over a whole report set. Each attacker holds the documents he may see: the
 * public reader every public document (the public edition of the technical report, the brief), the
 * staff of task force X those and X's own report, and X's own counts. From every number printed
 * there (read back from the XHTML: traced cells through their {@code data-trace}, the anonymized
 * rows of a task-force report through its labels) the audit builds the attacker's equations and
 * bounds over the per-task-force counts that the task-force reports protect (cases by stage, cases
 * by type, survivors' treatment), together with the sums every table states (a total is the sum of
 * the task forces; a task force's cases are the sum of its types and its first funnel stage). A
 * percentage printed with a denominator the attacker may know pins the count to an interval. Then,
 * for every count that is small (1 to threshold - 1) at another task force or withheld in a
 * document the attacker holds, {@link CountSystem} decides exhaustively whether it is protected:
 * consistent values at least {@link CountSystem#PROTECTION_WIDTH} apart exist. The standard: no
 * small count (1 to threshold - 1, a task force's or a total's) is recoverable exactly or to within
 * +/-1; a withheld zero or large count that only protects others may be pinned (it is counted), as
 * the single-table attacker test of the suppression rule checks primary cells.
 *
 * <p>Conservative: the attacker is taken to link every anonymized row to its task force and to know
 * every denominator. Not modelled: confidence intervals (their width pins a count only together
 * with a percentage, which is modelled), and sums over groups of task forces sharing a feature.
 */
public final class ReportSetAudit {
    /** The key's site part for totals over all task forces. */
    static final String ALL = "All";

    private ReportSetAudit() {}

    /**
     * Who reads.
     *
     * @param taskForce the task force whose staff read (its report and own counts), or null for the public
     */
    public record Attacker(String taskForce) {
        public static final Attacker PUBLIC = new Attacker(null);

        public String label() {
            return taskForce == null ? "public reader" : "staff of " + taskForce;
        }
    }

    /**
     * The documents of a set.
     *
     * @param publicDocuments XHTML everyone may read
     * @param taskForceReports per task force, the XHTML of its own report
     */
    public record Documents(List<Path> publicDocuments, Map<String, Path> taskForceReports) {
        public Documents {
            publicDocuments = List.copyOf(publicDocuments);
            taskForceReports = Map.copyOf(taskForceReports);
        }
    }

    /** A count an attacker can pin to within +/-1 ({@code low..high} are the consistent values found). */
    public record Recovered(Attacker attacker, String count, long low, long high) {}

    /**
     * The outcome.
     *
     * @param printed   numbers printed across the set (every document once)
     * @param withheld  cells printed as withheld across the set
     * @param checked   (attacker, count) pairs decided
     * @param recovered small counts (1 to threshold - 1) an attacker recovers exactly or to within +/-1
     * @param complements withheld counts of 0 or of at least the threshold (withheld only to protect
     *                    others) that an attacker pins down; reported, not a failure: the small counts
     *                    they protect are checked themselves
     * @param undecided pairs where a search ran out of budget (counted as recovered)
     */
    public record Result(
            int printed, int withheld, int checked, List<Recovered> recovered, int complements, int undecided) {
        public Result {
            recovered = List.copyOf(recovered);
        }

        public boolean clean() {
            return recovered.isEmpty();
        }
    }

    /** Runs every attacker over the set; {@code threshold} is the minimum cell size. */
    public static Result audit(StudyResults results, Documents docs, int threshold) {
        Objects.requireNonNull(results, "results");
        Map<Path, List<PrintedCell>> read = new LinkedHashMap<>();
        for (Path p : docs.publicDocuments()) read.put(p, PrintedCell.read(p));
        for (Path p : docs.taskForceReports().values()) read.put(p, PrintedCell.read(p));
        int printed = 0;
        int withheld = 0;
        for (List<PrintedCell> cells : read.values()) {
            for (PrintedCell c : cells) {
                if (c.withheld()) withheld++;
                else if (numeric(c.text())) printed++;
            }
        }
        List<Attacker> attackers = new ArrayList<>();
        attackers.add(Attacker.PUBLIC);
        docs.taskForceReports().keySet().stream().sorted().forEach(tf -> attackers.add(new Attacker(tf)));
        List<Recovered> recovered = new ArrayList<>();
        int complements = 0;
        int checked = 0;
        int undecided = 0;
        for (Attacker a : attackers) {
            Model m = new Model(results);
            Set<String> targets = new LinkedHashSet<>();
            for (Path p : docs.publicDocuments()) m.learn(read.get(p), null, targets);
            if (a.taskForce() != null) {
                m.learn(read.get(docs.taskForceReports().get(a.taskForce())), a.taskForce(), targets);
                for (String k : m.system.keys()) {
                    if (site(k).equals(a.taskForce())) m.system.known(k, m.system.truth(k));
                }
            }
            for (String k : m.system.keys()) {
                long v = m.system.truth(k);
                if (!site(k).equals(ALL) && v > 0 && v < threshold) targets.add(k);
            }
            for (String k : targets) {
                if (site(k).equals(a.taskForce())) continue;
                checked++;
                CountSystem.Exposure e = m.system.expose(k);
                if (e.exhausted()) undecided++;
                if (e.protectedCount()) continue;
                long v = m.system.truth(k);
                if (v > 0 && v < threshold) recovered.add(new Recovered(a, k, e.low(), e.high()));
                else complements++;
            }
        }
        return new Result(printed, withheld, checked, recovered, complements, undecided);
    }

    static boolean numeric(String text) {
        return text.matches("-?[0-9][0-9,]*(\\.[0-9]+)?%?");
    }

    /** The task force of a count key ({@code kind|site|...}). */
    static String site(String key) {
        return key.split("\\|", -1)[1];
    }

    /** The per-task-force counts with their true values and the sums among them. */
    static final class Model {
        final CountSystem system;
        private final StudyResults results;
        private final Map<String, String> funnelSite = new LinkedHashMap<>();

        Model(StudyResults results) {
            this.results = results;
            long ceiling = 0;
            List<long[]> none = List.of();
            Map<String, Long> values = new LinkedHashMap<>();
            if (results.has(OutcomeFunnel.ID)) {
                for (StageRow r : results.analysis(OutcomeFunnel.ID)
                        .table(OutcomeFunnel.CASE_BY_SITE)
                        .rows())
                    values.put(stageKey(r.group(), r.stage()), r.share().n());
            }
            if (results.has(SampleDescription.ID)) {
                var a = results.analysis(SampleDescription.ID);
                for (SampleDescription.SiteRow r :
                        a.table(SampleDescription.SITES).rows())
                    values.put("cases|" + siteOf(r.taskForce()), r.cases());
                if (a.has(SampleDescription.TYPE_BY_SITE)) {
                    for (SampleDescription.TypeBySiteRow r :
                            a.table(SampleDescription.TYPE_BY_SITE).rows()) {
                        values.put("type|" + r.taskForce() + "|" + r.type(), r.cases());
                        values.merge("type|" + ALL + "|" + r.type(), r.cases(), Long::sum);
                    }
                }
            }
            if (results.has(Survivors.ID) && results.analysis(Survivors.ID).has(Survivors.TREATMENT_BY_SITE)) {
                for (Survivors.TreatmentRow r : results.analysis(Survivors.ID)
                        .table(Survivors.TREATMENT_BY_SITE)
                        .rows()) {
                    values.put(survKey(r.group(), r.measure(), "n"), r.share().n());
                    values.put(survKey(r.group(), r.measure(), "d"), r.share().denominator());
                    values.merge(survKey(ALL, r.measure(), "n"), r.share().n(), Long::sum);
                    values.merge(survKey(ALL, r.measure(), "d"), r.share().denominator(), Long::sum);
                }
            }
            for (long v : values.values()) ceiling = Math.max(ceiling, v);
            system = new CountSystem(ceiling);
            values.forEach(system::variable);
            structure();
        }

        private static String siteOf(String taskForce) {
            return taskForce.equals(SampleDescription.ALL) || taskForce.equals(OutcomeFunnel.ALL) ? ALL : taskForce;
        }

        static String stageKey(String site, String stage) {
            return "stage|" + siteOf(site) + "|" + stage;
        }

        static String survKey(String site, String measure, String part) {
            return "surv|" + siteOf(site) + "|" + measure + "|" + part;
        }

        /** The sums the tables state; each added only where it holds. */
        private void structure() {
            Map<String, List<String>> sums = new LinkedHashMap<>();
            for (String k : system.keys()) {
                String[] p = k.split("\\|", -1);
                if (p[1].equals(ALL)) continue;
                switch (p[0]) {
                    case "stage" -> {
                        sums.computeIfAbsent("stage|" + ALL + "|" + p[2], x -> new ArrayList<>())
                                .add(k);
                        if (p[2].equals(OutcomeFunnel.INVESTIGATION) && system.has("cases|" + p[1]))
                            system.sum("cases|" + p[1], List.of(k));
                    }
                    case "type" -> {
                        sums.computeIfAbsent("type|" + ALL + "|" + p[2], x -> new ArrayList<>())
                                .add(k);
                        sums.computeIfAbsent("cases|" + p[1], x -> new ArrayList<>())
                                .add(k);
                    }
                    case "surv" ->
                        sums.computeIfAbsent("surv|" + ALL + "|" + p[2] + "|" + p[3], x -> new ArrayList<>())
                                .add(k);
                    case "cases" ->
                        sums.computeIfAbsent("cases|" + ALL, x -> new ArrayList<>())
                                .add(k);
                    default -> {}
                }
            }
            List<String> allTypes = new ArrayList<>();
            sums.forEach((total, parts) -> {
                if (system.has(total)) system.sum(total, parts);
                if (total.startsWith("type|" + ALL + "|")) allTypes.add(total);
            });
            if (system.has("cases|" + ALL) && !allTypes.isEmpty()) system.sum("cases|" + ALL, allTypes);
        }

        /** Adds what a document's printed cells tell; withheld cells become targets. */
        void learn(List<PrintedCell> cells, String ownTaskForce, Set<String> targets) {
            Map<String, String> labels = ownTaskForce == null ? Map.of() : others(ownTaskForce);
            for (PrintedCell c : cells) {
                String key = c.trace() != null ? quantity(c.trace()) : untraced(c, ownTaskForce, labels);
                if (key == null || !system.has(key)) continue;
                if (c.withheld()) {
                    targets.add(key);
                } else if (c.text().endsWith("%")) {
                    Long d = denominator(key);
                    if (d != null) percent(key, c.text(), d);
                } else if (numeric(c.text())) {
                    system.known(key, Long.parseLong(c.text().replace(",", "")));
                }
            }
        }

        /**
         * The count a traced cell speaks about: its value (a count), or the count a percentage of
         * it gives back with its denominator; null for anything else.
         */
        String quantity(String trace) {
            String[] p = trace.split("/");
            if (p.length != 4 || p[3].contains("+") || !results.has(p[0])) return null;
            var a = results.analysis(p[0]);
            int row;
            try {
                row = Integer.parseInt(p[2]);
            } catch (NumberFormatException e) {
                return null;
            }
            String col = p[3];
            boolean share = col.equals("n") || col.equals("pct");
            if (p[0].equals(OutcomeFunnel.ID)
                    && (p[1].equals(OutcomeFunnel.CASE_BY_SITE.id()) || p[1].equals(OutcomeFunnel.CASE_BY_TYPE.id()))) {
                boolean bySite = p[1].equals(OutcomeFunnel.CASE_BY_SITE.id());
                StageRow r = a.table(bySite ? OutcomeFunnel.CASE_BY_SITE : OutcomeFunnel.CASE_BY_TYPE)
                        .row(row);
                if (bySite || r.group().equals(OutcomeFunnel.ALL)) return share ? stageKey(r.group(), r.stage()) : null;
                // a type's first stage counts the type's cases
                return col.equals("n") && r.stage().equals(OutcomeFunnel.INVESTIGATION)
                        ? "type|" + ALL + "|" + r.group()
                        : null;
            }
            if (p[0].equals(SampleDescription.ID)) {
                if (p[1].equals(SampleDescription.SITES.id()) && col.equals("cases"))
                    return "cases|"
                            + siteOf(a.table(SampleDescription.SITES).row(row).taskForce());
                if (p[1].equals(SampleDescription.TYPE_BY_SITE.id()) && col.equals("cases")) {
                    var r = a.table(SampleDescription.TYPE_BY_SITE).row(row);
                    return "type|" + r.taskForce() + "|" + r.type();
                }
                if (p[1].equals(SampleDescription.TRAFFICKING_TYPE.id())) {
                    if (col.equals("denominator")) return "cases|" + ALL;
                    return share
                            ? "type|" + ALL + "|"
                                    + a.table(SampleDescription.TRAFFICKING_TYPE)
                                            .row(row)
                                            .type()
                            : null;
                }
                return null;
            }
            if (p[0].equals(Survivors.ID)
                    && (p[1].equals(Survivors.TREATMENT_BY_SITE.id()) || p[1].equals(Survivors.TREATMENT_TABLE.id()))) {
                boolean bySite = p[1].equals(Survivors.TREATMENT_BY_SITE.id());
                Survivors.TreatmentRow r = a.table(bySite ? Survivors.TREATMENT_BY_SITE : Survivors.TREATMENT_TABLE)
                        .row(row);
                if (!bySite && !r.group().equals("All")) return null;
                String site = bySite ? r.group() : ALL;
                if (col.equals("denominator")) return survKey(site, r.measure(), "d");
                return share ? survKey(site, r.measure(), "n") : null;
            }
            return null;
        }

        /** The count key of an anonymized cell of a task-force report, or null. */
        private String untraced(PrintedCell c, String own, Map<String, String> labels) {
            if (own == null) return null;
            String site = c.row().equals("All task forces")
                    ? ALL
                    : c.row().startsWith("Your task force") ? own : labels.get(c.row());
            if (c.caption().contains("Cases reaching each stage at every task force")) {
                if (site == null || c.column().equals("Task force")) return null;
                return stageKey(site, c.column().equals("Cases") ? OutcomeFunnel.INVESTIGATION : c.column());
            }
            if (c.caption().contains("Cases by type of trafficking at every task force")) {
                if (site == null || c.column().equals("Task force")) return null;
                return c.column().equals("All types") ? "cases|" + site : "type|" + site + "|" + c.column();
            }
            if (c.caption().contains("beside all task forces")
                    && c.caption().startsWith("Table")
                    && c.caption().contains("Survivors of")) {
                return switch (c.column()) {
                    case "All task forces", "All %" -> survKey(ALL, c.row(), "n");
                    case "Of" -> survKey(ALL, c.row(), "d");
                    default -> null;
                };
            }
            return null;
        }

        /** The denominator of the share whose count is {@code key}: assumed known to the attacker. */
        private Long denominator(String key) {
            String[] p = key.split("\\|", -1);
            if (p[0].equals("surv")) return system.truth(survKey(p[1], p[2], "d"));
            if (p[0].equals("stage") && results.has(OutcomeFunnel.ID)) {
                var t = results.analysis(OutcomeFunnel.ID).table(OutcomeFunnel.CASE_BY_SITE);
                return t.first(r -> siteOf(r.group()).equals(p[1]) && r.stage().equals(p[2]))
                        .map(StageRow::share)
                        .map(ShareCells::denominator)
                        .orElse(null);
            }
            if (p[0].equals("type") && system.has("cases|" + p[1])) return system.truth("cases|" + p[1]);
            return null;
        }

        /** A percentage printed to its decimals, of a known denominator, pins the count. */
        private void percent(String key, String text, long denominator) {
            String num = text.substring(0, text.length() - 1);
            int dot = num.indexOf('.');
            int decimals = dot < 0 ? 0 : num.length() - dot - 1;
            double half = 0.5 * Math.pow(10, -decimals);
            double p;
            try {
                p = Double.parseDouble(num);
            } catch (NumberFormatException e) {
                return;
            }
            long lo = (long) Math.ceil((p - half) / 100.0 * denominator - 1e-9);
            long hi = (long) Math.floor((p + half) / 100.0 * denominator + 1e-9);
            system.bound(key, Math.max(0, lo), hi);
        }

        /** The anonymous labels of task force {@code own}'s report: the others by size, then ID. */
        private Map<String, String> others(String own) {
            Map<String, String> out = new LinkedHashMap<>();
            if (!results.has(SampleDescription.ID)) return out;
            List<SampleDescription.SiteRow> rows = new ArrayList<>();
            for (SampleDescription.SiteRow r : results.analysis(SampleDescription.ID)
                    .table(SampleDescription.SITES)
                    .rows()) {
                if (!r.taskForce().equals(SampleDescription.ALL)
                        && r.cases() > 0
                        && !r.taskForce().equals(own)) rows.add(r);
            }
            rows.sort(Comparator.comparing((SampleDescription.SiteRow r) -> -r.cases())
                    .thenComparing(SampleDescription.SiteRow::taskForce));
            for (int i = 0; i < rows.size(); i++)
                out.put("Task force " + letter(i), rows.get(i).taskForce());
            return out;
        }

        private static String letter(int i) {
            return i < 26 ? String.valueOf((char) ('A' + i)) : letter(i / 26 - 1) + (char) ('A' + i % 26);
        }
    }

    /** A short account without any count (for logs and refusals). */
    public static String summary(Result r) {
        return String.format(
                Locale.ROOT,
                "%d numbers printed, %d cells withheld, %d attacker-count pairs checked, %d small counts recoverable"
                        + " (%d withheld complements pinned)",
                r.printed(),
                r.withheld(),
                r.checked(),
                r.recovered().size(),
                r.complements());
    }
}
