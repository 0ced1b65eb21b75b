package org.tfeval.cli.qual;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.OutputFormat;
import org.tfeval.cli.StudyOptions;
import org.tfeval.study.Study;
import org.tfeval.study.StudyJson;
import org.tfeval.study.qual.Interviews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "import",
        header = "Import transcripts (.txt, .docx, .vtt, .srt) into the study.",
        description = {
            "Each file becomes canonical text (UTF-8, NFC, LF) with its SHA-256 and speaker turns (Name: markers, VTT voices",
            "and cue times), linked to the interview its name starts with (TF01-P7-I1.vtt) or to --interview, in state",
            "imported: the original sealed under the participant's key, and identifiers suggested (tfeval deid). A file",
            "for an interview that already has a transcript is a new version: once it is de-identified, codings move to",
            "it by a diff-based remap, and those that cannot be placed go to a review list. All files or none are stored."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:imported", "1:refused or bad data", "2:bad usage", "3:internal failure"})
final class TranscriptsImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Transcript files.")
    List<Path> files;

    @Option(names = "--interview", paramLabel = "ID", description = "The interview (one file only).")
    String interview;

    @Option(names = "--format", defaultValue = "text", description = "Output: text or json.")
    OutputFormat format;

    @Override
    public Integer call() {
        try (Study s = study.open()) {
            List<Interviews.Imported> out = Interviews.of(s).importTranscripts(files, interview, study.actor());
            PrintWriter pw = spec.commandLine().getOut();
            if (format == OutputFormat.JSON) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (Interviews.Imported i : out) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("interview", i.interviewId());
                    m.put("version", i.version());
                    m.put("text_sha256", i.textSha256());
                    m.put("code_points", i.length());
                    m.put("turns", i.turns());
                    m.put("codings_moved", i.moved());
                    m.put("codings_to_review", i.toReview());
                    rows.add(m);
                }
                pw.println(StudyJson.pretty(rows));
            } else {
                for (Interviews.Imported i : out) {
                    pw.printf(
                            "%s v%d: %,d code points, %d turns, sha256 %s%s%n",
                            i.interviewId(),
                            i.version(),
                            i.length(),
                            i.turns(),
                            i.textSha256().substring(0, 12),
                            i.version() > 1 ? ", codings moved " + i.moved() + ", to review " + i.toReview() : "");
                }
                pw.printf("Imported %d transcript(s), state imported.%n", out.size());
            }
            pw.flush();
            return ExitCodes.OK;
        }
    }
}
