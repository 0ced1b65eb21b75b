package org.tfeval.cli.qual;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.StudyOptions;
import org.tfeval.study.Study;
import org.tfeval.study.qual.Interviews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "import",
        header = "Import a REFI-QDA codebook (.qdc) or project (.qdpx).",
        description = {
            "Lenient: GUIDs with or without braces in either case, CRLF line ends. What cannot be carried (pictures, sets,",
            "links, codings on sources that do not match a codable transcript) is listed in the data-loss report."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:imported", "1:bad data", "2:bad usage", "3:internal failure"})
final class QualImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Parameters(index = "0", paramLabel = "FILE", description = "F.qdpx or F.qdc.")
    Path file;

    @Override
    public Integer call() {
        try (Study s = study.open()) {
            Interviews q = Interviews.of(s);
            PrintWriter pw = spec.commandLine().getOut();
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".qdc")) {
                pw.printf(
                        "Imported %d codes.%n",
                        q.importCodebook(file, study.actor()).codes().size());
            } else {
                List<String> loss = q.importProject(file, study.actor());
                pw.printf("Imported %s; data-loss report: %d item(s)%n", file.getFileName(), loss.size());
                loss.forEach(l -> pw.println("  " + l));
            }
            pw.flush();
            return ExitCodes.OK;
        }
    }
}
