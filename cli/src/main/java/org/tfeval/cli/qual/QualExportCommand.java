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
            "Only codable (de-identified and reviewed) transcripts are exported, and of those only what the acting login",
            "may read (survivor transcripts need a survivor-access grant; coders get their assignments) and whose",
            "participants consented to quotes and did not withdraw. The project name carries the recipient and an export",
            "ID, which the audit event records with every survivor interview exported."
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

    @Option(
            names = "--recipient",
            paramLabel = "NAME",
            description = "Who receives the export, marked in the project (default: the acting login).")
    String recipient;

    @Override
    public Integer call() {
        try (Study s = study.open()) {
            Interviews q = Interviews.of(s);
            if (out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".qdc")) q.exportCodebook(out);
            else {
                Interviews.ProjectExport e =
                        q.exportProject(out, study.actor(), recipient != null ? recipient : study.actor());
                spec.commandLine()
                        .getOut()
                        .printf(
                                "Export %s: %d transcripts; left out %d beyond the login's access, %d without consent to"
                                        + " quotes, %d withdrawn%n",
                                e.exportId(),
                                e.project().sources().size(),
                                e.withheldAccess(),
                                e.withheldConsent(),
                                e.withheldWithdrawn());
            }
            spec.commandLine().getOut().println("Wrote " + out);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
