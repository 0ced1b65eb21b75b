package org.tfeval.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tfeval.study.Study;
import org.tfeval.study.backup.Backups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "backup",
        header = "Back up the whole study into one encrypted file.",
        description = {
            "A consistent copy of the database and every file of the study folder (config, instrument, snapshots,"
                    + " reports, audit key and anchor), encrypted and authenticated with AES-256-GCM under a key derived"
                    + " from your passphrase. Keep the passphrase apart from the backup: without it nothing can be restored.",
            "Restore with: tfeval restore FILE --study NEW_DIR"
        })
final class BackupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions study;

    @Mixin
    PassphraseOption passphrase;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The backup file to write (new).")
    Path out;

    @Override
    public Integer call() {
        var secret = passphrase.read(true);
        try (Study s = study.open()) {
            Backups.Contents c = Backups.backup(s, out, secret, study.actor());
            spec.commandLine()
                    .getOut()
                    .printf(
                            "Backed up the database (%d bytes) and %d study files to %s (%d bytes, encrypted)%n",
                            c.databaseBytes(), c.files().size(), out, c.sealedBytes());
        }
        return ExitCodes.OK;
    }
}
