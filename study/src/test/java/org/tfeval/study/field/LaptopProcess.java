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
 * A laptop in its own JVM, for the power-loss test: opens a package, then saves a numbered value
 * again and again, printing {@code ACK n} only after save {@code n} is in the package. The test
 * kills it with SIGKILL at some point.
 *
 * <p>Arguments: package, database URL, coder, record id. The passphrase comes from
 * TFEVAL_FIELD_PASSPHRASE.
 */
public final class LaptopProcess {
    private LaptopProcess() {}

    public static void main(String[] args) {
        Passphrase pass = Passphrase.field(System.getenv(Passphrase.Purpose.FIELD_PACKAGE.environment()));
        FieldSession s = FieldSession.open(Path.of(args[0]), pass, args[1], Clock.systemUTC());
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
