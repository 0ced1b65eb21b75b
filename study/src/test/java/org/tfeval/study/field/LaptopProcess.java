package org.tfeval.study.field;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.tfeval.study.accounts.Account;
import org.tfeval.study.accounts.AccountTable;
import org.tfeval.study.backup.Passphrase;
import org.tfeval.study.coding.Coding;
import org.tfeval.study.transaction.Transactions;

/**
 * A laptop in its own JVM, for the power-loss and kill tests: opens a package, prints
 * {@code WORK folder}, then saves a numbered value again and again, printing {@code ACK n} only
 * after save {@code n} is in the package. The test kills it with SIGKILL at some point.
 *
 * <p>Arguments: package, database URL (or {@code embedded} for the embedded server, as {@code
 * field serve} runs it), coder, record id, and with {@code embedded} the memory folder and the
 * disk folder (a disk working folder is allowed). The passphrase comes from
 * TFEVAL_FIELD_PASSPHRASE.
 */
public final class LaptopProcess {
    private LaptopProcess() {}

    public static void main(String[] args) {
        Passphrase pass = Passphrase.field(System.getenv(Passphrase.Purpose.FIELD_PACKAGE.environment()));
        boolean embedded = "embedded".equals(args[1]);
        FieldSession.Options options = embedded
                ? FieldSession.Options.defaults()
                        .withFolders(Path.of(args[4]), Path.of(args[5]))
                        .allowingDiskWorkdir(true)
                : FieldSession.Options.defaults().withDb(args[1]).withClock(Clock.systemUTC());
        FieldSession s = FieldSession.open(Path.of(args[0]), pass, options);
        System.out.println("WORK " + s.workFolder());
        System.out.flush();
        Transactions tx = Transactions.open(s.study(), 2);
        Coding coding = new Coding(tx);
        Account user = tx.tx(c -> AccountTable.find(c, args[2]).orElseThrow());
        long record = Long.parseLong(args[3]);
        for (int i = 1; ; i++) {
            coding.save(user, record, Map.of("NARRATIVE", "save " + i), null);
            s.sync();
            System.out.println("ACK " + i);
            System.out.flush();
        }
    }
}
