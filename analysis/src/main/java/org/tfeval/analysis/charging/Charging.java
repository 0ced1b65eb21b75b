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
import org.tfeval.analysis.data.SampleDesign;
import org.tfeval.analysis.data.Share;
import org.tfeval.analysis.data.StudyData;

/**
 * How prosecuted suspects were charged: the distribution of {@code S_TOP_CHARGE}, grouped into
 * trafficking statutes (codes 1-4) and other statutes; {@code S_HT_CHARGED} by type of
 * trafficking and by venue ({@code S_VENUE}); and {@code S_ARREST_CHARGE_LEVEL} of arrested
 * suspects. Shares are design-based ({@link SampleDesign}: weighted, task force as the cluster), with the unweighted
 * share and its Wilson interval beside them.
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
        SampleDesign design = SampleDesign.of(data, settings.frames());
        String designNote = design.describe(settings.confidenceLabel());
        FormData s = data.suspects();
        var prosecuted = s.code("S_PROSECUTED");
        IntPredicate pros = i -> s.site(i) >= 0 && prosecuted.get(i) == 1;
        List<ResultTable<?>> tables = new ArrayList<>();

        var topCode = s.code("S_TOP_CHARGE");
        List<Long> topCodes = data.codes("suspect", "S_TOP_CHARGE");
        Categories top = Categories.of(topCode, pros, topCodes);
        ResultTable.Builder<TopChargeRow> tb = ResultTable.builder(TOP_CHARGE, "Top charge of prosecuted suspects")
                .text("charge", "Top charge")
                .text("statute", "Statute")
                .shareColumns("Suspects");
        Set<Long> traffickingStatutes = data.instrument().codeClass("S_TOP_CHARGE", TRAFFICKING_STATUTE_CLASS);
        for (var e : top.counts().entrySet()) {
            tb.add(new TopChargeRow(
                    data.label("suspect", "S_TOP_CHARGE", e.getKey()),
                    traffickingStatutes.contains(e.getKey().longValue()) ? TRAFFICKING : OTHER,
                    ShareCells.estimate(s, pros, Categories.status(topCode, topCodes, e.getKey()), design, conf)));
        }
        tb.note("Of " + top.total() + " prosecuted suspects with a recorded top charge."
                + excluded(data, top.excluded().describe(data.instrument())));
        tb.note(designNote);
        tables.add(tb.build());

        ResultTable.Builder<StatuteRow> sb = ResultTable.builder(
                        STATUTE, "Trafficking versus other statutes among prosecuted suspects")
                .text("type", "Type")
                .text("measure", "Measure")
                .shareColumns("Suspects");
        Set<Long> documentedTop = Set.copyOf(topCodes);
        sb.add(new StatuteRow(
                "All",
                "Top charge under a trafficking statute",
                ShareCells.estimate(
                        s,
                        pros,
                        i -> {
                            int v = topCode.get(i);
                            if (v >= 0 && traffickingStatutes.contains((long) v)) return Share.EVENT;
                            if (v >= 0 && documentedTop.contains((long) v)) return Share.NO_EVENT;
                            return v < 0 ? v : org.tfeval.analysis.data.Exclusions.UNDOCUMENTED;
                        },
                        design,
                        conf)));
        var ht = s.code("HT_TYPE");
        var charged = s.code("S_HT_CHARGED");
        sb.add(new StatuteRow(
                "All",
                "Any charge under a trafficking statute",
                ShareCells.estimate(s, pros, charged::get, design, conf)));
        for (Long code : data.codes("case", "HT_TYPE")) {
            int c = code.intValue();
            sb.add(new StatuteRow(
                    data.label("case", "HT_TYPE", c),
                    "Any charge under a trafficking statute",
                    ShareCells.estimate(s, i -> pros.test(i) && ht.get(i) == c, charged::get, design, conf)));
        }
        sb.note(
                "'Any charge' is S_HT_CHARGED (charged under a trafficking statute at all); 'top charge' is S_TOP_CHARGE codes 1-4.");
        sb.note(designNote);
        tables.add(sb.build());

        List<Long> venueCodes = data.codes("suspect", "S_VENUE");
        Categories venue = Categories.of(s.code("S_VENUE"), pros, venueCodes);
        ResultTable.Builder<VenueRow> vb = ResultTable.builder(
                        VENUE, "Venue of prosecution, and trafficking charges by venue")
                .text("venue", "Venue")
                .count("suspects", "Prosecuted suspects")
                .proportion("share", "% of prosecuted (design-based)")
                .shareColumns("Charged with trafficking");
        var sv = s.code("S_VENUE");
        for (var e : venue.counts().entrySet()) {
            int v = e.getKey().intValue();
            vb.add(new VenueRow(
                    data.label("suspect", "S_VENUE", v),
                    e.getValue(),
                    venue.total() == 0
                            ? null
                            : ShareCells.orNull(
                                    design.share(s.rows(), s::site, pros, Categories.status(sv, venueCodes, v), conf)
                                            .estimate()),
                    ShareCells.estimate(s, i -> pros.test(i) && sv.get(i) == v, charged::get, design, conf)));
        }
        vb.note("Of " + venue.total() + " prosecuted suspects with a recorded venue."
                + excluded(data, venue.excluded().describe(data.instrument())));
        vb.note("'% of prosecuted (design-based)' is the design-based share of prosecuted suspects with a recorded"
                + " venue who were prosecuted in that venue (its unweighted count is 'Prosecuted suspects'). "
                + designNote);
        tables.add(vb.build());

        var arrested = s.code("S_ARRESTED");
        var levelCode = s.code("S_ARREST_CHARGE_LEVEL");
        List<Long> levelCodes = data.codes("suspect", "S_ARREST_CHARGE_LEVEL");
        IntPredicate wasArrested = i -> s.site(i) >= 0 && arrested.get(i) == 1;
        Categories level = Categories.of(levelCode, wasArrested, levelCodes);
        ResultTable.Builder<LevelRow> lb = ResultTable.builder(
                        ARREST_CHARGE_LEVEL, "Arrest charge level of arrested suspects")
                .text("level", "Level")
                .shareColumns("Suspects");
        for (var e : level.counts().entrySet()) {
            lb.add(new LevelRow(
                    data.label("suspect", "S_ARREST_CHARGE_LEVEL", e.getKey()),
                    ShareCells.estimate(
                            s, wasArrested, Categories.status(levelCode, levelCodes, e.getKey()), design, conf)));
        }
        lb.note(designNote);
        tables.add(lb.build());
        return new AnalysisResult(
                ID,
                title(),
                "Distributions of the top charge, venue and arrest charge level among prosecuted (or arrested) "
                        + "suspects, and shares charged under a trafficking statute, with " + settings.confidenceLabel()
                        + " intervals, design-based (weighted, task force as the cluster), with the unweighted share"
                        + " and its Wilson interval beside each.",
                tables,
                List.of());
    }

    private static String excluded(StudyData data, String words) {
        return words.isEmpty() ? "" : " Left out: " + words + ".";
    }
}
