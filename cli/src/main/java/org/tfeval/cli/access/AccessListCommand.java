package org.tfeval.cli.access;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.StudyOptions;
import org.tfeval.study.Study;
import org.tfeval.study.access.AccessFile;
import org.tfeval.study.access.AccessRecord;
import org.tfeval.study.access.RestrictedAccess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "list",
        header = "List applications and accesses; --due: what is due or overdue (expiring accesses, annual reports,"
                + " destruction certificates, decisions); --transfers: the transfer log.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed", "2:bad usage", "3:internal failure"})
final class AccessListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Option(names = "--due", description = "Only accesses with something due or overdue today.")
    boolean due;

    @Option(names = "--transfers", description = "The transfer log: every restricted package issued.")
    boolean transfers;

    @Override
    public Integer call() {
        PrintWriter pw = spec.commandLine().getOut();
        try (Study s = study.open()) {
            RestrictedAccess access = RestrictedAccess.of(s);
            if (transfers) {
                List<AccessFile.Transfer> log = access.transfers();
                pw.printf(
                        "%-22s %-5s %-24s %-24s %-20s %-12s %s%n",
                        "ISSUE", "ACC", "RECIPIENT", "INSTITUTION", "ISSUED (UTC)", "SNAPSHOT", "ISSUED BY");
                for (AccessFile.Transfer t : log) {
                    pw.printf(
                            "%-22s %-5d %-24s %-24s %-20s %-12s %s%n",
                            t.issueId(),
                            t.applicationId(),
                            cut(t.recipient()),
                            cut(t.institution()),
                            t.issuedAt().toString().substring(0, 19),
                            t.snapshotId().substring(0, 12),
                            t.issuedBy());
                }
                pw.printf("%d package(s) issued%n", log.size());
            } else {
                List<AccessRecord> list = access.list(due);
                pw.printf(
                        "%-5s %-24s %-24s %-24s %-11s %s%n", "ID", "APPLICANT", "INSTITUTION", "STATE", "ENDS", "DUE");
                for (AccessRecord r : list) {
                    pw.printf(
                            "%-5d %-24s %-24s %-24s %-11s %s%n",
                            r.id(),
                            cut(r.applicant()),
                            cut(r.institution()),
                            r.state().label(),
                            r.expiresOn() == null ? "-" : r.expiresOn(),
                            r.due().isEmpty() ? "" : String.join("; ", r.due()));
                }
                pw.printf("%d %s%n", list.size(), due ? "access(es) with something due" : "application(s)");
            }
            pw.flush();
            return ExitCodes.OK;
        }
    }

    private static String cut(String s) {
        return s.length() <= 24 ? s : s.substring(0, 23) + "…";
    }
}
