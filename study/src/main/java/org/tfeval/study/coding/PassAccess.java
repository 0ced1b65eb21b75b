package org.tfeval.study.coding;

import java.util.Optional;
import org.tfeval.store.coding.Pass;
import org.tfeval.store.coding.PassState;
import org.tfeval.study.accounts.Account;
import org.tfeval.study.accounts.Role;

/**
 * Who may see and change which pass of a case file. The second pass is blind: its coder never
 * sees pass 1, and only coordinators (and administrators and analysts, who read) see pass 2
 * besides its coder. Task-force scope is checked before this.
 */
final class PassAccess {
    private PassAccess() {}

    static boolean maySee(Account a, Optional<PassState> first, Optional<PassState> second, Pass pass) {
        Role r = a.role();
        if (!r.readsRecords()) return false;
        boolean isSecondCoder = second.map(p -> p.coder().equals(a.name())).orElse(false);
        boolean isFirstCoder = first.map(p -> p.coder().equals(a.name())).orElse(false);
        if (pass == Pass.FIRST) return first.isPresent() && !(isSecondCoder && !r.coordinates());
        if (second.isEmpty()) return false;
        return r.coordinates() || !r.codes() || isSecondCoder && !isFirstCoder;
    }

    static boolean mayEdit(Account a, Optional<PassState> first, Optional<PassState> second, Pass pass) {
        Role r = a.role();
        if (!r.codes() || !maySee(a, first, second, pass)) return false;
        if (pass == Pass.SECOND)
            return second.map(p -> p.coder().equals(a.name())).orElse(false);
        return true;
    }

    /** The pass an account opens by default: the second for its blind coder, else the first. */
    static Pass defaultPass(Account a, Optional<PassState> second) {
        return second.map(p -> p.coder().equals(a.name())).orElse(false) ? Pass.SECOND : Pass.FIRST;
    }
}
