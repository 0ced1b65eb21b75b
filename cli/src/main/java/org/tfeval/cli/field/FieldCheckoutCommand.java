package org.tfeval.cli.field;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.tfeval.cli.ExitCodes;
import org.tfeval.cli.PassphraseOption;
import org.tfeval.cli.StudyOptions;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.study.Study;
import org.tfeval.study.backup.Passphrase;
import org.tfeval.study.field.Field;
import org.tfeval.study.field.Lease;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tfeval field checkout}: writes an encrypted package for one site and coder. */
@Command(
        name = "checkout",
        header = "Write an encrypted field package for one site and coder.",
        description = {
            "The package holds the instrument, the site's sampled cases and case files (nothing of other sites; a"
                    + " blind second coder gets no first-pass values), the coder's account, a new device ID and an"
                    + " expiry, encrypted with a key derived from the passphrase (asked for, or "
                    + "TFEVAL_FIELD_PASSPHRASE)."
        })
public final class FieldCheckoutCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Mixin
    PassphraseOption passphrase;

    @Option(names = "--site", required = true, paramLabel = "TF", description = "The task force (site) to visit.")
    String site;

    @Option(names = "--coder", required = true, paramLabel = "NAME", description = "The coder's account.")
    String coder;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The package file to write.")
    Path out;

    @Option(
            names = "--days",
            defaultValue = "14",
            paramLabel = "N",
            description = "Days until the package expires (default: ${DEFAULT-VALUE}; at most 90).")
    int days;

    @Option(
            names = "--lease-hours",
            defaultValue = "72",
            paramLabel = "N",
            description = "Hours the laptop may open the package without reaching the study (default:"
                    + " ${DEFAULT-VALUE}; 1 to 336, that is 14 days; never past the expiry: a longer lease ends at"
                    + " the expiry); tfeval field renew extends it online, refused for a revoked device.")
    int leaseHours;

    @Override
    public Integer call() {
        if (days < 1) throw Problem.usage("--days must be at least 1");
        PrintWriter out = spec.commandLine().getOut();
        try (Study s = study.open();
                Field.Opened f = Field.open(s)) {
            Field.Checkout c = f.field()
                    .checkout(
                            study.actor(),
                            site,
                            coder,
                            Duration.ofDays(days),
                            Lease.hours("--lease-hours", leaseHours),
                            this.out,
                            passphrase.read(Passphrase.Purpose.FIELD_PACKAGE, true));
            out.printf(
                    "Wrote %s for %s at %s: %d case files, %d sampled cases; device %s; lease until %s; expires %s.%n",
                    c.file(), c.coder(), c.tfId(), c.cases(), c.sampled(), c.deviceId(), c.leaseUntil(), c.expiresAt());
            return ExitCodes.OK;
        }
    }
}
