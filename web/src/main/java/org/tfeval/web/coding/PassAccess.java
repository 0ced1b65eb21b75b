package org.tfeval.web.coding;

import java.util.Optional;
import org.tfeval.store.account.Role;
import org.tfeval.store.coding.Pass;
import org.tfeval.store.coding.PassState;
import org.tfeval.web.auth.Session;

/**
 * Who may see and change which pass of a case file. The second pass is blind: its coder never
 * sees pass 1, and only coordinators (and administrators and analysts, who read) see pass 2
 * besides its coder. Task-force scope is checked before this.
 */
final class PassAccess {
    private PassAccess() {
    }

    static boolean maySee(Session s, Optional<PassState> first, Optional<PassState> second, Pass pass) {
        Role r = s.role();
        if (!r.readsRecords()) return false;
        boolean isSecondCoder = second.map(p -> p.coder().equals(s.actor())).orElse(false);
        boolean isFirstCoder = first.map(p -> p.coder().equals(s.actor())).orElse(false);
        if (pass == Pass.FIRST) return first.isPresent() && !(isSecondCoder && !r.coordinates());
        if (second.isEmpty()) return false;
        return r.coordinates() || !r.codes() || isSecondCoder && !isFirstCoder;
    }

    static boolean mayEdit(Session s, Optional<PassState> first, Optional<PassState> second, Pass pass) {
        Role r = s.role();
        if (!r.codes() || !maySee(s, first, second, pass)) return false;
        if (pass == Pass.SECOND) return second.map(p -> p.coder().equals(s.actor())).orElse(false);
        return true;
    }

    /** The pass a session opens by default: the second for its blind coder, else the first. */
    static Pass defaultPass(Session s, Optional<PassState> second) {
        return second.map(p -> p.coder().equals(s.actor())).orElse(false) ? Pass.SECOND : Pass.FIRST;
    }
}
