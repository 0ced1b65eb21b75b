package org.tfeval.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.tfeval.study.Study;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "audit",
        header = "The keyed, anchored audit log: verify it, or list its events.",
        description = "Every change to the study's data is an audit event; see the subcommands.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Log.class})
final class AuditCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.USAGE;
    }

    /**
     * Text from the audit log with control characters (C0, DEL, C1, bidirectional overrides)
     * written as {@code \\uXXXX}, so a stored name cannot move the cursor, clear the terminal or
     * forge a line of the listing; a backslash is doubled.
     */
    static String escaped(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            boolean control = ch < 0x20
                    || (ch >= 0x7f && ch <= 0x9f)
                    || (ch >= 0x202a && ch <= 0x202e)
                    || (ch >= 0x2066 && ch <= 0x2069)
                    || ch == 0x2028
                    || ch == 0x2029;
            if (ch == '\\') b.append("\\\\");
            else if (control) b.append(String.format("\\u%04x", (int) ch));
            else b.append(ch);
        }
        return b.toString();
    }

    @Command(
            name = "verify",
            header = "Verify the audit log: every MAC, its anchors, and the data tables against it.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                "0:intact",
                "1:altered: the events that fail are listed",
                "2:bad usage (no study)",
                "3:internal failure"
            })
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StudyOptions study;

        @Override
        public Integer call() {
            PrintWriter pw = spec.commandLine().getOut();
            try (Study s = study.open()) {
                Study.AuditCheck check = s.verifyAudit();
                if (check.intact()) {
                    pw.printf(
                            "Audit log intact: %d events, every MAC re-derived, the anchors match, and the data tables"
                                    + " equal the replayed changes.%n",
                            check.events());
                    return ExitCodes.OK;
                }
                check.problems().forEach(p -> pw.println("TAMPERED: " + escaped(p)));
                return ExitCodes.DATA_ERRORS;
            }
        }
    }

    @Command(name = "log", header = "List the last audit events.")
    static final class Log implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StudyOptions study;

        @Option(names = "--last", defaultValue = "50", description = "Events to list (default: ${DEFAULT-VALUE}).")
        int last;

        @Override
        public Integer call() {
            PrintWriter pw = spec.commandLine().getOut();
            try (Study s = study.open()) {
                for (var e : s.auditEvents(last)) {
                    pw.printf(
                            "%6d  %s  %-10s %-8s %-10s %7d changes  %s%n",
                            e.seq(),
                            e.at(),
                            escaped(e.actor()),
                            escaped(e.action()),
                            e.form() == null ? "" : escaped(e.form()),
                            e.changes(),
                            e.reason() == null ? "" : escaped(e.reason()));
                }
                return ExitCodes.OK;
            }
        }
    }
}
