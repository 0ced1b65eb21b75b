package org.tfeval.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tfeval.instrument.validation.Violation;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.study.Study;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "edit",
        header = "Change values of one stored record, or delete it (audited with old and new values).",
        description = "For single-record corrections; the record's key cannot change.")
final class EditCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Mixin
    RecordOptions record;

    @Option(names = "--set", paramLabel = "VAR=VALUE", description = "A new value, in the import format (repeatable).")
    List<String> set;

    @Option(names = "--delete", description = "Delete the record.")
    boolean delete;

    @Option(names = "--reason", required = true, description = "Why, for the audit log.")
    String reason;

    @Override
    public Integer call() {
        List<String> key = record.key();
        Map<String, String> changes = new LinkedHashMap<>();
        if (!delete) {
            if (set == null || set.isEmpty()) throw Problem.usage("nothing to do", "give --set VAR=VALUE or --delete");
            for (String s : set) {
                int eq = s.indexOf('=');
                if (eq < 1) throw Problem.usage("--set takes VAR=VALUE", "for example --set S_AGE=34");
                changes.put(s.substring(0, eq).strip().toUpperCase(Locale.ROOT), s.substring(eq + 1));
            }
        }
        try (Study s = study.open()) {
            if (delete) {
                s.delete(record.form, key, reason, study.actor());
                spec.commandLine().getOut().printf("Deleted %s %s%n", record.form, record.id);
                return ExitCodes.OK;
            }
            List<Violation> now = s.edit(record.form, key, changes, reason, study.actor());
            spec.commandLine().getOut().printf("Updated %s %s: %s%n", record.form, record.id, changes.keySet());
            now.forEach(v -> spec.commandLine().getOut().println("  " + v.describe()));
            return ExitCodes.OK;
        }
    }
}
