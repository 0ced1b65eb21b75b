package org.tfeval.study.coding;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Variable;
import org.tfeval.instrument.validation.Violation;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.stats.agreement.TwoCoderAgreement;
import org.tfeval.store.coding.CaseFile;
import org.tfeval.store.coding.CaseFiles;
import org.tfeval.store.coding.CaseForms;
import org.tfeval.store.coding.CaseTree;
import org.tfeval.store.coding.Completion;
import org.tfeval.store.coding.Pass;
import org.tfeval.store.coding.PassState;
import org.tfeval.store.coding.Reconciliation;
import org.tfeval.study.accounts.Account;
import org.tfeval.study.accounts.AccountTable;
import org.tfeval.study.accounts.NotAllowed;
import org.tfeval.study.accounts.NotVisible;
import org.tfeval.study.accounts.Role;
import org.tfeval.study.audit.AuditEvents;
import org.tfeval.study.transaction.Transactions;

/**
 * Double coding: coordinators assign a share of case files (or one) to a second, blind coder of
 * the task force, reconcile the two passes into the study data, and read the agreement per coder
 * pair and variable (over the codings as they stood before reconciliation). Immutable.
 */
public final class DoubleCoding {
    /** Smallest share of case files to assign, in percent. */
    public static final int MIN_SHARE = 1;
    /** Largest share of case files to assign, in percent. */
    public static final int MAX_SHARE = 100;

    /**
     * One disagreement of the passes.
     *
     * @param id       the choice's name ({@code form|recordKey|VARIABLE})
     * @param form     the form
     * @param recordKey the record
     * @param variable the variable, or null for a record one pass has and the other has not
     * @param first    pass 1's value in the import format
     * @param second   pass 2's value
     */
    public record Difference(String id, Form form, String recordKey, Variable variable, String first, String second) {}

    /**
     * The reconciliation of a case file.
     *
     * @param caseId      the case
     * @param tfId        its task force
     * @param ready       whether both passes are complete
     * @param firstCoder  pass 1's coder
     * @param secondCoder pass 2's coder
     * @param differences the disagreements (when ready)
     * @param problems    errors after a failed attempt
     */
    public record Reconciling(
            String caseId,
            String tfId,
            boolean ready,
            String firstCoder,
            String secondCoder,
            List<Difference> differences,
            List<String> problems) {
        public Reconciling {
            differences = List.copyOf(differences);
            problems = List.copyOf(problems);
        }
    }

    /**
     * Agreement of a coder pair on a variable.
     *
     * @param firstCoder  pass 1's coder
     * @param secondCoder pass 2's coder
     * @param form        the form
     * @param variable    the variable
     * @param units       coded pairs
     * @param percent     percent agreement
     * @param kappa       Cohen's kappa (not finite when every value is the same)
     */
    public record Agreement(
            String firstCoder,
            String secondCoder,
            String form,
            String variable,
            long units,
            double percent,
            double kappa) {}

    /** Agreement rows, and the double-coded case files counted. */
    public record AgreementTable(List<Agreement> rows, long cases) {
        public AgreementTable {
            rows = List.copyOf(rows);
        }
    }

    private final Transactions tx;
    private final CaseForms forms;
    private final SecureRandom random = new SecureRandom();

    public DoubleCoding(Transactions tx) {
        this.tx = Objects.requireNonNull(tx, "tx");
        this.forms = CaseForms.of(tx.store().instrument());
    }

    /** Assigns a share (percent) of a task force's case files that have only pass 1, at random, to a coder who did not code them. */
    public void assignShare(Account user, String tfId, String shareText, String coder) {
        requireCoordinates(user);
        Coding.requireSees(user, tfId);
        int share;
        try {
            share = Integer.parseInt(String.valueOf(shareText).strip());
        } catch (NumberFormatException e) {
            share = 0;
        }
        if (share < MIN_SHARE || share > MAX_SHARE)
            throw Problem.usage("The share must be a whole percentage from " + MIN_SHARE + " to " + MAX_SHARE);
        int percent = share;
        tx.tx(c -> {
            String name = coderOf(c, tfId, coder);
            List<String> eligible = new ArrayList<>();
            for (CaseFiles.Summary s : CaseFiles.list(c, tfId)) {
                if (s.first() != null
                        && s.second() == null
                        && !s.first().coder().equals(name)) eligible.add(s.caseId());
            }
            Collections.shuffle(eligible, random);
            int n = (int) Math.ceil(eligible.size() * percent / 100.0);
            for (String caseId : eligible.subList(0, n)) CaseFiles.assignSecond(c, forms, caseId, name, user.name());
            return null;
        });
    }

    /** Assigns one case file's second pass; returns its task force. */
    public String assignOne(Account user, String caseId, String coder) {
        requireCoordinates(user);
        return tx.tx(c -> {
            CaseFile cf = CaseFiles.find(c, caseId).orElseThrow(NotVisible::new);
            Coding.requireSees(user, cf.tfId());
            CaseFiles.assignSecond(c, forms, caseId, coderOf(c, cf.tfId(), coder), user.name());
            return cf.tfId();
        });
    }

    /** The disagreements of a case file's passes; viewing both passes is an audit event. */
    public Reconciling reconciliation(Account user, String caseId) {
        requireCoordinates(user);
        return tx.tx(c -> reconciling(c, user, caseId, List.of()));
    }

    /**
     * Reconciles a case file: pass 1's values, except the disagreements named in
     * {@code takeSecond}, go into the study data. Returns the reconciliation with its problems
     * when the result does not validate.
     */
    public Optional<Reconciling> reconcile(Account user, String caseId, Set<String> takeSecond) {
        requireCoordinates(user);
        return tx.tx(c -> {
            CaseFile cf = CaseFiles.find(c, caseId).orElseThrow(NotVisible::new);
            Coding.requireSees(user, cf.tfId());
            Map<String, Pass> choices = new LinkedHashMap<>();
            for (String id : takeSecond) choices.put(id, Pass.SECOND);
            Completion.Result r = Reconciliation.resolve(c, forms, caseId, choices, user.name());
            if (r.completed()) return Optional.empty();
            List<String> problems = new ArrayList<>();
            for (Violation v : r.check().errors())
                problems.add(v.file() + " " + v.recordId() + (v.variable() == null ? "" : ", " + v.variable()) + ": "
                        + v.message());
            for (Violation v : r.conflicts()) problems.add(v.file() + " " + v.recordId() + ": " + v.message());
            return Optional.of(reconciling(c, user, caseId, problems));
        });
    }

    /** Agreement per coder pair and variable over the double-coded case files an account sees. */
    public AgreementTable agreement(Account user) {
        if (!user.role().exports()) throw new NotAllowed("Your role may not see agreement");
        List<Reconciliation.CodedPair> pairs = tx.tx(c -> Reconciliation.pairs(c, forms, Coding.scope(user)));
        Map<String, List<Reconciliation.CodedPair>> groups = new TreeMap<>();
        Set<String> cases = new HashSet<>();
        for (Reconciliation.CodedPair p : pairs) {
            cases.add(p.caseId());
            groups.computeIfAbsent(
                            p.firstCoder() + " / " + p.secondCoder() + "\u0000" + order(p.form()) + "\u0000" + p.form()
                                    + "\u0000" + p.variable(),
                            k -> new ArrayList<>())
                    .add(p);
        }
        List<Agreement> rows = new ArrayList<>();
        for (List<Reconciliation.CodedPair> g : groups.values()) {
            TreeSet<String> categories = new TreeSet<>();
            for (Reconciliation.CodedPair p : g) {
                categories.add(p.first());
                categories.add(p.second());
            }
            List<String> cats = new ArrayList<>(categories);
            long[][] table = new long[cats.size()][cats.size()];
            for (Reconciliation.CodedPair p : g) table[cats.indexOf(p.first())][cats.indexOf(p.second())]++;
            TwoCoderAgreement a = TwoCoderAgreement.of(table);
            Reconciliation.CodedPair any = g.get(0);
            rows.add(new Agreement(
                    any.firstCoder(),
                    any.secondCoder(),
                    any.form(),
                    any.variable(),
                    g.size(),
                    100 * a.percentAgreement(),
                    a.cohenKappa()));
        }
        return new AgreementTable(rows, cases.size());
    }

    private Reconciling reconciling(java.sql.Connection c, Account user, String caseId, List<String> problems)
            throws java.sql.SQLException {
        CaseFile cf = CaseFiles.find(c, caseId).orElseThrow(NotVisible::new);
        Coding.requireSees(user, cf.tfId());
        PassState p1 = CaseFiles.pass(c, caseId, Pass.FIRST).orElseThrow(NotVisible::new);
        PassState p2 = CaseFiles.pass(c, caseId, Pass.SECOND).orElseThrow(NotVisible::new);
        boolean ready = p1.complete() && p2.complete();
        List<Difference> differences = new ArrayList<>();
        if (ready) {
            CaseTree first = Completion.tree(c, forms, caseId, Pass.FIRST);
            CaseTree second = Completion.tree(c, forms, caseId, Pass.SECOND);
            for (Reconciliation.Difference d : Reconciliation.differences(forms, first, second)) {
                Form form = forms.form(d.form());
                differences.add(new Difference(
                        d.id(),
                        form,
                        d.recordKey(),
                        d.variable() == null ? null : form.variable(d.variable()),
                        d.first(),
                        d.second()));
            }
            AuditEvents.record(c, user.name(), "view", forms.root().name(), "case", caseId, "pass", "1+2");
        }
        return new Reconciling(caseId, cf.tfId(), ready, p1.coder(), p2.coder(), differences, problems);
    }

    /** The named coder, who must be an active coder of the task force. */
    private static String coderOf(java.sql.Connection c, String tfId, String name) throws java.sql.SQLException {
        Account a = name == null ? null : AccountTable.find(c, name).orElse(null);
        if (a == null || !a.active() || a.role() != Role.CODER || !a.sees(tfId))
            throw Problem.usage("Choose a coder of this task force");
        return a.name();
    }

    private String order(String form) {
        List<Form> list = forms.caseFileForms();
        for (int i = 0; i < list.size(); i++)
            if (list.get(i).name().equals(form)) return String.format(Locale.ROOT, "%03d", i);
        return "999";
    }

    private static void requireCoordinates(Account user) {
        if (!user.role().coordinates()) throw new NotAllowed("Your role may not coordinate coding");
    }
}
