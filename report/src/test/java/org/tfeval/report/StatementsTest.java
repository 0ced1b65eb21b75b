package org.tfeval.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tfeval.analysis.ShareCells;
import org.tfeval.analysis.charging.Charging;
import org.tfeval.analysis.comparison.TaskForceComparison;
import org.tfeval.analysis.comparison.TaskForceComparison.SiteLevelRow;
import org.tfeval.analysis.comparison.TaskForceComparison.Verdict;
import org.tfeval.analysis.disparity.Disproportionality;
import org.tfeval.analysis.disposition.TimeToDisposition;
import org.tfeval.analysis.funnel.OutcomeFunnel;
import org.tfeval.analysis.identification.Identification;
import org.tfeval.analysis.prediction.OutcomePrediction;
import org.tfeval.analysis.sample.SampleDescription;
import org.tfeval.analysis.survivors.Survivors;
import org.tfeval.report.brief.PractitionerBrief;
import org.tfeval.report.document.Format;
import org.tfeval.report.findings.ExecutiveSummary;
import org.tfeval.report.findings.Findings;
import org.tfeval.report.findings.Limitations;
import org.tfeval.report.findings.Recommendations;
import org.tfeval.report.findings.ResultLookup;
import org.tfeval.report.findings.Statement;
import org.w3c.dom.Element;

/**
 * Every generated sentence read against the result table it cites: the numbers are rebuilt here from
 * the cited table's rows (chosen by this test, not by the generator) and the sentence must print them.
 */
class StatementsTest {
    static Rendered r;
    static ResultLookup lookup;
    static String conf;
    static double alpha;

    @BeforeAll
    static void render() {
        r = Rendered.standard();
        lookup = new ResultLookup(r.results);
        conf = lookup.confidence();
        alpha = 1 - Double.parseDouble(r.results.settings().getOrDefault("confidence", "0.95"));
    }

    static Statement one(List<Statement> all, String start) {
        List<Statement> hits =
                all.stream().filter(s -> s.text().startsWith(start)).toList();
        assertThat(hits).as("one statement starting '" + start + "' in " + all).hasSize(1);
        return hits.get(0);
    }

    static <R extends Record> R row(String analysis, org.tfeval.analysis.TableKey<R> key, Predicate<R> p) {
        return r.results.analysis(analysis).table(key).first(p).orElseThrow();
    }

    static String ci(ShareCells s) {
        return " (" + conf + " CI " + Format.percentInterval(s.ciLow(), s.ciHigh()) + "%)";
    }

    static List<Statement> everyStatement() {
        List<Statement> all = new ArrayList<>(Findings.summary(lookup));
        all.addAll(Limitations.from(lookup));
        all.addAll(Recommendations.from(lookup));
        all.addAll(ExecutiveSummary.from(lookup, Recommendations.from(lookup).size()));
        return all;
    }

    @Test
    void every_statement_cites_tables_that_exist_in_the_results() {
        for (Statement s : everyStatement()) {
            for (String src : s.sources()) {
                String[] p = src.split("/");
                assertThat(r.results.has(p[0])).as(src).isTrue();
                assertThat(r.results.analysis(p[0]).table(p[1])).as(src).isNotNull();
            }
        }
    }

    // ---- Findings

    @Test
    void the_sample_sentence_prints_the_total_row_of_the_task_force_table() {
        var t = r.results.analysis(SampleDescription.ID).table(SampleDescription.SITES);
        var all = t.first(x -> x.taskForce().equals(SampleDescription.ALL)).orElseThrow();
        long withCases = t.rows().stream()
                .filter(x -> !x.taskForce().equals(SampleDescription.ALL) && x.cases() > 0)
                .count();
        Statement s = one(Findings.summary(lookup), "The study holds");
        assertThat(s.sources()).containsExactly("sample/sites");
        assertThat(s.text())
                .isEqualTo("The study holds " + Format.count(all.cases(), "case file", "case files") + " from "
                        + withCases + " of its " + Format.count(t.rowCount() - 1, "task force", "task forces")
                        + ", with " + Format.count(all.victims(), "survivor", "survivors") + " and "
                        + Format.count(all.suspects(), "suspect", "suspects") + ".");
    }

    static ShareCells sexStage(String stage) {
        return row(
                        OutcomeFunnel.ID,
                        OutcomeFunnel.CASE_BY_TYPE,
                        x -> x.group().equals("Sex trafficking") && x.stage().equals(stage))
                .share();
    }

    @Test
    void the_funnel_sentence_prints_the_sex_trafficking_rows_of_the_case_funnel_with_their_intervals() {
        ShareCells inv = sexStage(OutcomeFunnel.INVESTIGATION);
        ShareCells arrest = sexStage(OutcomeFunnel.ARREST);
        ShareCells pros = sexStage(OutcomeFunnel.PROSECUTION);
        Statement s = one(Findings.summary(lookup), "Of " + Format.count(inv.n()) + " sex-trafficking investigation");
        assertThat(s.sources()).containsExactly("funnel/case_by_type");
        assertThat(s.text())
                .contains(Format.percent(arrest.pct()) + " led to an arrest" + ci(arrest))
                .contains(Format.percent(pros.pct()) + " to a prosecution" + ci(pros));
    }

    @Test
    void the_trafficking_charge_sentence_prints_both_denominators_with_their_design_based_intervals() {
        ShareCells all = row(
                        OutcomeFunnel.ID,
                        OutcomeFunnel.TRAFFICKING_CHARGE_TABLE,
                        x -> x.level().equals("Cases") && x.denominator().equals(OutcomeFunnel.OF_ALL_SEX))
                .share();
        ShareCells pros = row(
                        OutcomeFunnel.ID,
                        OutcomeFunnel.TRAFFICKING_CHARGE_TABLE,
                        x -> x.level().equals("Cases") && x.denominator().equals(OutcomeFunnel.OF_PROSECUTED_SEX))
                .share();
        Statement s = one(Findings.summary(lookup), "A charge under a trafficking statute");
        assertThat(s.text())
                .contains(Format.percent(all.pct()) + " of all sex-trafficking investigations" + ci(all))
                .contains(Format.percent(pros.pct()) + " of those prosecuted" + ci(pros))
                .contains("design-based");
    }

    @Test
    void the_charging_sentence_names_the_most_frequent_top_charge_and_the_trafficking_statute_share() {
        var t = r.results.analysis(Charging.ID).table(Charging.TOP_CHARGE);
        Charging.TopChargeRow best = t.rows().get(0);
        for (var x : t.rows()) if (x.share().pct() > best.share().pct()) best = x;
        var statute = row(
                Charging.ID,
                Charging.STATUTE,
                x -> x.type().equals("All") && x.measure().equals("Top charge under a trafficking statute"));
        Statement s = one(Findings.summary(lookup), "The most common top charge");
        assertThat(s.text())
                .contains(best.charge().toLowerCase(Locale.ROOT) + ", an estimated "
                        + Format.percent(best.share().pct()) + ci(best.share()) + ";")
                .contains(Format.percent(statute.share().pct()) + ci(statute.share()) + " had a trafficking statute")
                .contains(Findings.DESIGN_BASED);
    }

    @Test
    void the_identification_sentence_names_the_commonest_source_of_sex_trafficking_cases_and_the_sting_share() {
        var t = r.results.analysis(Identification.ID).table(Identification.ID_SOURCE);
        Identification.SourceRow best = null;
        for (var x : t.rows()) {
            if (x.type().equals("Sex trafficking")
                    && (best == null || x.share().pct() > best.share().pct())) best = x;
        }
        var stings = row(
                Identification.ID,
                Identification.ACTUAL_VICTIM_TABLE,
                x -> x.cases().equals("Undercover stings"));
        Statement s = one(Findings.summary(lookup), "Sex-trafficking cases most often came");
        assertThat(s.text())
                .contains(best.source().toLowerCase(Locale.ROOT) + ", an estimated "
                        + Format.percent(best.share().pct()) + ci(best.share()) + ";")
                .contains(Findings.DESIGN_BASED)
                .contains(Format.percent(1 - stings.share().pct()) + " of stings involved no actual victim");
    }

    static ShareCells treatment(String measure) {
        return row(
                        Survivors.ID,
                        Survivors.TREATMENT_TABLE,
                        x -> x.group().equals("All") && x.measure().equals(measure))
                .share();
    }

    @Test
    void the_survivor_sentence_prints_referral_and_arrest_of_all_survivors_in_the_right_number() {
        ShareCells referred = treatment("Referred to services");
        ShareCells arrested = treatment("Victim arrested");
        Statement s =
                one(Findings.summary(lookup), "Of " + Format.count(referred.denominator(), "survivor", "survivors"));
        assertThat(s.text())
                .contains(Format.percent(referred.pct()) + ci(referred) + " were referred to services")
                .contains(Format.count(arrested.n()) + " of "
                        + Format.count(arrested.denominator(), "survivor", "survivors") + " "
                        + (arrested.n() == 1 ? "was" : "were")
                        + " themselves arrested, an estimated " + Format.percent(arrested.pct()) + ci(arrested) + ".")
                .contains(Findings.DESIGN_BASED);
    }

    static Disproportionality.RaceRow largestRatio() {
        Disproportionality.RaceRow best = null;
        for (var x : r.results
                .analysis(Disproportionality.ID)
                .table(Disproportionality.SUSPECTS)
                .rows()) {
            if (x.ratio() != null && x.n() >= Findings.MIN_GROUP_FOR_TEXT && (best == null || x.ratio() > best.ratio()))
                best = x;
        }
        return best;
    }

    @Test
    void the_disparity_sentence_prints_the_largest_ratio_among_groups_large_enough_to_name() {
        var best = largestRatio();
        Statement s = one(Findings.summary(lookup), best.race() + " people were");
        assertThat(s.text())
                .contains(Format.percent(best.share()) + " of suspects")
                .contains("against " + Format.percent(best.benchmark()))
                .contains(Format.number(best.ratio()) + " times their share (" + conf + " CI "
                        + Format.numberInterval(best.ratioLow(), best.ratioHigh()) + ")");
    }

    @Test
    void the_disposition_sentence_prints_the_sex_trafficking_median_its_interval_and_the_pending_count() {
        var x = row(
                TimeToDisposition.ID, TimeToDisposition.SUMMARY, y -> y.type().equals("Sex trafficking"));
        Statement s = one(Findings.summary(lookup), "Prosecuted sex-trafficking suspects waited");
        assertThat(s.text())
                .contains("a median of " + Format.number(x.medianDays()) + " days")
                .contains(Format.numberInterval(x.medianLow(), x.medianHigh()))
                .contains("; " + Format.count(x.pending()) + " " + (x.pending() == 1 ? "was" : "were")
                        + " still pending");
    }

    @Test
    void the_model_sentences_say_why_a_model_is_not_a_finding_or_list_exactly_the_holm_significant_terms() {
        List<Statement> all = Findings.summary(lookup);
        for (String[] o : OutcomePrediction.OUTCOMES) {
            var model = row(
                    OutcomePrediction.ID,
                    OutcomePrediction.MODELS,
                    m -> m.outcome().equals(o[2]));
            String outcome = o[2].toLowerCase(Locale.ROOT);
            List<Statement> about = all.stream()
                    .filter(s -> s.sources()
                            .contains("prediction/"
                                    + (model.status().equals(OutcomePrediction.REPORTED)
                                            ? o[1]
                                            : OutcomePrediction.MODELS.id())))
                    .filter(s -> s.text().contains(outcome))
                    .toList();
            assertThat(about).as(o[2]).hasSize(1);
            String text = about.get(0).text();
            if (!model.status().equals(OutcomePrediction.REPORTED)) {
                assertThat(text)
                        .contains("is not reported as a finding")
                        .contains(model.status().substring(OutcomePrediction.NOT_A_FINDING.length()));
                continue;
            }
            long screened = 0;
            for (var c : r.results
                    .analysis(OutcomePrediction.ID)
                    .table(OutcomePrediction.coefficients(o[1]))
                    .rows()) {
                if (c.term().equals("intercept") || c.term().startsWith(OutcomePrediction.SITE_TERM_PREFIX)) continue;
                if (c.robustHolmP() == null || c.oddsRatio() == null) continue;
                screened++;
                String named = "odds ratio " + Format.number(c.oddsRatio()) + ", Holm-adjusted p "
                        + Format.pValue(c.robustHolmP());
                if (c.robustHolmP() < alpha) assertThat(text).contains(named);
                else assertThat(text).doesNotContain(named);
            }
            assertThat(text).contains(Format.count(screened, "coefficient", "coefficients") + " screened");
        }
    }

    // ---- the task-force-level comparison: the smallest possible p-value of every split

    static double binomial(long n, long k) {
        double c = 1;
        for (long i = 1; i <= k; i++) c = c * (n - k + i) / i;
        return c;
    }

    @Test
    void every_split_has_a_sentence_with_its_smallest_possible_p_value_rebuilt_from_its_arm_sizes() {
        var sites = r.results.analysis(TaskForceComparison.ID).table(TaskForceComparison.SITE_LEVEL);
        List<String> sentences =
                r.results.analysis(TaskForceComparison.ID).table(TaskForceComparison.STATEMENT).rows().stream()
                        .map(TaskForceComparison.StatementRow::statement)
                        .toList();
        String report =
                Rendered.xml(r.reports.technicalHtml()).getDocumentElement().getTextContent();
        assertThat(sites.rows()).isNotEmpty();
        for (SiteLevelRow x : sites.rows()) {
            List<String> mine = sentences.stream()
                    .filter(s -> s.startsWith(x.feature() + " (") || s.startsWith(x.feature() + ":"))
                    .toList();
            assertThat(mine).as(x.feature()).hasSize(1);
            String s = mine.get(0);
            assertThat(report).as("printed in the technical report").contains(s);
            if (x.verdict().equals(Verdict.TESTED.words()) || x.verdict().equals(Verdict.DESCRIPTIVE.words())) {
                // an exact two-sided permutation test of a with/without split of n task forces, k with: at best one
                // assignment of the C(n, k) reaches the largest |difference|, so p >= 1 / C(n, k); an even split pairs
                // every assignment with its mirror image (same |difference|), so p >= 2 / C(n, k)
                long n = x.with() + x.without();
                double smallest = Math.min(1, (2 * x.with() == n ? 2 : 1) / binomial(n, x.with()));
                assertThat(x.smallestP())
                        .as(x.feature())
                        .isCloseTo(smallest, org.assertj.core.data.Offset.offset(1e-12));
                assertThat(s)
                        .contains(x.with() + " against " + x.without() + " task forces")
                        .contains("the smallest p-value")
                        .endsWith(TaskForceComparison.pValue(smallest) + ".");
            } else if (x.verdict().equals(Verdict.ONE_SITE.words())) {
                assertThat(s).contains("one task force is alone").contains("gets no p-value");
                assertThat(x.prosecutionP()).isNull();
                assertThat(x.chargeP()).isNull();
            } else {
                assertThat(s).contains("cannot compare");
            }
        }
    }

    // ---- Limitations

    @Test
    void the_limitations_print_site_counts_labor_cases_sample_drawers_and_pending_cases_from_their_tables() {
        List<Statement> lim = Limitations.from(lookup);
        var sites = r.results.analysis(SampleDescription.ID).table(SampleDescription.SITES);
        long withCases = sites.rows().stream()
                .filter(x -> !x.taskForce().equals(SampleDescription.ALL) && x.cases() > 0)
                .count();
        assertThat(one(lim, "The case-file findings rest on").text())
                .startsWith("The case-file findings rest on " + Format.count(withCases, "task force", "task forces"))
                .contains(Format.count(withCases, "site is", "sites are") + " too few");
        long labor = 0;
        long all = 0;
        for (var x : r.results
                .analysis(SampleDescription.ID)
                .table(SampleDescription.TRAFFICKING_TYPE)
                .rows()) {
            all = x.share().denominator();
            if (x.type().startsWith("Labor") || x.type().startsWith("Both"))
                labor += x.share().n();
        }
        assertThat(one(lim, "Only " + Format.count(labor, "case", "cases")).text())
                .contains(Format.percent((double) labor / all));
        for (var x : r.results
                .analysis(SampleDescription.ID)
                .table(SampleDescription.SAMPLING)
                .rows()) {
            if (x.taskForces() == 0) continue;
            if (x.variable().startsWith("Who drew") && x.value().startsWith("Task-force"))
                assertThat(one(lim, "At " + Format.count(x.taskForces(), "task force", "task forces") + " a task-force")
                                .text())
                        .contains("(" + Format.count(x.cases(), "case", "cases") + ")");
            if (x.variable().startsWith("Case-file mode") && x.value().startsWith("Paper"))
                one(lim, "At " + Format.count(x.taskForces(), "task force", "task forces") + " coders read paper");
        }
        long pending = r.results.analysis(TimeToDisposition.ID).table(TimeToDisposition.SUMMARY).rows().stream()
                .mapToLong(TimeToDisposition.SummaryRow::pending)
                .sum();
        if (pending > 0)
            one(lim, Format.count(pending, "prosecuted suspect's case was", "prosecuted suspects' cases were"));
        var closure = row(
                SampleDescription.ID, SampleDescription.CLOSURE, x -> x.cases().equals("All cases"));
        assertThat(one(lim, "Only closed case files").text())
                .contains("(" + Format.count(closure.share().n()) + " of "
                        + Format.count(
                                closure.share().denominator() + closure.share().excluded(), "file", "files"));
    }

    // ---- Recommendations

    @Test
    void each_recommendation_appears_exactly_when_its_condition_holds_and_prints_the_figure_that_triggers_it() {
        List<Statement> recs = Recommendations.from(lookup);
        ShareCells prosecuted = row(
                        OutcomeFunnel.ID,
                        OutcomeFunnel.TRAFFICKING_CHARGE_TABLE,
                        x -> x.level().equals("Cases") && x.denominator().equals(OutcomeFunnel.OF_PROSECUTED_SEX))
                .share();
        check(
                recs,
                "Review charging",
                prosecuted.pct() < Recommendations.LOW_TRAFFICKING_CHARGE,
                "only " + Format.percent(prosecuted.pct()) + " of prosecuted sex-trafficking cases");
        ShareCells arrested = treatment("Victim arrested");
        check(
                recs,
                "Screen before arresting",
                arrested.n() > 0,
                Format.count(arrested.n()) + " of " + Format.count(arrested.denominator(), "survivor", "survivors")
                        + " " + (arrested.n() == 1 ? "was" : "were") + " arrested, an estimated "
                        + Format.percent(arrested.pct()) + " of survivors");
        ShareCells referred = treatment("Referred to services");
        check(
                recs,
                "Refer every survivor",
                referred.pct() < Recommendations.FULL_REFERRAL,
                "only " + Format.percent(referred.pct()) + " of survivors");
        long flagged = 0;
        for (var x : r.results
                .analysis(Disproportionality.ID)
                .table(Disproportionality.SUSPECTS)
                .rows()) {
            if (x.ratio() == null || x.n() < Findings.MIN_GROUP_FOR_TEXT) continue;
            double low = x.ratioLow() != null ? x.ratioLow() : x.ratio();
            String words = x.race() + " people were " + Format.percent(x.share()) + " of suspects, "
                    + Format.number(x.ratio()) + " times";
            assertThat(recs.stream().anyMatch(s -> s.text().contains(words)))
                    .as(x.race())
                    .isEqualTo(low > Recommendations.DISPROPORTION);
            if (low > Recommendations.DISPROPORTION) flagged++;
        }
        assertThat(recs.stream().filter(s -> s.text().startsWith("Examine who is targeted")))
                .hasSize((int) flagged);
        ShareCells stings = row(
                        Identification.ID,
                        Identification.ACTUAL_VICTIM_TABLE,
                        x -> x.cases().equals("Undercover stings"))
                .share();
        check(
                recs,
                "Build cases from victims",
                stings.denominator() > 0 && 1 - stings.pct() > Recommendations.STING_ONLY_SHARE,
                Format.percent(1 - stings.pct()) + " of undercover stings");
        var sex = row(
                TimeToDisposition.ID, TimeToDisposition.SUMMARY, y -> y.type().equals("Sex trafficking"));
        check(
                recs,
                "Track time in court",
                sex.medianDays() != null && sex.medianDays() > Recommendations.SLOW_DISPOSITION_DAYS,
                "was " + Format.number(sex.medianDays()) + " days");
    }

    static void check(List<Statement> recs, String start, boolean expected, String figure) {
        List<Statement> hits =
                recs.stream().filter(s -> s.text().startsWith(start)).toList();
        assertThat(hits).as(start).hasSize(expected ? 1 : 0);
        if (expected) assertThat(hits.get(0).text()).as(start).contains(figure);
    }

    @Test
    void a_specialized_prosecutor_is_recommended_only_when_the_task_force_level_test_supports_it() {
        var p = r.results.analysis(TaskForceComparison.ID).table(TaskForceComparison.SITE_LEVEL).rows().stream()
                .filter(x -> x.feature().equals("Specialized prosecutor"))
                .findFirst();
        boolean supported = p.isPresent()
                && p.get().prosecutionHolmP() != null
                && p.get().prosecutionHolmP() < alpha
                && p.get().prosecutionDifference() > 0;
        boolean said =
                Recommendations.from(lookup).stream().anyMatch(s -> s.text().contains("specialized prosecutor"));
        assertThat(said).isEqualTo(supported);
    }

    // ---- the executive summary

    @Test
    void the_executive_summary_is_prose_rebuilt_from_the_tables_it_cites_without_the_analyses_cautions() {
        int recs = Recommendations.from(lookup).size();
        List<Statement> summary = ExecutiveSummary.from(lookup, recs);
        var sites = r.results.analysis(SampleDescription.ID).table(SampleDescription.SITES);
        var all = sites.first(x -> x.taskForce().equals(SampleDescription.ALL)).orElseThrow();
        assertThat(one(summary, "This evaluation read").text())
                .contains(Format.count(all.cases(), "closed case file", "closed case files"))
                .contains(Format.count(all.victims(), "survivor", "survivors"))
                .contains(Format.count(all.suspects(), "suspect", "suspects"));
        ShareCells inv = sexStage(OutcomeFunnel.INVESTIGATION);
        assertThat(one(summary, "Of " + Format.count(inv.n())).text())
                .contains(Format.percent(sexStage(OutcomeFunnel.ARREST).pct()) + " led to an arrest")
                .contains(Format.percent(sexStage(OutcomeFunnel.PROSECUTION).pct()) + " to a prosecution");
        ShareCells referred = treatment("Referred to services");
        var best = largestRatio();
        assertThat(one(summary, "Of " + Format.count(referred.denominator(), "survivor", "survivors"))
                        .text())
                .contains(Format.percent(referred.pct()) + " were referred")
                .contains(best.race() + " people made up " + Format.percent(best.share()))
                .contains(Format.number(best.ratio()) + " times");
        // the task-force features: counted from the task-force-level table
        var site = r.results.analysis(TaskForceComparison.ID).table(TaskForceComparison.SITE_LEVEL);
        long tested = site.rows().stream()
                .filter(x -> x.verdict().equals(Verdict.TESTED.words()))
                .count();
        long differed = site.rows().stream()
                .filter(x -> x.verdict().equals(Verdict.TESTED.words()))
                .filter(x -> (x.prosecutionHolmP() != null && x.prosecutionHolmP() < alpha)
                        || (x.chargeHolmP() != null && x.chargeHolmP() < alpha))
                .count();
        String features = one(summary, "Task-force features were compared").text();
        assertThat(features).contains("of " + Format.count(site.rowCount(), "feature", "features") + ", ");
        if (tested == 0) assertThat(features).contains("none had enough task forces");
        else
            assertThat(features)
                    .contains(tested + " had enough")
                    .contains(
                            differed == 0
                                    ? (tested == 1 ? "its outcomes did not differ" : "none of them differed")
                                    : differed + " differed");
        assertThat(summary.get(summary.size() - 1).text())
                .contains("The report makes " + Format.count(recs, "recommendation", "recommendations"));
        // no caution of any analysis is repeated in the summary
        for (var a : r.results.analyses()) {
            for (String w : a.warnings()) {
                for (Statement s : summary) assertThat(s.text()).doesNotContain(w);
            }
        }
    }

    // ---- the brief

    /** A sentence without its closing full stop (the technical report puts its citation before it). */
    static String sentence(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    @Test
    void the_brief_recommends_only_what_the_technical_report_recommends_and_cautions_only_with_its_limitations() {
        var brief = Rendered.xml(r.reports.briefHtml());
        var tech = Rendered.xml(r.reports.technicalHtml());
        List<String> techItems = new ArrayList<>();
        for (Element li : Rendered.elements(tech, "li")) techItems.add(li.getTextContent());
        List<Element> ul = Rendered.elements(brief, "ul");
        // the brief's lists: what we found, what the data support, keep in mind
        assertThat(ul).hasSize(3);
        List<Element> recs = Rendered.elements(ul.get(1), "li");
        assertThat(recs).isNotEmpty();
        for (Element li : recs) {
            String rec = sentence(li.getTextContent());
            assertThat(techItems.stream().anyMatch(t -> t.startsWith(rec)))
                    .as("in the technical report: " + rec)
                    .isTrue();
        }
        for (Element li : Rendered.elements(ul.get(2), "li")) {
            String caution = sentence(li.getTextContent());
            assertThat(techItems.stream().anyMatch(t -> t.startsWith(caution)))
                    .as("a limitation of the technical report: " + caution)
                    .isTrue();
        }
        for (Element li : Rendered.elements(ul.get(0), "li")) {
            String finding = sentence(li.getTextContent());
            assertThat(techItems.stream().anyMatch(t -> t.contains(finding)))
                    .as("a finding of the technical report: " + finding)
                    .isTrue();
        }
        assertThat(PractitionerBrief.MAX_RECOMMENDATIONS).isPositive();
    }
}
