package org.tfeval.study.exports;

import java.io.Writer;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.tfeval.instrument.Form;
import org.tfeval.store.coding.CaseForms;
import org.tfeval.study.accounts.Account;
import org.tfeval.study.accounts.NotAllowed;
import org.tfeval.study.accounts.NotVisible;
import org.tfeval.study.audit.AuditEvents;
import org.tfeval.study.transaction.Transactions;

/**
 * CSV exports of a form in the import format, limited to the task forces the account sees and
 * audited with the form, the task forces and the row count. Immutable.
 */
public final class Exports {
    private final Transactions tx;
    private final CaseForms forms;
    private final ScopedExport export;

    public Exports(Transactions tx) {
        this.tx = Objects.requireNonNull(tx, "tx");
        this.forms = CaseForms.of(tx.store().instrument());
        this.export = new ScopedExport(forms.instrument(), forms.taskForceVariable());
    }

    /** The forms that can be exported. */
    public List<String> forms() {
        return forms.instrument().formNames();
    }

    /**
     * Writes a form's records of one task force (or, {@code tfId} null, of every task force the
     * account sees) as CSV; returns the row count. The export is an audit event.
     */
    public long write(Account user, String formName, String tfId, Writer out) {
        if (!user.role().exports()) throw new NotAllowed("Your role may not export records");
        Form form = forms.instrument().findForm(formName).orElseThrow(NotVisible::new);
        if (tfId != null && !user.sees(tfId)) throw new NotVisible();
        Collection<String> taskForces =
                tfId != null ? List.of(tfId) : user.role().scoped() ? user.taskForces() : null;
        return tx.tx(c -> {
            long rows = export.write(c, form, taskForces, out);
            AuditEvents.record(
                    c,
                    user.name(),
                    "export",
                    form.name(),
                    "task_forces",
                    taskForces == null ? "all" : taskForces,
                    "rows",
                    rows);
            return rows;
        });
    }
}
