package org.tfeval.cli.field;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.PassphraseOption;
import org.tfeval.cli.StudyOptions;
import org.tfeval.study.Study;
import org.tfeval.study.backup.Passphrase;
import org.tfeval.study.field.Field;
import org.tfeval.study.field.Lease;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tfeval field renew}: extends a package's lease where the study can be reached. */
@Command(
        name = "renew",
        header = "Extend a field package's lease (the laptop must reach the study).",
        description = {
            "The package is written again with a new lease (never past its expiry). Refused for a revoked or"
                    + " expired device, another study's package, a wrong passphrase, a changed file, and while"
                    + " field serve has the package open. This is how a revocation reaches a laptop: a revoked"
                    + " device's package stops opening when its lease ends."
        })
public final class FieldRenewCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Mixin
    PassphraseOption passphrase;

    @Parameters(index = "0", paramLabel = "FILE", description = "The package file.")
    Path file;

    @Option(
            names = "--lease-hours",
            defaultValue = "72",
            paramLabel = "N",
            description = "Hours from now (default: ${DEFAULT-VALUE}; 1 to 336, that is 14 days; never past the"
                    + " package's expiry).")
    int leaseHours;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Study s = study.open();
                Field.Opened f = Field.open(s)) {
            Field.Renewal r = f.field()
                    .renew(
                            study.actor(),
                            file,
                            passphrase.read(Passphrase.Purpose.FIELD_PACKAGE, false),
                            Lease.hours("--lease-hours", leaseHours));
            out.printf(
                    "Renewed device %s: lease until %s (the package expires %s).%n",
                    r.deviceId(), r.leaseUntil(), r.expiresAt());
            return ExitCodes.OK;
        }
    }
}
