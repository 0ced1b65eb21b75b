package org.tfeval.cli.field;

import java.io.PrintWriter;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.StudyOptions;
import org.tfeval.study.Study;
import org.tfeval.study.field.Field;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tfeval field revoke}: revokes a device; its package is refused at check-in. */
@Command(
        name = "revoke",
        header = "Revoke a device: its package is refused at check-in from now on.",
        description = {"A lost laptop's package also stops opening when it expires (the expiry is authenticated)."})
public final class FieldRevokeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Parameters(index = "0", paramLabel = "DEVICE", description = "The device ID (tfeval field devices).")
    UUID device;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (for the audit trail).")
    String reason;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Study s = study.open();
                Field.Opened f = Field.open(s)) {
            boolean done = f.field().revoke(study.actor(), device, reason);
            out.println(done ? "Revoked device " + device + "." : "Device " + device + " was revoked already.");
            return ExitCodes.OK;
        }
    }
}
