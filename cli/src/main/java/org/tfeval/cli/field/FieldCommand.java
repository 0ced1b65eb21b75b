package org.tfeval.cli.field;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tfeval field}: the field package commands. */
@Command(
        name = "field",
        header = "Field packages: code paper case files on a laptop without a network, merged back without loss.",
        description = {
            "checkout writes an encrypted package for one site and coder, with a lease; serve runs the coding screens"
                    + " from it on the laptop (127.0.0.1, no network); renew extends the lease online; checkin merges it back field by field; conflicts and"
                    + " resolve work the conflict queue; devices and revoke govern the laptops."
        },
        subcommands = {
            FieldCheckoutCommand.class,
            FieldServeCommand.class,
            FieldCheckinCommand.class,
            FieldRenewCommand.class,
            FieldDevicesCommand.class,
            FieldRevokeCommand.class,
            FieldConflictsCommand.class,
            FieldResolveCommand.class,
            FieldBenchCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:refused or bad data", "2:bad usage", "3:internal failure"})
public final class FieldCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
