package org.tfeval.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tfeval.instrument.validation.Violation;
import org.tfeval.store.edit.RecordEditor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "edit", description = "Change values of one stored record (audited with old and new values), or delete it.")
final class EditCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    StudyOptions study;
    @Option(names = "--form", required = true)
    String form;
    @Option(names = "--id", required = true, paramLabel = "KEY", description = "The record's key; parts of a composite key separated by /.")
    String id;
    @Option(names = "--set", paramLabel = "VAR=VALUE", description = "A new value, in the import format (repeatable).")
    List<String> set;
    @Option(names = "--delete", description = "Delete the record.")
    boolean delete;
    @Option(names = "--reason", required = true, description = "Why, for the audit log.")
    String reason;

    @Override
    public Integer call() {
        List<String> key = Arrays.asList(id.split("/"));
        try (var session = study.open()) {
            RecordEditor editor = new RecordEditor(session.store(), study.actor());
            if (delete) {
                editor.delete(form, key, reason);
                spec.commandLine().getOut().printf("Deleted %s %s%n", form, id);
                return ExitCodes.OK;
            }
            if (set == null || set.isEmpty()) throw new IllegalArgumentException("give --set VAR=VALUE or --delete");
            Map<String, String> changes = new LinkedHashMap<>();
            for (String s : set) {
                int eq = s.indexOf('=');
                if (eq < 1) throw new IllegalArgumentException("--set takes VAR=VALUE, not '" + s + "'");
                changes.put(s.substring(0, eq).strip().toUpperCase(java.util.Locale.ROOT), s.substring(eq + 1));
            }
            List<Violation> now = editor.set(form, key, changes, reason);
            spec.commandLine().getOut().printf("Updated %s %s: %s%n", form, id, changes.keySet());
            now.forEach(v -> spec.commandLine().getOut().println("  " + v.describe()));
            return ExitCodes.OK;
        }
    }
}
