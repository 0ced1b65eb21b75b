package org.tfeval.study.queries;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.store.coding.CaseFile;
import org.tfeval.store.coding.CaseFiles;
import org.tfeval.store.coding.DraftRecord;
import org.tfeval.store.coding.Drafts;
import org.tfeval.store.coding.Pass;
import org.tfeval.store.coding.PassState;
import org.tfeval.store.query.DataQuery;
import org.tfeval.store.query.Queries;
import org.tfeval.store.query.QueryMessage;
import org.tfeval.store.query.QueryStatus;
import org.tfeval.study.accounts.Account;
import org.tfeval.study.accounts.NotAllowed;
import org.tfeval.study.accounts.NotVisible;
import org.tfeval.study.transaction.Transactions;

/**
 * Data-quality queries: coordinators open a query on a field of pass 1 (rule hits open their own
 * when a case file is completed), coders answer, coordinators close; each query keeps its
 * thread. Queries follow the task-force scope and the blindness of second coding: the second
 * coder of a case sees no query about it. Immutable.
 */
public final class DataQueries {
    /**
     * A query.
     *
     * @param id        its number
     * @param caseId    the case
     * @param tfId      the task force
     * @param form      the form
     * @param recordKey the record
     * @param variable  the variable, or null for the record as a whole
     * @param ruleCode  the rule that opened it, or null
     * @param status    open, answered or closed
     * @param openedBy  who opened it
     */
    public record Query(
            long id,
            String caseId,
            String tfId,
            String form,
            String recordKey,
            String variable,
            String ruleCode,
            String status,
            String openedBy) {
        static Query of(DataQuery q) {
            return new Query(
                    q.id(),
                    q.caseId(),
                    q.tfId(),
                    q.form(),
                    q.recordKey(),
                    q.variable(),
                    q.ruleCode(),
                    q.status().id(),
                    q.openedBy());
        }
    }

    /** A message of a query's thread, and the status it left the query in. */
    public record Message(String author, Instant at, String body, String statusAfter) {}

    /**
     * A status a message of the account may move the query to.
     *
     * @param status  the status
     * @param comment whether it is the current status (a comment only)
     */
    public record Move(String status, boolean comment) {}

    /**
     * A query with its thread.
     *
     * @param query    the query
     * @param label    the variable's label, or the form's label
     * @param messages the thread
     * @param moves    what the account may post (empty: it may only read)
     */
    public record Thread(Query query, String label, List<Message> messages, List<Move> moves) {
        public Thread {
            messages = List.copyOf(messages);
            moves = List.copyOf(moves);
        }
    }

    /**
     * A record of pass 1 a query can be opened on.
     *
     * @param recordId the record
     * @param record   the form's label and the record's key
     * @param variable the variable, or null
     * @param label    the variable's label, or the form's label
     */
    public record Target(long recordId, String record, String variable, String label) {}

    private final Transactions tx;
    private final Instrument instrument;

    public DataQueries(Transactions tx) {
        this.tx = Objects.requireNonNull(tx, "tx");
        this.instrument = tx.store().instrument();
    }

    /** The queries of a case file, or (caseId null) the unsettled queries of the account's task forces. */
    public List<Query> list(Account user, String caseId) {
        requireReads(user);
        return tx.tx(c -> {
            List<Query> out = new ArrayList<>();
            if (caseId != null) {
                CaseFile cf = CaseFiles.find(c, caseId).orElseThrow(NotVisible::new);
                requireSees(user, cf.tfId());
                if (blind(c, user, caseId)) throw new NotVisible();
                for (DataQuery q : Queries.ofCase(c, caseId)) out.add(Query.of(q));
            } else {
                for (DataQuery q : Queries.unsettled(c, user.role().scoped() ? user.taskForces() : null)) {
                    if (!blind(c, user, q.caseId())) out.add(Query.of(q));
                }
            }
            return out;
        });
    }

    /** A query and its thread. */
    public Thread thread(Account user, long id) {
        requireReads(user);
        return tx.tx(c -> {
            DataQuery q = visible(c, user, id);
            List<Message> messages = new ArrayList<>();
            for (QueryMessage m : Queries.messages(c, id))
                messages.add(new Message(
                        m.author(), m.at(), m.body(), m.statusAfter().id()));
            boolean coordinator = user.role().coordinates();
            List<Move> moves = new ArrayList<>();
            if (mayPost(user)) {
                for (QueryStatus next : QueryStatus.values()) {
                    if (q.status().mayMoveTo(next, coordinator)) moves.add(new Move(next.id(), next == q.status()));
                }
            }
            Form form = instrument.findForm(q.form()).orElse(null);
            String label = form == null
                    ? q.form()
                    : q.variable() == null
                            ? form.label()
                            : form.find(q.variable()).map(v -> v.label()).orElse(q.variable());
            return new Thread(Query.of(q), label, messages, moves);
        });
    }

    /** Posts a message that moves the query to a status (or keeps it, as a comment). */
    public void post(Account user, long id, String body, String status) {
        requireReads(user);
        if (!mayPost(user)) throw new NotAllowed("Your role may not answer queries");
        tx.tx(c -> {
            visible(c, user, id);
            QueryStatus next;
            try {
                next = QueryStatus.of(String.valueOf(status));
            } catch (IllegalArgumentException e) {
                throw Problem.usage("Choose what happens to the query");
            }
            return Queries.post(c, id, user.name(), user.role().coordinates(), body, next);
        });
    }

    /** The record (and variable, when the form has it) a coordinator may open a query on. */
    public Target target(Account user, long recordId, String variable) {
        requireCoordinates(user);
        return tx.tx(c -> {
            Found t = find(c, user, recordId);
            String v = variable == null || t.form().find(variable).isEmpty() ? null : variable;
            return new Target(
                    t.record().id(),
                    t.form().label() + " " + t.record().key(),
                    v,
                    v == null ? t.form().label() : t.form().variable(v).label());
        });
    }

    /** A coordinator opens a query on a record of pass 1 (or one of its variables); returns its number. */
    public long open(Account user, long recordId, String variable, String body) {
        requireCoordinates(user);
        return tx.tx(c -> {
            Found t = find(c, user, recordId);
            String v = variable == null || variable.isBlank()
                    ? null
                    : t.form()
                            .find(variable)
                            .map(x -> x.name())
                            .orElseThrow(() -> Problem.usage("No such variable in this form"));
            return Queries.open(
                            c,
                            t.file().caseId(),
                            t.file().tfId(),
                            t.form().name(),
                            t.record().key(),
                            v,
                            DataQuery.Origin.COORDINATOR,
                            null,
                            body,
                            user.name())
                    .id();
        });
    }

    /** A pass-1 record the account may open a query on. */
    private record Found(DraftRecord record, CaseFile file, Form form) {}

    private Found find(Connection c, Account user, long recordId) throws SQLException {
        DraftRecord d = Drafts.find(c, recordId).orElseThrow(NotVisible::new);
        CaseFile cf = CaseFiles.find(c, d.caseId()).orElseThrow(NotVisible::new);
        requireSees(user, cf.tfId());
        if (d.pass() != Pass.FIRST) throw new NotVisible();
        return new Found(d, cf, instrument.form(d.form()));
    }

    private static DataQuery visible(Connection c, Account user, long id) throws SQLException {
        DataQuery q = Queries.find(c, id).orElseThrow(NotVisible::new);
        requireSees(user, q.tfId());
        if (blind(c, user, q.caseId())) throw new NotVisible();
        return q;
    }

    /** Whether the account is the blind second coder of a case (who must not see pass 1, nor queries about it). */
    private static boolean blind(Connection c, Account user, String caseId) throws SQLException {
        if (user.role().coordinates()) return false;
        return CaseFiles.pass(c, caseId, Pass.SECOND)
                .map(PassState::coder)
                .map(user.name()::equals)
                .orElse(false);
    }

    private static boolean mayPost(Account user) {
        return user.role().codes() || user.role().coordinates();
    }

    private static void requireSees(Account user, String tfId) {
        if (tfId == null || !user.sees(tfId)) throw new NotVisible();
    }

    private static void requireReads(Account user) {
        if (!user.role().readsRecords()) throw new NotAllowed("Your role may not see record values");
    }

    private static void requireCoordinates(Account user) {
        if (!user.role().coordinates()) throw new NotAllowed("Your role may not open queries");
    }
}
