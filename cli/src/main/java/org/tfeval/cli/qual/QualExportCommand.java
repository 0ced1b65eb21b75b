package org.tfeval.cli.qual;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.StudyOptions;
import org.tfeval.study.Study;
import org.tfeval.study.qual.Interviews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "export",
        header = "Export the codebook (.qdc) or the coded codable transcripts (.qdpx) as REFI-QDA.",
        description = {
            "A .qdpx holds project.qde (valid against the REFI-QDA Project.xsd and semantically checked: unique GUIDs,",
            "resolving references, positions inside the text, codings only on codable codes) and sources/<guid>.txt.",
            "Only codable (de-identified and reviewed) transcripts are exported."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "1:the project fails its check", "2:bad usage", "3:internal failure"})
final class QualExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "F.qdpx or F.qdc.")
    Path out;

    @Override
    public Integer call() {
        try (Study s = study.open()) {
            Interviews q = Interviews.of(s);
            if (out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".qdc")) q.exportCodebook(out);
            else q.exportProject(out, study.actor());
            spec.commandLine().getOut().println("Wrote " + out);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
