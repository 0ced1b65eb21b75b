package org.tfeval.cli.field;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.PassphraseOption;
import org.tfeval.cli.StudyOptions;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.study.Study;
import org.tfeval.study.backup.Passphrase;
import org.tfeval.study.field.Field;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tfeval field checkin}: merges a package's changes into the study. */
@Command(
        name = "checkin",
        header = "Merge a field package's changes into the study, field by field.",
        description = {
            "Every change is stored once (a package checked in again changes nothing). A field the study still holds"
                    + " as the laptop found it takes the laptop's value; a field changed on both sides, and every"
                    + " removal, goes to the conflict queue (tfeval field conflicts). The device's activity log goes"
                    + " into the audit trail. Refused for another study's package, a revoked device, a wrong"
                    + " passphrase or a changed file, and for an expired package unless --accept-expired --reason"
                    + " (the decision is recorded in the audit trail)."
        })
public final class FieldCheckinCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Mixin
    PassphraseOption passphrase;

    @Parameters(index = "0", paramLabel = "FILE", description = "The package file.")
    Path file;

    @Option(
            names = "--accept-expired",
            description = "Check in a package past its expiry (a late coder's work); needs --reason.")
    boolean acceptExpired;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why an expired package is accepted (audited).")
    String reason;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (acceptExpired && (reason == null || reason.isBlank()))
            throw Problem.usage("--accept-expired needs --reason TEXT", "say why the late package is accepted");
        if (!acceptExpired && reason != null) throw Problem.usage("--reason goes with --accept-expired", null);
        try (Study s = study.open();
                Field.Opened f = Field.open(s)) {
            Field.Checkin c = f.field()
                    .checkin(
                            study.actor(),
                            file,
                            passphrase.read(Passphrase.Purpose.FIELD_PACKAGE, false),
                            acceptExpired ? reason : null);
            if (c.newEvents() == 0) {
                out.printf(
                        "Nothing new: all %d events of device %s were checked in before.%n", c.events(), c.deviceId());
            } else {
                out.printf(
                        "Checked in device %s: %d new events; %d changes merged, %d conflicts queued,"
                                + " %d passes completed (%d left in progress), %d activity entries audited.%n",
                        c.deviceId(),
                        c.newEvents(),
                        c.applied(),
                        c.conflicts(),
                        c.completed(),
                        c.notCompleted(),
                        c.activity());
            }
            return ExitCodes.OK;
        }
    }
}
