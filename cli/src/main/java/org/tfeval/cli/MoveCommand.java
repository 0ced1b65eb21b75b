package org.tfeval.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.tfeval.study.Study;
import org.tfeval.study.operator.Operator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "move",
        header =
                "Move one record under another parent record (a case to another task force, a victim to another case).",
        description = {
            "For example a case to another task force, or a victim to another case.",
            "An import or edit never changes the link to a parent record; this deliberate step does, audited as one"
                    + " 'move' event with the reason, the claimed and login names, and every changed record's old and"
                    + " new values (the record and the values its child records inherit).",
            "Moving a case makes it visible to the other task force's coders at once, so the step is privileged:"
                    + " it runs only as the operating-system user who owns the study folder and holds the study's"
                    + " owner-only audit key (the default one, or --audit-key FILE), with a reason of at least "
                    + Operator.MINIMUM_REASON_LENGTH
                    + " characters; the audit event names that user (a --user name is recorded as a claim only)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:moved",
            "1:refused (not the study folder's owner, no readable owner-only audit key, not the study's key)",
            "2:bad usage (no such record or parent, the same parent, no reason)",
            "3:internal failure"
        })
final class MoveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Mixin
    RecordOptions record;

    @Option(names = "--to-parent", required = true, paramLabel = "ID", description = "The new parent record's ID.")
    String toParent;

    @Option(names = "--reason", required = true, description = "Why, for the audit log.")
    String reason;

    @Override
    public Integer call() {
        List<String> key = record.key();
        Operator by = Study.operator(study.study, study.auditKey, study.user);
        Operator.requireReason(reason);
        try (Study s = study.open()) {
            int changed = s.moveRecord(record.form, key, toParent, reason, by);
            spec.commandLine()
                    .getOut()
                    .printf(
                            "Moved %s %s under %s (%d records changed, audited).%n",
                            record.form, record.id, toParent, changed);
            return ExitCodes.OK;
        }
    }
}
