package org.tfeval.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tfeval.study.backup.Backups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "restore",
        header = "Restore a study from an encrypted backup into a new folder.",
        description = {
            "The whole backup is decrypted and authenticated first: a changed, cut or wrongly keyed backup is refused"
                    + " and nothing is written. The study is restored with an embedded database; check it with"
                    + " tfeval audit verify --study DIR.",
            "A backup never holds the study's key store and withdrawal register (keys/): a study with interview"
                    + " participants is restored with --keys-from LIVE_STUDY, whose key store is copied and whose"
                    + " recorded withdrawals are re-applied (removed participants' words deleted again) before the"
                    + " restored study can be opened."
        })
final class RestoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PassphraseOption passphrase;

    @Parameters(index = "0", paramLabel = "FILE", description = "The backup file.")
    Path backup;

    @Option(
            names = "--study",
            required = true,
            paramLabel = "DIR",
            description = "The new study folder (absent or empty).")
    Path study;

    @Option(
            names = "--keys-from",
            paramLabel = "STUDY",
            description = "The live study folder whose key store and withdrawal register the restore takes.")
    Path keysFrom;

    @Override
    public Integer call() {
        Backups.Contents c = Backups.restore(backup, study, passphrase.read(false), keysFrom);
        spec.commandLine()
                .getOut()
                .printf(
                        "Restored the database and %d study files into %s%n",
                        c.files().size(), study);
        return ExitCodes.OK;
    }
}
