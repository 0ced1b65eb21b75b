package org.tfeval.report.qualitative;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.tfeval.analysis.StudyResults;
import org.tfeval.analysis.funnel.OutcomeFunnel;
import org.tfeval.report.document.Cell;
import org.tfeval.report.document.Cells;
import org.tfeval.report.document.Document;
import org.tfeval.report.document.Format;
import org.tfeval.report.document.TableView;
import org.tfeval.report.findings.ResultLookup;
import org.tfeval.snapshot.qual.QualitativeFindings;
import org.tfeval.stats.disclosure.ComplementarySuppression;
import org.tfeval.stats.disclosure.CountTable;
import org.tfeval.stats.disclosure.Suppression;

/**
 * The qualitative findings chapter. Everything it prints leaves the restricted tier, so every count of
 * interviewees passes {@link ComplementarySuppression} (withheld cells print {@link Cell#SUPPRESSED}, and no
 * sentence is written about a withheld count); quotes are the snapshot's candidates only (codable transcripts:
 * de-identified and reviewed; participants consenting to quotes; never a withdrawn participant), attributed to
 * the stakeholder group alone. Every sentence is returned with the table it is read from ({@link Written}).
 */
public final class QualitativeChapter {
    /** Quotes printed per theme. */
    public static final int QUOTES_PER_THEME = 2;

    /** The conventional minimum for alpha (Krippendorff 2004). */
    public static final double ALPHA_MINIMUM = 0.80;

    /** Label of the reader's own task force in the per-site variant. */
    public static final String YOURS = "Your task force";

    private QualitativeChapter() {}

    /**
     * A sentence the chapter wrote, with the table it states a value of (null for a sentence about the methods).
     *
     * @param text  the sentence
     * @param table the caption of the table holding its figures
     */
    public record Sentence(String text, String table) {}

    /**
     * What was written.
     *
     * @param tables    the tables as printed
     * @param sentences the generated sentences
     * @param quotes    the quotes printed
     */
    public record Written(List<TableView> tables, List<Sentence> sentences, List<String> quotes) {
        public Written {
            tables = List.copyOf(tables);
            sentences = List.copyOf(sentences);
            quotes = List.copyOf(quotes);
        }
    }

    /**
     * A joint display: a case-file figure beside what one stakeholder group says about one theme.
     *
     * @param label  the figure in words
     * @param figure reads the figure (a share in percent) and its trace from the analysis results
     * @param theme  the theme (code name)
     * @param group  the stakeholder group's label
     */
    public record JointDisplay(
            String label, Function<StudyResults, Optional<Cell>> figure, String theme, String group) {
        public JointDisplay {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(figure, "figure");
            Objects.requireNonNull(theme, "theme");
            Objects.requireNonNull(group, "group");
        }

        /**
         * The evaluation's joint display: the share of prosecuted sex-trafficking cases carrying a trafficking
         * charge beside the prosecutors' stated reasons for charging other statutes.
         */
        public static List<JointDisplay> standard() {
            return List.of(new JointDisplay(
                    "Prosecuted sex-trafficking cases with a trafficking charge",
                    results -> new ResultLookup(results)
                            .table(OutcomeFunnel.ID, OutcomeFunnel.TRAFFICKING_CHARGE_TABLE)
                            .flatMap(t -> t.first(r -> r.level().equals("Cases")
                                            && r.denominator().equals(OutcomeFunnel.OF_PROSECUTED_SEX))
                                    .filter(r -> r.share().pct() != null)
                                    .map(r -> new Cell(
                                            Format.percent(r.share().pct()),
                                            Cells.trace(OutcomeFunnel.ID, t, r, "pct"),
                                            false))),
                    "CHARGING_OTHER_STATUTES",
                    "Prosecutor"));
        }
    }

    /** The chapter of the technical report: all sites together. */
    public static Written write(
            Document doc, QualitativeFindings findings, StudyResults results, ComplementarySuppression rule) {
        return write(doc, findings, results, rule, JointDisplay.standard());
    }

    public static Written write(
            Document doc,
            QualitativeFindings findings,
            StudyResults results,
            ComplementarySuppression rule,
            List<JointDisplay> displays) {
        Objects.requireNonNull(findings, "findings");
        Objects.requireNonNull(rule, "rule");
        List<TableView> tables = new ArrayList<>();
        List<Sentence> sentences = new ArrayList<>();
        List<String> quotes = new ArrayList<>();
        doc.section("Qualitative findings");
        if (findings.empty()) {
            doc.paragraph("No interviews were coded when this snapshot was taken.");
            return new Written(tables, sentences, quotes);
        }
        methods(doc, findings, rule, tables, sentences);
        Map<String, Integer> totals = interviewedByGroup(findings, null);
        for (Map.Entry<String, List<String>> q : questions(findings).entrySet()) {
            doc.subsection(q.getKey());
            themeTable(doc, findings, null, q.getKey(), q.getValue(), totals, rule, tables, sentences);
            for (String theme : q.getValue()) printQuotes(doc, findings, theme, null, quotes);
        }
        jointDisplays(doc, findings, results, displays, totals, rule, tables, sentences, quotes);
        return new Written(tables, sentences, quotes);
    }

    /**
     * The chapter of one task force's report: its own themes by group (small counts withheld), the other sites
     * only anonymised ("Task force A", by number of interviewees) in a table of interviewees per theme with
     * complementary suppression, and quotes from its own interviews only.
     */
    public static Written writeForSite(
            Document doc, QualitativeFindings findings, String site, ComplementarySuppression rule) {
        Objects.requireNonNull(site, "site");
        List<TableView> tables = new ArrayList<>();
        List<Sentence> sentences = new ArrayList<>();
        List<String> quotes = new ArrayList<>();
        doc.section("What stakeholders said");
        Map<String, Integer> totals = interviewedByGroup(findings, site);
        if (totals.isEmpty()) {
            doc.paragraph("No interviews at this task force were coded when this snapshot was taken.");
            return new Written(tables, sentences, quotes);
        }
        for (Map.Entry<String, List<String>> q : questions(findings).entrySet()) {
            doc.subsection(q.getKey());
            themeTable(doc, findings, site, q.getKey(), q.getValue(), totals, rule, tables, sentences);
            for (String theme : q.getValue()) printQuotes(doc, findings, theme, site, quotes);
        }
        crossSite(doc, findings, site, rule, tables, sentences);
        return new Written(tables, sentences, quotes);
    }

    // ------------------------------------------------------------------------------------------ methods

    private static void methods(
            Document doc,
            QualitativeFindings f,
            ComplementarySuppression rule,
            List<TableView> tables,
            List<Sentence> sentences) {
        int people = f.interviewed().stream()
                .mapToInt(QualitativeFindings.Interviewed::interviewees)
                .sum();
        long sites = f.interviewed().stream()
                .map(QualitativeFindings.Interviewed::site)
                .distinct()
                .count();
        long groups = f.interviewed().stream()
                .map(QualitativeFindings.Interviewed::group)
                .distinct()
                .count();
        String m = "Transcripts of " + people + " interviewees in " + groups + " stakeholder groups at " + sites
                + " task forces were de-identified, reviewed and coded with the study's codebook. Counts of"
                + " interviewees below " + rule.threshold() + " are withheld (" + Cell.SUPPRESSED + "), with"
                + " further counts where needed so that none can be recovered; quotes come only from reviewed,"
                + " de-identified text of participants who consented to be quoted.";
        doc.paragraph(m);
        sentences.add(new Sentence(m, null));
        QualitativeFindings.Reliability r = f.reliability();
        if (r == null) {
            String s = "No reliability round was closed when this snapshot was taken.";
            doc.paragraph(s);
            sentences.add(new Sentence(s, null));
            return;
        }
        String caption = "Inter-coder reliability, round " + r.round();
        TableView.Builder b = TableView.builder(caption)
                .headers("Code", "Agreement (%)", "Kappa", "95% CI", "Alpha (turns)", "95% CI");
        int reaching = 0;
        int defined = 0;
        double lowKappa = Double.NaN;
        double highKappa = Double.NaN;
        for (QualitativeFindings.CodeReliability c : r.codes()) {
            b.row(
                    Cell.text(c.code()),
                    Cell.text(Format.number(c.percentAgreement())),
                    Cell.text(Format.number(c.kappa())),
                    Cell.text(Format.numberInterval(c.kappaLower(), c.kappaUpper())),
                    Cell.text(Format.number(c.alpha())),
                    Cell.text(Format.numberInterval(c.alphaLower(), c.alphaUpper())));
            if (c.alpha() != null) {
                defined++;
                if (c.alpha() >= ALPHA_MINIMUM) reaching++;
            }
            if (c.kappa() != null) {
                lowKappa = Double.isNaN(lowKappa) ? c.kappa() : Math.min(lowKappa, c.kappa());
                highKappa = Double.isNaN(highKappa) ? c.kappa() : Math.max(highKappa, c.kappa());
            }
        }
        b.note("Kappa and agreement over characters as NVivo computes them (the first two coders); alpha:"
                + " Krippendorff's nominal alpha with speaker turns as units for all coders; intervals: percentile"
                + " bootstrap over turns.");
        TableView t = b.build();
        String s = r.coders() + " coders coded " + r.transcripts() + " transcripts blind in round " + r.round()
                + "; character-level kappa ranged from " + Format.number(lowKappa) + " to "
                + Format.number(highKappa) + ", and " + reaching + " of " + defined
                + " codes reached Krippendorff's alpha of " + Format.number(ALPHA_MINIMUM) + " on turns (Table "
                + doc.nextTable() + ").";
        doc.paragraph(s);
        sentences.add(new Sentence(s, caption));
        doc.table(t);
        tables.add(t);
    }

    // ------------------------------------------------------------------------------------------ themes

    /** Themes by research question (the top category), questions and themes in name order. */
    static Map<String, List<String>> questions(QualitativeFindings f) {
        Map<String, TreeSet<String>> m = new TreeMap<>();
        for (QualitativeFindings.ThemeCount t : f.themes())
            m.computeIfAbsent(t.question(), k -> new TreeSet<>()).add(t.theme());
        Map<String, List<String>> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return out;
    }

    /** Interviewees per group (one site, or all when {@code site} is null), groups in name order. */
    static Map<String, Integer> interviewedByGroup(QualitativeFindings f, String site) {
        Map<String, Integer> m = new TreeMap<>();
        for (QualitativeFindings.Interviewed i : f.interviewed()) {
            if (site == null || i.site().equals(site)) m.merge(i.group(), i.interviewees(), Integer::sum);
        }
        return m;
    }

    /** Interviewees with a theme per group (one site, or all). */
    static long interviewees(QualitativeFindings f, String theme, String group, String site) {
        return f.themes().stream()
                .filter(t -> t.theme().equals(theme)
                        && t.group().equals(group)
                        && (site == null || t.site().equals(site)))
                .mapToLong(QualitativeFindings.ThemeCount::interviewees)
                .sum();
    }

    private static void themeTable(
            Document doc,
            QualitativeFindings f,
            String site,
            String question,
            List<String> themes,
            Map<String, Integer> totals,
            ComplementarySuppression rule,
            List<TableView> tables,
            List<Sentence> sentences) {
        List<String> groups = new ArrayList<>(totals.keySet());
        long[][] cells = new long[themes.size()][groups.size()];
        for (int r = 0; r < themes.size(); r++) {
            for (int c = 0; c < groups.size(); c++) cells[r][c] = interviewees(f, themes.get(r), groups.get(c), site);
        }
        Suppression s = rule.apply(new CountTable(cells, new boolean[themes.size()], false, false));
        String caption = question + ": interviewees raising each theme, by stakeholder group";
        List<String> headers = new ArrayList<>();
        headers.add("Theme");
        for (String g : groups) {
            long n = totals.get(g);
            headers.add(g + " (n = " + (rule.small(n) ? Cell.SUPPRESSED : Long.toString(n)) + ")");
        }
        TableView.Builder b = TableView.builder(caption).headers(headers.toArray(String[]::new));
        for (int r = 0; r < themes.size(); r++) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.text(themes.get(r)));
            for (int c = 0; c < groups.size(); c++) {
                row.add(s.cell(r, c) ? Cell.withheld() : Cell.text(Long.toString(cells[r][c])));
            }
            b.row(row);
        }
        b.note("Distinct interviewees whose coded words carry the theme; n: interviewees of the group with a coded"
                + " transcript. " + Cell.SUPPRESSED + ": withheld (fewer than " + rule.threshold()
                + " interviewees, or protecting such a count).");
        TableView t = b.build();
        int number = doc.nextTable();
        // one sentence per group: the theme most of its interviewees raised, only where that count is printed
        List<String> said = new ArrayList<>();
        for (int c = 0; c < groups.size(); c++) {
            int best = -1;
            for (int r = 0; r < themes.size(); r++) {
                if (s.cell(r, c) || cells[r][c] == 0) continue;
                if (best < 0 || cells[r][c] > cells[best][c]) best = r;
            }
            if (best < 0 || rule.small(totals.get(groups.get(c)))) continue;
            said.add(groups.get(c) + ": " + themes.get(best) + " (" + cells[best][c] + " of "
                    + totals.get(groups.get(c)) + " interviewees)");
        }
        if (!said.isEmpty()) {
            String text = "The theme raised by most interviewees of each group, where the count may be printed: "
                    + String.join("; ", said) + " (Table " + number + ").";
            doc.paragraph(text);
            sentences.add(new Sentence(text, caption));
        }
        doc.table(t);
        tables.add(t);
    }

    private static void printQuotes(Document doc, QualitativeFindings f, String theme, String site, List<String> out) {
        List<String> items = new ArrayList<>();
        for (QualitativeFindings.Quote q : f.quotes()) {
            if (!q.theme().equals(theme) || (site != null && !q.site().equals(site))) continue;
            if (items.size() == QUOTES_PER_THEME) break;
            String line = "\u201C" + q.text() + "\u201D (" + q.group().toLowerCase(Locale.ROOT) + ")";
            if (items.contains(line)) continue;
            items.add(line);
            out.add(q.text());
        }
        if (!items.isEmpty()) {
            doc.paragraph(theme + ", in the interviewees' words:");
            doc.bullets(items);
        }
    }

    // ------------------------------------------------------------------------------------------ joint displays

    private static void jointDisplays(
            Document doc,
            QualitativeFindings f,
            StudyResults results,
            List<JointDisplay> displays,
            Map<String, Integer> totals,
            ComplementarySuppression rule,
            List<TableView> tables,
            List<Sentence> sentences,
            List<String> quotes) {
        if (results == null || displays.isEmpty()) return;
        String caption = "Joint display: case-file figures beside what stakeholders say";
        TableView.Builder b = TableView.builder(caption)
                .headers("Case-file figure", "Value", "Theme", "Interviewees raising it", "In their words");
        int rows = 0;
        List<String> texts = new ArrayList<>();
        for (JointDisplay d : displays) {
            Optional<Cell> figure = d.figure().apply(results);
            Integer n = totals.get(d.group());
            if (figure.isEmpty() || n == null) continue;
            long k = interviewees(f, d.theme(), d.group(), null);
            boolean withheld = rule.small(k) || rule.small(n);
            String quote = f.quotes().stream()
                    .filter(q -> q.theme().equals(d.theme()) && q.group().equals(d.group()))
                    .map(QualitativeFindings.Quote::text)
                    .findFirst()
                    .orElse(null);
            b.row(
                    Cell.text(d.label()),
                    figure.get(),
                    Cell.text(d.theme()),
                    withheld ? Cell.withheld() : Cell.text(k + " of " + n + " " + plural(d.group())),
                    Cell.text(quote == null ? Format.NONE : "\u201C" + quote + "\u201D"));
            if (quote != null) quotes.add(quote);
            rows++;
            if (!withheld) {
                texts.add(d.label() + ": " + figure.get().text() + "; " + k + " of " + n + " "
                        + plural(d.group()).toLowerCase(Locale.ROOT) + " raised " + d.theme());
            }
        }
        if (rows == 0) return;
        TableView t = b.build();
        int number = doc.nextTable();
        doc.subsection("Joint display");
        if (!texts.isEmpty()) {
            String text = String.join(". ", texts) + " (Table " + number + ").";
            doc.paragraph(text);
            sentences.add(new Sentence(text, caption));
        }
        doc.table(t);
        tables.add(t);
    }

    private static String plural(String group) {
        return group.endsWith("s") ? group : group + "s";
    }

    // ------------------------------------------------------------------------------------------ per site

    private static void crossSite(
            Document doc,
            QualitativeFindings f,
            String site,
            ComplementarySuppression rule,
            List<TableView> tables,
            List<Sentence> sentences) {
        Map<String, Integer> bySite = new TreeMap<>();
        for (QualitativeFindings.Interviewed i : f.interviewed())
            bySite.merge(i.site(), i.interviewees(), Integer::sum);
        List<String> others = new ArrayList<>(bySite.keySet());
        others.remove(site);
        others.sort(Comparator.comparing((String s) -> -bySite.get(s)).thenComparing(Comparator.naturalOrder()));
        List<String> order = new ArrayList<>();
        order.add(site);
        order.addAll(others);
        List<String> themes = f.themes().stream()
                .map(QualitativeFindings.ThemeCount::theme)
                .distinct()
                .sorted()
                .toList();
        long[][] cells = new long[order.size()][themes.size()];
        for (int r = 0; r < order.size(); r++) {
            for (int c = 0; c < themes.size(); c++) {
                String sSite = order.get(r);
                String theme = themes.get(c);
                cells[r][c] = f.themes().stream()
                        .filter(t -> t.site().equals(sSite) && t.theme().equals(theme))
                        .mapToLong(QualitativeFindings.ThemeCount::interviewees)
                        .sum();
            }
        }
        Suppression s = rule.apply(new CountTable(cells, new boolean[order.size()], false, false));
        String caption = "Interviewees raising each theme: your task force and the others (anonymised)";
        List<String> headers = new ArrayList<>();
        headers.add("Task force");
        headers.addAll(themes);
        TableView.Builder b = TableView.builder(caption).headers(headers.toArray(String[]::new));
        for (int r = 0; r < order.size(); r++) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.text(r == 0 ? YOURS : "Task force " + (char) ('A' + r - 1)));
            for (int c = 0; c < themes.size(); c++) {
                row.add(s.cell(r, c) ? Cell.withheld() : Cell.text(Long.toString(cells[r][c])));
            }
            b.row(row);
        }
        b.note("Other task forces are not named; they are ordered by their number of interviewees. " + Cell.SUPPRESSED
                + ": withheld (fewer than " + rule.threshold() + ", or protecting such a count).");
        TableView t = b.build();
        String text = "How often each theme came up at your task force and, anonymised, at the other " + others.size()
                + " task forces (Table " + doc.nextTable() + ").";
        doc.subsection("Beside the other task forces");
        doc.paragraph(text);
        sentences.add(new Sentence(text, caption));
        doc.table(t);
        tables.add(t);
    }
}
