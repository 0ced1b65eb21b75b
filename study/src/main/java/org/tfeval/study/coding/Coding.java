package org.tfeval.study.coding;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.Variable;
import org.tfeval.instrument.validation.Violation;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.store.coding.CaseCheck;
import org.tfeval.store.coding.CaseFile;
import org.tfeval.store.coding.CaseFiles;
import org.tfeval.store.coding.CaseForms;
import org.tfeval.store.coding.CaseTree;
import org.tfeval.store.coding.Completion;
import org.tfeval.store.coding.DraftRecord;
import org.tfeval.store.coding.Drafts;
import org.tfeval.store.coding.Pass;
import org.tfeval.store.coding.PassState;
import org.tfeval.store.query.DataQuery;
import org.tfeval.store.query.Queries;
import org.tfeval.store.query.QueryStatus;
import org.tfeval.study.accounts.Account;
import org.tfeval.study.accounts.AccountTable;
import org.tfeval.study.accounts.NotAllowed;
import org.tfeval.study.accounts.NotVisible;
import org.tfeval.study.accounts.Role;
import org.tfeval.study.audit.AuditEvents;
import org.tfeval.study.transaction.Transactions;

/**
 * Coding case files: the task forces' progress and case lists, starting and adopting case files,
 * opening a pass, saving drafts as the coder types, adding and removing records, completing a
 * pass. Every method runs one transaction, checks the account's task forces and the blindness
 * of second coding ({@link NotVisible} for what the account may not see, {@link NotAllowed} for
 * what it may see but not change) and records views in the audit log. Immutable.
 */
public final class Coding {
    /**
     * Coding counts of a task force.
     *
     * @param tfId        the task force, or "all" for a total
     * @param sampled     sampled cases
     * @param stored      cases in the study data
     * @param coded       case files whose coding started
     * @param complete    case files whose pass 1 is complete
     * @param doubleCoded case files with a second pass
     * @param reconciled  reconciled case files
     */
    public record Progress(
            String tfId, long sampled, long stored, long coded, long complete, long doubleCoded, long reconciled) {
        public Progress {
            Objects.requireNonNull(tfId, "tfId");
        }

        /** The sums over rows, as task force "all". */
        public static Progress total(List<Progress> rows) {
            return new Progress(
                    "all",
                    rows.stream().mapToLong(Progress::sampled).sum(),
                    rows.stream().mapToLong(Progress::stored).sum(),
                    rows.stream().mapToLong(Progress::coded).sum(),
                    rows.stream().mapToLong(Progress::complete).sum(),
                    rows.stream().mapToLong(Progress::doubleCoded).sum(),
                    rows.stream().mapToLong(Progress::reconciled).sum());
        }

        static Progress of(CaseFiles.Progress p) {
            return new Progress(
                    p.tfId(), p.sampled(), p.stored(), p.coded(), p.complete(), p.doubleCoded(), p.reconciled());
        }
    }

    /**
     * A pass of a case file.
     *
     * @param number   1 or 2
     * @param coder    its coder
     * @param status   where it stands in words ("in progress", "complete")
     * @param complete whether it is complete
     */
    public record PassInfo(int number, String coder, String status, boolean complete) {
        static PassInfo of(PassState p) {
            return p == null
                    ? null
                    : new PassInfo(p.pass().number(), p.coder(), p.status().id().replace('_', ' '), p.complete());
        }
    }

    /**
     * A case file in a task force's list.
     *
     * @param caseId      the case
     * @param caseRef     its case-list reference, or null
     * @param first       pass 1
     * @param second      pass 2, or null
     * @param reconciled  whether reconciled
     * @param openQueries unsettled queries
     */
    public record CaseSummary(
            String caseId, String caseRef, PassInfo first, PassInfo second, boolean reconciled, long openQueries) {}

    /** A sampled case whose coding has not started. */
    public record SampledCase(long drawId, String tfId, String caseRef, int order) {}

    /**
     * A task force's case files.
     *
     * @param tfId     the task force
     * @param progress its counts
     * @param cases    case files in coding
     * @param sampled  sampled cases not started
     * @param stored   stored cases not in coding
     * @param coders   active coders of the task force (for coordinators; empty otherwise)
     */
    public record TaskForce(
            String tfId,
            Progress progress,
            List<CaseSummary> cases,
            List<SampledCase> sampled,
            List<String> stored,
            List<String> coders) {
        public TaskForce {
            cases = List.copyOf(cases);
            sampled = List.copyOf(sampled);
            stored = List.copyOf(stored);
            coders = List.copyOf(coders);
        }
    }

    /** An unsettled query on a field of pass 1. */
    public record QueryMark(long id, String status) {}

    /**
     * A pass of a case file opened by an account.
     *
     * @param caseId     the case
     * @param tfId       its task force
     * @param caseRef    its case-list reference, or null
     * @param reconciled whether the passes were reconciled
     * @param pass       the pass shown
     * @param otherPass  the other pass when the account may see it, or null
     * @param hasSecond  whether a second pass exists
     * @param editable   whether the account may change the pass
     * @param reloadable whether pass 1 can be reloaded from the study data
     * @param sheet      the records
     * @param queries    unsettled queries by {@code recordKey|VARIABLE} (pass 1 only)
     * @param conflicts  stored records changed elsewhere, after a failed completion
     */
    public record CaseView(
            String caseId,
            String tfId,
            String caseRef,
            boolean reconciled,
            PassInfo pass,
            PassInfo otherPass,
            boolean hasSecond,
            boolean editable,
            boolean reloadable,
            CaseSheet sheet,
            Map<String, List<QueryMark>> queries,
            List<Violation> conflicts) {
        public CaseView {
            queries = Map.copyOf(queries);
            conflicts = List.copyOf(conflicts);
        }
    }

    /**
     * What a save changed.
     *
     * @param record      the saved record
     * @param pass        its pass
     * @param before      the pass before the save
     * @param after       the pass after it
     * @param setVariable the variable a missing-code button set, or null
     */
    public record Saved(
            long record,
            int pass,
            CaseSheet before,
            CaseSheet after,
            String setVariable,
            int version,
            Conflict conflict) {
        /** Whether the save was refused because someone else saved the record since it was loaded. */
        public boolean conflicted() {
            return conflict != null;
        }
    }

    /**
     * A save refused because the record changed since the coder loaded it, and the coder's values
     * differ from the ones saved meanwhile: nothing was written; the coder chooses.
     *
     * @param version the record's current version (send it with the values to keep one's own)
     * @param fields  the fields where the two differ
     */
    public record Conflict(int version, List<ConflictField> fields) {
        public Conflict {
            fields = List.copyOf(fields);
        }
    }

    /**
     * One field of a {@link Conflict}.
     *
     * @param variable the variable
     * @param label    its label
     * @param mine     what this coder typed
     * @param theirs   what was saved meanwhile
     */
    public record ConflictField(String variable, String label, String mine, String theirs) {}

    /** A record added or removed: where to go next. */
    public record RecordRef(long id, String caseId, int pass) {}

    private final Transactions tx;
    private final CaseForms forms;

    public Coding(Transactions tx) {
        this.tx = Objects.requireNonNull(tx, "tx");
        this.forms = CaseForms.of(tx.store().instrument());
    }

    public Instrument instrument() {
        return forms.instrument();
    }

    /** The forms of a case file, the case first. */
    public List<Form> caseFileForms() {
        return forms.caseFileForms();
    }

    /** The variables coders enter on a form. */
    public List<Variable> enteredVariables(Form form) {
        return forms.enteredVariables(form);
    }

    /** The progress of the task forces an account sees. */
    public List<Progress> progress(Account user) {
        return tx.tx(c -> CaseFiles.progress(c, forms, scope(user))).stream()
                .map(Progress::of)
                .toList();
    }

    /** A task force's case files, for an account that sees it. */
    public TaskForce taskForce(Account user, String tfId) {
        requireSees(user, tfId);
        return tx.tx(c -> {
            List<CaseFiles.Progress> progress = CaseFiles.progress(c, forms, List.of(tfId));
            if (progress.isEmpty()) throw new NotVisible();
            List<CaseSummary> cases = new ArrayList<>();
            for (CaseFiles.Summary s : CaseFiles.list(c, tfId)) {
                cases.add(new CaseSummary(
                        s.caseId(),
                        s.caseRef(),
                        PassInfo.of(s.first()),
                        PassInfo.of(s.second()),
                        s.reconciled(),
                        s.openQueries()));
            }
            List<SampledCase> sampled = new ArrayList<>();
            for (CaseFiles.Sampled s : CaseFiles.sampledNotStarted(c, tfId))
                sampled.add(new SampledCase(s.drawId(), s.tfId(), s.caseRef(), s.order()));
            List<String> coders = user.role().coordinates() ? CodersOf.taskForce(c, tfId) : List.of();
            return new TaskForce(
                    tfId,
                    Progress.of(progress.get(0)),
                    cases,
                    sampled,
                    CaseFiles.storedNotInCoding(c, forms, tfId),
                    coders);
        });
    }

    /** Starts coding a sampled case of a recorded draw (its id as submitted); returns the new case ID. */
    public String start(Account user, String tfId, String draw, String caseRef) {
        requireSees(user, tfId);
        requireCodes(user);
        long drawId;
        try {
            drawId = Long.parseLong(String.valueOf(draw).strip());
        } catch (NumberFormatException e) {
            throw Problem.usage("Choose a sampled case");
        }
        if (caseRef == null || caseRef.isBlank()) throw Problem.usage("Choose a sampled case");
        return tx.tx(c -> CaseFiles.startSampled(c, forms, drawId, tfId, caseRef, user.name(), user.name()))
                .caseId();
    }

    /** Takes a case already in the study data into coding (pass 1 holds its stored records). */
    public void adopt(Account user, String caseId) {
        requireCodes(user);
        tx.tx(c -> {
            String tf = CaseFiles.storedTaskForce(c, forms, caseId).orElseThrow(NotVisible::new);
            requireSees(user, tf);
            if (CaseFiles.find(c, caseId).isEmpty()) CaseFiles.adopt(c, forms, caseId, user.name());
            return null;
        });
    }

    /** Opens a pass (null: the account's default pass); the view is an audit event. */
    public CaseView open(Account user, String caseId, Integer passNumber) {
        return tx.tx(c -> {
            Loaded l = load(c, user, caseId);
            Pass pass = passNumber == null ? PassAccess.defaultPass(user, l.second()) : pass(passNumber);
            if (!PassAccess.maySee(user, l.first(), l.second(), pass)) throw new NotVisible();
            CaseTree tree = Completion.tree(c, forms, caseId, pass);
            AuditEvents.record(c, user.name(), "view", forms.root().name(), "case", caseId, "pass", pass.number());
            return view(c, user, l, pass, tree, tree.check(), List.of());
        });
    }

    /**
     * Marks a pass complete when it validates (pass 1 goes into the study data); otherwise returns
     * the pass with everything that blocks completion.
     */
    public Optional<CaseView> complete(Account user, String caseId, int passNumber) {
        Pass pass = pass(passNumber);
        return tx.tx(c -> {
            Loaded l = load(c, user, caseId);
            requireEdit(user, l, pass);
            Completion.Result r = Completion.complete(c, forms, caseId, pass, user.name());
            if (r.completed()) return Optional.empty();
            CaseTree tree = Completion.tree(c, forms, caseId, pass);
            return Optional.of(view(c, user, load(c, user, caseId), pass, tree, r.check(), r.conflicts()));
        });
    }

    /** Replaces pass 1's drafts with the case's records in the study data. */
    public void reload(Account user, String caseId) {
        tx.tx(c -> {
            Loaded l = load(c, user, caseId);
            requireEdit(user, l, Pass.FIRST);
            CaseFiles.reloadFromStore(c, forms, caseId, user.name());
            return null;
        });
    }

    /**
     * Saves what was typed into a record: {@code submitted} holds the form's fields by variable
     * name (others are ignored); {@code setMissing} ({@code VARIABLE=code}), when not null, sets a
     * variable to one of its allowed missing codes.
     */
    public Saved save(Account user, long recordId, Map<String, String> submitted, String setMissing) {
        return save(user, recordId, submitted, setMissing, null);
    }

    /**
     * As {@link #save(Account, long, Map, String)}, typed on version {@code typedOn} of the record
     * (null: unchecked). When someone saved the record since, and a submitted value differs from
     * theirs, nothing is written and the result carries the {@link Conflict}; the record's row is
     * locked while this is decided, so two concurrent saves cannot both pass the check.
     */
    public Saved save(Account user, long recordId, Map<String, String> submitted, String setMissing, Integer typedOn) {
        for (Map.Entry<String, String> s : submitted.entrySet()) {
            if (s.getKey().indexOf('\0') >= 0
                    || (s.getValue() != null && s.getValue().indexOf('\0') >= 0))
                throw Problem.usage(
                        "A value contains a NUL character, which cannot be stored; nothing was saved",
                        "remove it and save again");
        }
        if (setMissing != null && setMissing.indexOf('\0') >= 0)
            throw Problem.usage("That missing code is not allowed here");
        // read, then save last: the audit lock is held only for the audit rows and the commit
        return tx.tx(c -> {
            Editable e = editable(c, user, recordId);
            DraftRecord d = Drafts.locked(c, recordId);
            Form form = forms.form(d.form());
            List<DraftRecord> records = Drafts.records(c, d.caseId(), d.pass());
            Map<String, String> entered = new LinkedHashMap<>();
            for (Variable v : forms.enteredVariables(form)) {
                String value = submitted.get(v.name());
                if (value != null) entered.put(v.name(), value);
            }
            String setVariable = null;
            if (setMissing != null) {
                int eq = setMissing.indexOf('=');
                setVariable = eq < 1 ? null : setMissing.substring(0, eq);
                Variable v = setVariable == null ? null : form.find(setVariable).orElse(null);
                String code = eq < 1 ? "" : setMissing.substring(eq + 1);
                if (v == null || !forms.entered(form, v) || !isAllowedMissing(v, code))
                    throw Problem.usage("That missing code is not allowed here");
                entered.put(v.name(), code);
            }
            if (typedOn != null && typedOn != d.saves()) {
                List<ConflictField> differ = new ArrayList<>();
                for (Map.Entry<String, String> en : entered.entrySet()) {
                    String theirs = d.cell(en.getKey());
                    String mine = en.getValue() == null ? "" : en.getValue();
                    if (!mine.equals(theirs == null ? "" : theirs)) {
                        Variable v = form.find(en.getKey()).orElseThrow();
                        differ.add(new ConflictField(v.name(), v.label(), mine, theirs == null ? "" : theirs));
                    }
                }
                if (!differ.isEmpty()) {
                    CaseTree tree = CaseTree.of(forms, records);
                    CaseSheet sheet = new CaseSheet(forms, tree, tree.check());
                    return new Saved(
                            recordId,
                            d.pass().number(),
                            sheet,
                            sheet,
                            null,
                            d.saves(),
                            new Conflict(d.saves(), differ));
                }
            }
            DraftRecord after = Drafts.save(c, forms, recordId, entered, user.name());
            List<DraftRecord> now = new ArrayList<>();
            for (DraftRecord r : records) now.add(r.id() == recordId ? after : r);
            CaseTree before = CaseTree.of(forms, records);
            CaseTree afterTree = CaseTree.of(forms, now);
            return new Saved(
                    recordId,
                    d.pass().number(),
                    new CaseSheet(forms, before, before.check()),
                    new CaseSheet(forms, afterTree, afterTree.check()),
                    setVariable,
                    after.saves(),
                    null);
        });
    }

    /** Adds a record of a child form below a record. */
    public RecordRef add(Account user, long parentId, String form) {
        return tx.tx(c -> {
            Editable e = editable(c, user, parentId);
            if (forms.instrument().findForm(form).isEmpty()) throw new NotVisible();
            DraftRecord added = Drafts.add(c, forms, e.record().id(), form, user.name());
            return new RecordRef(added.id(), added.caseId(), added.pass().number());
        });
    }

    /** Removes a record (and the records below it). */
    public RecordRef remove(Account user, long recordId) {
        return tx.tx(c -> {
            Editable e = editable(c, user, recordId);
            Drafts.remove(c, forms, recordId, user.name());
            return new RecordRef(
                    recordId, e.record().caseId(), e.record().pass().number());
        });
    }

    /** A case file the account may see, with its passes. */
    record Loaded(CaseFile file, Optional<PassState> first, Optional<PassState> second) {
        Optional<PassState> pass(Pass p) {
            return p == Pass.FIRST ? first : second;
        }
    }

    /** A record the account may change, with its case file. */
    private record Editable(DraftRecord record, Loaded file) {}

    static Loaded load(Connection c, Account user, String caseId) throws SQLException {
        CaseFile cf = CaseFiles.find(c, caseId).orElseThrow(NotVisible::new);
        requireSees(user, cf.tfId());
        List<PassState> passes = CaseFiles.passes(c, caseId);
        return new Loaded(
                cf,
                passes.stream().filter(p -> p.pass() == Pass.FIRST).findFirst(),
                passes.stream().filter(p -> p.pass() == Pass.SECOND).findFirst());
    }

    private Editable editable(Connection c, Account user, long recordId) throws SQLException {
        DraftRecord d = Drafts.find(c, recordId).orElseThrow(NotVisible::new);
        Loaded l = load(c, user, d.caseId());
        requireEdit(user, l, d.pass());
        return new Editable(d, l);
    }

    private CaseView view(
            Connection c, Account user, Loaded l, Pass pass, CaseTree tree, CaseCheck check, List<Violation> conflicts)
            throws SQLException {
        boolean editable = PassAccess.mayEdit(user, l.first(), l.second(), pass);
        Map<String, List<QueryMark>> queries = new HashMap<>();
        if (pass == Pass.FIRST) {
            for (DataQuery q : Queries.ofCase(c, l.file().caseId())) {
                if (q.status() != QueryStatus.CLOSED) {
                    queries.computeIfAbsent(q.recordKey() + "|" + q.variable(), k -> new ArrayList<>())
                            .add(new QueryMark(q.id(), q.status().id()));
                }
            }
        }
        Pass other = pass.other();
        PassInfo otherPass = l.pass(other).isPresent() && PassAccess.maySee(user, l.first(), l.second(), other)
                ? PassInfo.of(l.pass(other).get())
                : null;
        boolean reloadable = pass == Pass.FIRST
                && editable
                && CaseFiles.storedTaskForce(c, forms, l.file().caseId()).isPresent();
        return new CaseView(
                l.file().caseId(),
                l.file().tfId(),
                l.file().caseRef(),
                l.file().reconciled(),
                PassInfo.of(l.pass(pass).orElseThrow()),
                otherPass,
                l.second().isPresent(),
                editable,
                reloadable,
                new CaseSheet(forms, tree, check),
                queries,
                conflicts);
    }

    static Pass pass(int number) {
        if (number != 1 && number != 2) throw new NotVisible();
        return Pass.of(number);
    }

    /** NotVisible when the account may not see the pass, NotAllowed when it may see but not change it. */
    static void requireEdit(Account user, Loaded l, Pass pass) {
        if (!PassAccess.maySee(user, l.first(), l.second(), pass)) throw new NotVisible();
        if (!PassAccess.mayEdit(user, l.first(), l.second(), pass))
            throw new NotAllowed("You may not change this coding");
    }

    /** Other task forces' records do not exist for a scoped account. */
    static void requireSees(Account user, String tfId) {
        if (tfId == null || !user.sees(tfId)) throw new NotVisible();
    }

    private static void requireCodes(Account user) {
        if (!user.role().codes()) throw new NotAllowed("Your role may not code");
    }

    /** The task forces an account's lists are limited to, or null for every task force. */
    static Collection<String> scope(Account user) {
        return user.role().scoped() ? user.taskForces() : null;
    }

    private static boolean isAllowedMissing(Variable v, String code) {
        try {
            return v.missingCodes().contains(Integer.parseInt(code));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The active coders of a task force (who may be assigned a pass). */
    static final class CodersOf {
        private CodersOf() {}

        static List<String> taskForce(Connection c, String tfId) throws SQLException {
            List<String> out = new ArrayList<>();
            for (Account a : AccountTable.list(c)) {
                if (a.active() && a.role() == Role.CODER && a.sees(tfId)) out.add(a.name());
            }
            return out;
        }
    }
}
