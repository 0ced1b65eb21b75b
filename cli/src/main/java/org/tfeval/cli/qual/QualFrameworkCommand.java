package org.tfeval.cli.qual;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.StudyOptions;
import org.tfeval.study.Study;
import org.tfeval.study.StudyJson;
import org.tfeval.study.qual.FrameworkMatrix;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "framework",
        header = "The framework matrix: participant x theme, the analyst's summary and the supporting quotes.",
        description = {
            "RESTRICTED TIER ONLY: rows are participant IDs and cells hold their words. Never for release.",
            "Only codable (de-identified, reviewed) transcripts the acting login may read count; withdrawn participants",
            "never appear; quotes only where the participant's consent allows them (otherwise the cell says how many",
            "segments were withheld). Every showing carries the per-recipient mark and is audited with its export ID."
        },
        subcommands = {QualFrameworkCommand.Show.class, QualFrameworkCommand.Summarise.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:refused", "2:bad usage", "3:internal failure"})
final class QualFrameworkCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    enum Format {
        TEXT,
        JSON,
        CSV
    }

    @Command(
            name = "show",
            header = "The framework matrix (restricted tier only; marked for its recipient).",
            description = {
                "Columns are the named codes; a category stands for its codable codes. The output's first line (CSV:",
                "a # comment; JSON: \"mark\") names the recipient and the export ID: do not pass it on."
            },
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:shown", "2:bad usage", "3:internal failure"})
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StudyOptions study;

        @Option(
                names = "--codes",
                required = true,
                split = ",",
                paramLabel = "A,B",
                description = "Codes or categories, comma-separated.")
        List<String> codes;

        @Option(names = "--site", paramLabel = "TF", description = "Only this task force.")
        String site;

        @Option(
                names = "--recipient",
                paramLabel = "NAME",
                description = "Who receives it, marked in the output (default: the acting login).")
        String recipient;

        @Option(names = "--format", defaultValue = "text", description = "text, json or csv.")
        Format format;

        @Override
        public Integer call() {
            try (Study s = study.open()) {
                FrameworkMatrix.Framework m = FrameworkMatrix.of(s).show(codes, site, study.actor(), recipient);
                PrintWriter pw = spec.commandLine().getOut();
                switch (format) {
                    case JSON:
                        pw.println(StudyJson.pretty(json(m)));
                        break;
                    case CSV:
                        pw.println("# RESTRICTED: " + m.mark());
                        pw.println(
                                "participant,group,site,theme,summary,summary_version,segments,quotes_withheld,quotes");
                        for (FrameworkMatrix.Row r : m.rows()) {
                            for (int k = 0; k < m.themes().size(); k++) {
                                FrameworkMatrix.Cell c = r.cells().get(k);
                                pw.println(String.join(
                                        ",",
                                        csv(r.participant()),
                                        csv(r.group()),
                                        csv(r.site()),
                                        csv(m.themes().get(k)),
                                        csv(c.summary() == null ? "" : c.summary()),
                                        Integer.toString(c.summaryVersion()),
                                        Integer.toString(c.segments()),
                                        Integer.toString(c.quotesWithheld()),
                                        csv(String.join(" | ", c.quotes()))));
                            }
                        }
                        break;
                    default:
                        pw.println("RESTRICTED: " + m.mark());
                        for (FrameworkMatrix.Row r : m.rows()) {
                            pw.printf("%s (%s, %s)%n", r.participant(), r.group(), r.site());
                            for (int k = 0; k < m.themes().size(); k++) {
                                FrameworkMatrix.Cell c = r.cells().get(k);
                                pw.printf(
                                        "  %s: %d segment(s)%s%n",
                                        m.themes().get(k),
                                        c.segments(),
                                        c.quotesWithheld() > 0
                                                ? ", " + c.quotesWithheld() + " without consent to quotes"
                                                : "");
                                if (c.summary() != null)
                                    pw.printf("    summary (v%d): %s%n", c.summaryVersion(), c.summary());
                                for (String q : c.quotes()) pw.printf("    \u201C%s\u201D%n", q);
                            }
                        }
                        pw.printf(
                                "%d participant(s) x %d theme(s)%n",
                                m.rows().size(), m.themes().size());
                }
                pw.flush();
                return ExitCodes.OK;
            }
        }

        private static Map<String, Object> json(FrameworkMatrix.Framework m) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("tier", "restricted");
            out.put("mark", m.mark());
            out.put("export_id", m.exportId());
            out.put("themes", m.themes());
            List<Map<String, Object>> rows = new ArrayList<>();
            for (FrameworkMatrix.Row r : m.rows()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("participant", r.participant());
                row.put("group", r.group());
                row.put("site", r.site());
                List<Map<String, Object>> cells = new ArrayList<>();
                for (FrameworkMatrix.Cell c : r.cells()) {
                    Map<String, Object> cell = new LinkedHashMap<>();
                    cell.put("summary", c.summary());
                    cell.put("summary_version", c.summaryVersion());
                    cell.put("summary_author", c.summaryAuthor());
                    cell.put("segments", c.segments());
                    cell.put("quotes_withheld", c.quotesWithheld());
                    cell.put("quotes", c.quotes());
                    cells.add(cell);
                }
                row.put("cells", cells);
                rows.add(row);
            }
            out.put("rows", rows);
            return out;
        }

        /** A CSV field; one a spreadsheet would run as a formula gets a leading apostrophe. */
        private static String csv(String value) {
            String s = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
            return s.contains(",") || s.contains("\"") || s.contains("\n") || s.startsWith("#")
                    ? "\"" + s.replace("\"", "\"\"") + "\""
                    : s;
        }
    }

    @Command(
            name = "summarise",
            header = "Save the analyst's summary of one participant on one theme (a new version; audited).",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:saved", "1:refused", "2:bad usage", "3:internal failure"})
    static final class Summarise implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StudyOptions study;

        @Option(names = "--participant", required = true, paramLabel = "P", description = "The participant ID.")
        String participant;

        @Option(names = "--code", required = true, paramLabel = "C", description = "The code (theme).")
        String code;

        @Option(names = "--text", required = true, paramLabel = "T", description = "The summary.")
        String text;

        @Override
        public Integer call() {
            try (Study s = study.open()) {
                int version = FrameworkMatrix.of(s).summarise(participant, code, text, study.actor());
                spec.commandLine().getOut().printf("Saved summary version %d%n", version);
                spec.commandLine().getOut().flush();
                return ExitCodes.OK;
            }
        }
    }
}
