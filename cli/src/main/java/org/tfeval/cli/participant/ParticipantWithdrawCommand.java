package org.tfeval.cli.participant;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.StudyOptions;
import org.tfeval.study.Study;
import org.tfeval.study.protect.OutputRegister;
import org.tfeval.study.protect.Withdrawal;
import org.tfeval.study.protect.Withdrawals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "withdraw",
        header = "Record a participant's withdrawal and propagate it.",
        description = {
            "no-contact: the participant is never contacted again; their data stays in use.",
            "no-further-use: also left out of every snapshot, report, matrix, agreement, REFI-QDA export and release"
                    + " built from now on; their data is kept.",
            "remove: also their transcripts, turns, codings and every row that refers to them are deleted, files named"
                    + " after their interviews are deleted from the study folder, and their data key is destroyed, so"
                    + " what was sealed under it is unreadable in every copy and backup.",
            "The withdrawal goes first to the register keys/withdrawals (outside the database and outside backups;"
                    + " a restore re-applies it), then to the database; the audit log records only the participant ID"
                    + " and the level. Snapshots, reports and releases built while they were in the data are listed as"
                    + " superseded in registers/superseded.jsonl, with a notice for every restricted release."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:recorded", "1:refused", "2:bad usage (unknown participant or level)", "3:internal failure"})
final class ParticipantWithdrawCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Parameters(index = "0", paramLabel = "ID", description = "The participant (for example TF01-P7).")
    String participant;

    @Option(
            names = "--level",
            required = true,
            paramLabel = "no-contact|no-further-use|remove",
            description = "How far the withdrawal reaches.")
    String level;

    @Option(
            names = "--reason",
            required = true,
            paramLabel = "TEXT",
            description = "The research team's reason (kept in the database, never in the audit log).")
    String reason;

    @Override
    public Integer call() {
        Withdrawal.Level l = Withdrawal.Level.of(level);
        try (Study s = study.open()) {
            Withdrawals.Withdrawn w = Withdrawals.of(s).withdraw(participant, l, reason, study.actor());
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Withdrawal %d: %s, %s%n", w.number(), participant, l.id());
            w.deleted().forEach((table, n) -> out.printf("  deleted %d from %s%n", n, table));
            if (w.keyDestroyed()) out.println("  data key destroyed");
            for (OutputRegister.Superseded x : w.superseded()) {
                out.printf("  superseded %s %s%n", x.kind(), x.output());
            }
            for (OutputRegister.Notice n : w.notices()) {
                out.printf("  notice %s to send to the holders of %s%n", n.id(), n.release());
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}
