package org.tfeval.study.operator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Variable;
import org.tfeval.instrument.sql.SqlIdentifier;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.store.edit.RecordEditor;
import org.tfeval.store.schema.FormTable;
import org.tfeval.study.accounts.Account;
import org.tfeval.study.accounts.NotAllowed;
import org.tfeval.study.accounts.Role;
import org.tfeval.study.transaction.Transactions;

/**
 * The web's move of a record under another parent (see {@link org.tfeval.study.Study#moveRecord}),
 * privileged by role, checked here and not in the adapter: an administrator moves any record; a site
 * coordinator only a record whose current and new task force are both theirs; every other role is
 * refused. The reason needs {@value Operator#MINIMUM_REASON_LENGTH} characters; the audit event names
 * the account and its role.
 */
public final class Moves {
    private final Transactions tx;

    public Moves(Transactions tx) {
        this.tx = Objects.requireNonNull(tx, "tx");
    }

    /** Moves one record for a signed-in account; returns how many records changed. */
    public int move(Account by, String form, List<String> key, String toParent, String reason) {
        Objects.requireNonNull(by, "by");
        String why = Operator.requireReason(reason);
        if (by.role() != Role.ADMINISTRATOR) {
            if (by.role() != Role.SITE_COORDINATOR) {
                throw new NotAllowed("only an administrator or a site coordinator may move a record to another parent");
            }
            Form f = tx.store().instrument().form(form);
            String from = taskForceOf(f, key).orElse(null);
            String to = targetTaskForce(f, toParent).orElse(null);
            if (from == null || to == null || !by.sees(from) || !by.sees(to)) {
                throw new NotAllowed("a site coordinator moves records only between task forces they coordinate;"
                        + " ask the study's administrator");
            }
        }
        return new RecordEditor(
                        tx.store(), by.name() + " (web account, " + by.role().id() + ")")
                .move(form, key, toParent, why);
    }

    /** The task force a stored record belongs to (its TF_ID, inherited by every form below the task force). */
    private Optional<String> taskForceOf(Form f, List<String> key) {
        FormTable t = new FormTable(tx.store().instrument(), f);
        if (key.size() != t.keyColumns().size()) return Optional.empty();
        StringBuilder where = new StringBuilder();
        for (String k : t.keyColumns()) {
            if (where.length() > 0) where.append(" AND ");
            where.append(k).append(" = ?");
        }
        return one(
                "SELECT " + SqlIdentifier.quote(FormTable.columnName(TF_ID)) + " FROM " + t.table() + " WHERE " + where,
                key);
    }

    /** The task force of the new parent: the parent itself for a record directly under a task force. */
    private Optional<String> targetTaskForce(Form f, String toParent) {
        Variable link = f.parentLink()
                .orElseThrow(() -> Problem.usage("a " + f.name() + " record has no parent to move to", null));
        Form parent = tx.store().instrument().form(link.parent());
        if (parent.key().equals(List.of(TF_ID))) return Optional.of(toParent);
        FormTable p = new FormTable(tx.store().instrument(), parent);
        return one(
                "SELECT " + SqlIdentifier.quote(FormTable.columnName(TF_ID)) + " FROM " + p.table() + " WHERE "
                        + SqlIdentifier.quote(FormTable.columnName(link.name())) + " = ?",
                List.of(toParent));
    }

    private static final String TF_ID = "TF_ID";

    private Optional<String> one(String sql, List<String> args) {
        return tx.tx(c -> query(c, sql, args));
    }

    private static Optional<String> query(Connection c, String sql, List<String> args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) ps.setString(i + 1, args.get(i));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
