package org.tfeval.cli.qual;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.StudyOptions;
import org.tfeval.qual.matrix.ThemeMatrix;
import org.tfeval.study.Study;
import org.tfeval.study.StudyJson;
import org.tfeval.study.qual.Interviews;
import org.tfeval.study.qual.QualAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "matrix",
        header = "Theme matrix: rows (group, site or participant) by code, three counts per cell.",
        description = {
            "Each cell: coded segments / distinct interviewees / distinct sites, from each interview's newest transcript.",
            "Without --restricted, interviewee counts below the minimum cell size are withheld with complementary",
            "suppression (a withheld cell shows none of its counts); participant rows need --restricted."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "1:refused", "2:bad usage", "3:internal failure"})
final class QualMatrixCommand implements Callable<Integer> {
    /** Output formats of a matrix. */
    enum Format {
        TEXT,
        JSON,
        CSV
    }

    /** The columns a matrix can have (codes only, for now). */
    enum Columns {
        CODE
    }

    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Option(names = "--rows", defaultValue = "group", description = "group, site or participant.")
    Interviews.Rows rows;

    @Option(names = "--cols", defaultValue = "code", description = "code.")
    Columns cols;

    @Option(names = "--site", paramLabel = "TF", description = "Only this task force.")
    String site;

    @Option(names = "--restricted", description = "Every count (restricted tier; never for release).")
    boolean restricted;

    @Option(names = "--format", defaultValue = "text", description = "text, json or csv.")
    Format format;

    @Option(
            names = "--cooccurrence",
            description = "Code co-occurrence instead: overlapping segments, shared speaker turns, interviewees.")
    boolean cooccurrence;

    @Override
    public Integer call() {
        if (cooccurrence) return cooccurrence();
        try (Study s = study.open()) {
            ThemeMatrix.Result m = Interviews.of(s)
                    .matrix(rows, site, restricted ? ThemeMatrix.Audience.RESTRICTED : ThemeMatrix.Audience.PUBLISHED);
            PrintWriter pw = spec.commandLine().getOut();
            switch (format) {
                case JSON:
                    pw.println(StudyJson.pretty(json(m)));
                    break;
                case CSV:
                    pw.println("row,code,segments,interviewees,sites");
                    for (int i = 0; i < m.rows().size(); i++) {
                        for (int j = 0; j < m.columns().size(); j++) {
                            ThemeMatrix.Cell c = m.cells()[i][j];
                            pw.println(csv(m.rows().get(i)) + ","
                                    + csv(m.columns().get(j)) + ","
                                    + (c.withheld() ? ",," : c.segments() + "," + c.interviewees() + "," + c.sites()));
                        }
                    }
                    break;
                default:
                    pw.printf("%-40s", "");
                    m.columns().forEach(col -> pw.printf(" %18s", trim(col)));
                    pw.println();
                    for (int i = 0; i < m.rows().size(); i++) {
                        pw.printf("%-40s", trim(m.rows().get(i)));
                        for (int j = 0; j < m.columns().size(); j++) {
                            ThemeMatrix.Cell c = m.cells()[i][j];
                            pw.printf(
                                    " %18s",
                                    c.withheld() ? "*" : c.segments() + "/" + c.interviewees() + "/" + c.sites());
                        }
                        pw.println();
                    }
                    pw.println("segments/interviewees/sites" + (m.suppressed() ? "; * withheld (small counts)" : ""));
            }
            pw.flush();
            return ExitCodes.OK;
        }
    }

    private Integer cooccurrence() {
        try (Study s = study.open()) {
            List<QualAnalysis.Pair> pairs = QualAnalysis.of(s)
                    .cooccurrence(site, restricted ? ThemeMatrix.Audience.RESTRICTED : ThemeMatrix.Audience.PUBLISHED);
            PrintWriter pw = spec.commandLine().getOut();
            if (format == Format.JSON) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (QualAnalysis.Pair p : pairs) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("code_a", p.codeA());
                    m.put("code_b", p.codeB());
                    m.put("withheld", p.withheld());
                    m.put("same_segment", p.withheld() ? null : p.sameSegment());
                    m.put("same_turn", p.withheld() ? null : p.sameTurn());
                    m.put("interviewees", p.withheld() ? null : p.interviewees());
                    rows.add(m);
                }
                pw.println(StudyJson.pretty(rows));
            } else {
                if (format == Format.CSV) pw.println("code_a,code_b,same_segment,same_turn,interviewees");
                for (QualAnalysis.Pair p : pairs) {
                    String counts = p.withheld()
                            ? (format == Format.CSV ? ",," : "*")
                            : format == Format.CSV
                                    ? p.sameSegment() + "," + p.sameTurn() + "," + p.interviewees()
                                    : "segment " + p.sameSegment() + "  turn " + p.sameTurn() + "  interviewees "
                                            + p.interviewees();
                    pw.println(
                            format == Format.CSV
                                    ? csv(p.codeA()) + "," + csv(p.codeB()) + "," + counts
                                    : p.codeA() + " + " + p.codeB() + ": " + counts);
                }
            }
            pw.flush();
            return ExitCodes.OK;
        }
    }

    private static Map<String, Object> json(ThemeMatrix.Result m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("suppressed", m.suppressed());
        List<Map<String, Object>> cells = new ArrayList<>();
        for (int i = 0; i < m.rows().size(); i++) {
            for (int j = 0; j < m.columns().size(); j++) {
                ThemeMatrix.Cell c = m.cells()[i][j];
                Map<String, Object> cell = new LinkedHashMap<>();
                cell.put("row", m.rows().get(i));
                cell.put("code", m.columns().get(j));
                cell.put("withheld", c.withheld());
                cell.put("segments", c.withheld() ? null : c.segments());
                cell.put("interviewees", c.withheld() ? null : c.interviewees());
                cell.put("sites", c.withheld() ? null : c.sites());
                cells.add(cell);
            }
        }
        out.put("cells", cells);
        return out;
    }

    private static String trim(String s) {
        return s.length() > 38 ? s.substring(0, 37) + "." : s;
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
