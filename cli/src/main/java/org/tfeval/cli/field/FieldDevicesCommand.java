package org.tfeval.cli.field;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.StudyOptions;
import org.tfeval.study.Study;
import org.tfeval.study.field.Field;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tfeval field devices}: lists the devices packages were made for. */
@Command(name = "devices", header = "List the devices field packages were made for.")
public final class FieldDevicesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Study s = study.open();
                Field.Opened f = Field.open(s)) {
            out.println("device\tsite\tcoder\texpires\tlease until\tlast check-in\tstate");
            for (Field.Device d : f.field().devices()) {
                out.printf(
                        "%s\t%s\t%s\t%s\t%s\t%s\t%s%n",
                        d.deviceId(),
                        d.tfId(),
                        d.coder(),
                        d.expiresAt(),
                        d.leaseUntil(),
                        d.lastCheckinAt() == null ? "-" : d.lastCheckinAt(),
                        d.revoked() ? "revoked by " + d.revokedBy() : "active");
            }
            return ExitCodes.OK;
        }
    }
}
