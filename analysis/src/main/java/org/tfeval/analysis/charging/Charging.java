package org.tfeval.analysis.charging;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import org.tfeval.analysis.Analysis;
import org.tfeval.analysis.AnalysisResult;
import org.tfeval.analysis.AnalysisSettings;
import org.tfeval.analysis.ResultTable;
import org.tfeval.analysis.ShareCells;
import org.tfeval.analysis.TableKey;
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
    /** The instrument's code class of {@code S_TOP_CHARGE} that holds the trafficking statutes. */
    public static final String TRAFFICKING_STATUTE_CLASS = "trafficking_statute";

    public static final String TRAFFICKING = "Trafficking statute";
    public static final String OTHER = "Other statute";

    /** A top charge, whether it is a trafficking statute, and its share of prosecuted suspects. */
    public record TopChargeRow(String charge, String statute, ShareCells share) {}

    /** A group (all, or a type of trafficking), what is measured, the share. */
    public record StatuteRow(String type, String measure, ShareCells share) {}

    /** A venue, its prosecuted suspects and their share, and the share of them charged with trafficking. */
    public record VenueRow(String venue, long suspects, Double share, ShareCells charged) {}

    /** An arrest charge level and its share of arrested suspects. */
    public record LevelRow(String level, ShareCells share) {}

    public static final TableKey<TopChargeRow> TOP_CHARGE = TableKey.of("top_charge", TopChargeRow.class);
    public static final TableKey<StatuteRow> STATUTE = TableKey.of("statute", StatuteRow.class);
    public static final TableKey<VenueRow> VENUE = TableKey.of("venue", VenueRow.class);
    public static final TableKey<LevelRow> ARREST_CHARGE_LEVEL = TableKey.of("arrest_charge_level", LevelRow.class);

    @Override
    public List<TableKey<?>> tables() {
        return List.of(TOP_CHARGE, STATUTE, VENUE, ARREST_CHARGE_LEVEL);
    }

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
        List<ResultTable<?>> tables = new ArrayList<>();

        Categories top = Categories.of(s.code("S_TOP_CHARGE"), pros, data.codes("suspect", "S_TOP_CHARGE"));
        ResultTable.Builder<TopChargeRow> tb = ResultTable.builder(TOP_CHARGE, "Top charge of prosecuted suspects")
                .text("charge", "Top charge")
                .text("statute", "Statute")
                .shareColumns("Suspects");
        Set<Long> traffickingStatutes = data.instrument().codeClass("S_TOP_CHARGE", TRAFFICKING_STATUTE_CLASS);
        long traffickingTop = 0;
        for (var e : top.counts().entrySet()) {
            Share sh = new Share(e.getValue(), top.total(), top.excluded());
            tb.add(new TopChargeRow(
                    data.label("suspect", "S_TOP_CHARGE", e.getKey()),
                    traffickingStatutes.contains(e.getKey().longValue()) ? TRAFFICKING : OTHER,
                    ShareCells.of(sh, Intervals.wilson(sh, conf))));
            if (traffickingStatutes.contains(e.getKey().longValue())) traffickingTop += e.getValue();
        }
        tb.note("Of " + top.total() + " prosecuted suspects with a recorded top charge."
                + excluded(data, top.excluded().describe(data.instrument())));
        tables.add(tb.build());

        ResultTable.Builder<StatuteRow> sb = ResultTable.builder(
                        STATUTE, "Trafficking versus other statutes among prosecuted suspects")
                .text("type", "Type")
                .text("measure", "Measure")
                .shareColumns("Suspects");
        Share topShare = new Share(traffickingTop, top.total(), top.excluded());
        sb.add(new StatuteRow(
                "All",
                "Top charge under a trafficking statute",
                ShareCells.of(topShare, Intervals.wilson(topShare, conf))));
        var ht = s.code("HT_TYPE");
        var charged = s.code("S_HT_CHARGED");
        Share any = Share.count(s.rows(), pros, charged::get);
        sb.add(new StatuteRow(
                "All", "Any charge under a trafficking statute", ShareCells.of(any, Intervals.wilson(any, conf))));
        for (Long code : data.codes("case", "HT_TYPE")) {
            int c = code.intValue();
            Share byType = Share.count(s.rows(), i -> pros.test(i) && ht.get(i) == c, charged::get);
            sb.add(new StatuteRow(
                    data.label("case", "HT_TYPE", c),
                    "Any charge under a trafficking statute",
                    ShareCells.of(byType, Intervals.wilson(byType, conf))));
        }
        sb.note(
                "'Any charge' is S_HT_CHARGED (charged under a trafficking statute at all); 'top charge' is S_TOP_CHARGE codes 1-4.");
        tables.add(sb.build());

        Categories venue = Categories.of(s.code("S_VENUE"), pros, data.codes("suspect", "S_VENUE"));
        ResultTable.Builder<VenueRow> vb = ResultTable.builder(
                        VENUE, "Venue of prosecution, and trafficking charges by venue")
                .text("venue", "Venue")
                .count("suspects", "Prosecuted suspects")
                .proportion("share", "% of prosecuted")
                .shareColumns("Charged with trafficking");
        var sv = s.code("S_VENUE");
        for (var e : venue.counts().entrySet()) {
            int v = e.getKey().intValue();
            Share byVenue = Share.count(s.rows(), i -> pros.test(i) && sv.get(i) == v, charged::get);
            var ci = Intervals.wilson(byVenue, conf);
            vb.add(new VenueRow(
                    data.label("suspect", "S_VENUE", v),
                    e.getValue(),
                    venue.total() == 0 ? null : (double) e.getValue() / venue.total(),
                    ShareCells.of(byVenue, ci)));
        }
        vb.note("Of " + venue.total() + " prosecuted suspects with a recorded venue."
                + excluded(data, venue.excluded().describe(data.instrument())));
        tables.add(vb.build());

        var arrested = s.code("S_ARRESTED");
        Categories level = Categories.of(
                s.code("S_ARREST_CHARGE_LEVEL"),
                i -> s.site(i) >= 0 && arrested.get(i) == 1,
                data.codes("suspect", "S_ARREST_CHARGE_LEVEL"));
        ResultTable.Builder<LevelRow> lb = ResultTable.builder(
                        ARREST_CHARGE_LEVEL, "Arrest charge level of arrested suspects")
                .text("level", "Level")
                .shareColumns("Suspects");
        for (var e : level.counts().entrySet()) {
            Share sh = new Share(e.getValue(), level.total(), level.excluded());
            lb.add(new LevelRow(
                    data.label("suspect", "S_ARREST_CHARGE_LEVEL", e.getKey()),
                    ShareCells.of(sh, Intervals.wilson(sh, conf))));
        }
        tables.add(lb.build());
        return new AnalysisResult(
                ID,
                title(),
                "Distributions of the top charge, venue and arrest charge level among prosecuted (or arrested) "
                        + "suspects, and shares charged under a trafficking statute, with " + settings.confidenceLabel()
                        + " Wilson intervals.",
                tables,
                List.of());
    }

    private static String excluded(StudyData data, String words) {
        return words.isEmpty() ? "" : " Left out: " + words + ".";
    }
}
