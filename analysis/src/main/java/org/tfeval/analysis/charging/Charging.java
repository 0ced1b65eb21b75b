package org.tfeval.analysis.charging;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import org.tfeval.analysis.Analysis;
import org.tfeval.analysis.AnalysisResult;
import org.tfeval.analysis.AnalysisSettings;
import org.tfeval.analysis.ResultTable;
import org.tfeval.analysis.data.Categories;
import org.tfeval.analysis.data.FormData;
import org.tfeval.analysis.data.Intervals;
import org.tfeval.analysis.data.Share;
import org.tfeval.analysis.data.StudyData;

/**
 * How prosecuted suspects were charged: the distribution of {@code S_TOP_CHARGE}, grouped into
 * trafficking statutes (codes 1-4) and other statutes; {@code S_HT_CHARGED} by type of
 * trafficking and by venue ({@code S_VENUE}); and {@code S_ARREST_CHARGE_LEVEL} of arrested
 * suspects.
 */
public final class Charging implements Analysis {
    /** Analysis id. */
    public static final String ID = "charging";
    /** Top-charge codes that are trafficking statutes (state or federal). */
    public static final Set<Integer> TRAFFICKING_STATUTES = Set.of(1, 2, 3, 4);
    public static final String TRAFFICKING = "Trafficking statute";
    public static final String OTHER = "Other statute";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Charging";
    }

    @Override
    public AnalysisResult run(StudyData data, AnalysisSettings settings) {
        double conf = settings.confidence();
        FormData s = data.suspects();
        var prosecuted = s.code("S_PROSECUTED");
        IntPredicate pros = i -> s.site(i) >= 0 && prosecuted.get(i) == 1;
        List<ResultTable> tables = new ArrayList<>();

        Categories top = Categories.of(s.code("S_TOP_CHARGE"), pros, data.codes("suspect", "S_TOP_CHARGE"));
        ResultTable.Builder tb = ResultTable.builder("top_charge", "Top charge of prosecuted suspects").text("charge", "Top charge")
                .text("statute", "Statute").shareColumns("Suspects");
        long traffickingTop = 0;
        for (var e : top.counts().entrySet()) {
            Share sh = new Share(e.getValue(), top.total(), top.excluded());
            tb.shareRow(sh, Intervals.wilson(sh, conf), data.label("suspect", "S_TOP_CHARGE", e.getKey()),
                    TRAFFICKING_STATUTES.contains(e.getKey().intValue()) ? TRAFFICKING : OTHER);
            if (TRAFFICKING_STATUTES.contains(e.getKey().intValue())) traffickingTop += e.getValue();
        }
        tb.note("Of " + top.total() + " prosecuted suspects with a recorded top charge." + excluded(data, top.excluded().describe(data.instrument())));
        tables.add(tb.build());

        ResultTable.Builder sb = ResultTable.builder("statute", "Trafficking versus other statutes among prosecuted suspects").text("type", "Type")
                .text("measure", "Measure").shareColumns("Suspects");
        Share topShare = new Share(traffickingTop, top.total(), top.excluded());
        sb.shareRow(topShare, Intervals.wilson(topShare, conf), "All", "Top charge under a trafficking statute");
        var ht = s.code("HT_TYPE");
        var charged = s.code("S_HT_CHARGED");
        Share any = Share.count(s.rows(), pros, charged::get);
        sb.shareRow(any, Intervals.wilson(any, conf), "All", "Any charge under a trafficking statute");
        for (Long code : data.codes("case", "HT_TYPE")) {
            int c = code.intValue();
            Share byType = Share.count(s.rows(), i -> pros.test(i) && ht.get(i) == c, charged::get);
            sb.shareRow(byType, Intervals.wilson(byType, conf), data.label("case", "HT_TYPE", c), "Any charge under a trafficking statute");
        }
        sb.note("'Any charge' is S_HT_CHARGED (charged under a trafficking statute at all); 'top charge' is S_TOP_CHARGE codes 1-4.");
        tables.add(sb.build());

        Categories venue = Categories.of(s.code("S_VENUE"), pros, data.codes("suspect", "S_VENUE"));
        ResultTable.Builder vb = ResultTable.builder("venue", "Venue of prosecution, and trafficking charges by venue").text("venue", "Venue")
                .count("suspects", "Prosecuted suspects").proportion("share", "% of prosecuted").shareColumns("Charged with trafficking");
        var sv = s.code("S_VENUE");
        for (var e : venue.counts().entrySet()) {
            int v = e.getKey().intValue();
            Share byVenue = Share.count(s.rows(), i -> pros.test(i) && sv.get(i) == v, charged::get);
            var ci = Intervals.wilson(byVenue, conf);
            vb.row(data.label("suspect", "S_VENUE", v), e.getValue(), venue.total() == 0 ? Double.NaN : (double) e.getValue() / venue.total(),
                    byVenue.events(), byVenue.trials(), byVenue.proportion(), ci.low(), ci.high(), byVenue.excluded().total());
        }
        vb.note("Of " + venue.total() + " prosecuted suspects with a recorded venue." + excluded(data, venue.excluded().describe(data.instrument())));
        tables.add(vb.build());

        var arrested = s.code("S_ARRESTED");
        Categories level = Categories.of(s.code("S_ARREST_CHARGE_LEVEL"), i -> s.site(i) >= 0 && arrested.get(i) == 1,
                data.codes("suspect", "S_ARREST_CHARGE_LEVEL"));
        ResultTable.Builder lb = ResultTable.builder("arrest_charge_level", "Arrest charge level of arrested suspects").text("level", "Level")
                .shareColumns("Suspects");
        for (var e : level.counts().entrySet()) {
            Share sh = new Share(e.getValue(), level.total(), level.excluded());
            lb.shareRow(sh, Intervals.wilson(sh, conf), data.label("suspect", "S_ARREST_CHARGE_LEVEL", e.getKey()));
        }
        tables.add(lb.build());
        return new AnalysisResult(ID, title(), "Distributions of the top charge, venue and arrest charge level among prosecuted (or arrested) "
                + "suspects, and shares charged under a trafficking statute, with " + settings.confidenceLabel() + " Wilson intervals.", tables, List.of());
    }

    private static String excluded(StudyData data, String words) {
        return words.isEmpty() ? "" : " Left out: " + words + ".";
    }
}
