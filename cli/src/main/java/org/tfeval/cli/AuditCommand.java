package org.tfeval.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import org.tfeval.store.audit.AuditEvent;
import org.tfeval.store.audit.AuditLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "audit", description = {"The audit log:", "  audit verify   re-derive every hash; exit code 1 when any row was altered",
        "  audit log      list the events"})
final class AuditCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    StudyOptions study;
    @Parameters(index = "0", paramLabel = "verify|log")
    String action;
    @Option(names = "--last", defaultValue = "50", description = "Events to list (default: ${DEFAULT-VALUE}).")
    int last;

    @Override
    public Integer call() throws SQLException {
        PrintWriter pw = spec.commandLine().getOut();
        try (var session = study.open(); Connection c = session.store().connect()) {
            switch (action) {
                case "verify" -> {
                    List<String> problems = AuditLog.verify(c);
                    long n = AuditLog.events(c, 0, Long.MAX_VALUE).size();
                    if (problems.isEmpty()) {
                        pw.printf("Audit log intact: %d events, every hash re-derived.%n", n);
                        return ExitCodes.OK;
                    }
                    problems.forEach(p -> pw.println("TAMPERED: " + p));
                    return ExitCodes.DATA_ERRORS;
                }
                case "log" -> {
                    List<AuditEvent> events = AuditLog.events(c, 0, Long.MAX_VALUE);
                    for (AuditEvent e : events.subList(Math.max(0, events.size() - last), events.size())) {
                        pw.printf("%6d  %s  %-10s %-8s %-10s %7d changes  %s%n", e.seq(), e.at(), e.actor(), e.action(), e.form() == null ? "" : e.form(),
                                e.changes(), e.reason() == null ? "" : e.reason());
                    }
                    return ExitCodes.OK;
                }
                default -> throw new IllegalArgumentException("unknown audit action '" + action + "'; use verify or log");
            }
        }
    }
}
