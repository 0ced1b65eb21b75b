package org.tfeval.cli.deid;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.StudyOptions;
import org.tfeval.qual.deid.Roster;
import org.tfeval.study.Study;
import org.tfeval.study.accounts.Role;
import org.tfeval.study.qual.Deidentification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "roster",
        header = "List the study's roster, or add a name the study knows.",
        description = {
            "The roster: task-force names from the task-force form, and the entries added here. An entry with",
            "--participant is one of that participant's own names, sealed under their key (their removal shreds",
            "it); without, an agency, place or task force, stored plain. Listing shows the words (audited)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed or added", "1:refused", "2:bad usage", "3:internal failure"})
final class DeidRosterCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Option(names = "--add", paramLabel = "NAME", description = "The name to add.")
    String add;

    @Option(names = "--category", paramLabel = "CATEGORY", description = "Its category (with --add).")
    String category;

    @Option(names = "--participant", paramLabel = "ID", description = "Whose own name it is (sealed).")
    String participant;

    @Override
    public Integer call() {
        try (Study s = study.open()) {
            Deidentification d = Deidentification.of(s);
            PrintWriter pw = spec.commandLine().getOut();
            if (add != null) {
                if (category == null)
                    throw org.tfeval.instrument.workflow.Problem.usage("--add needs --category", null);
                long id = d.addRosterEntry(
                        DeidReviewCommand.category(category), add, participant, study.actor(), Role.PRIVACY_OFFICER);
                pw.printf("added roster entry R%d%n", id);
            } else {
                for (Roster.Entry e : d.readRoster(study.actor(), Role.PRIVACY_OFFICER)) {
                    pw.printf("%-16s %-13s %s%n", e.id(), e.category().label(), e.value());
                }
            }
            pw.flush();
            return ExitCodes.OK;
        }
    }
}
