package org.tfeval.synth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.tfeval.instrument.Derivation;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.Missing;
import org.tfeval.instrument.MissingCode;
import org.tfeval.instrument.Rule;
import org.tfeval.instrument.Variable;
import org.tfeval.instrument.VariableType;
import org.tfeval.instrument.expression.Expression;
import org.tfeval.instrument.expression.Truth;

/**
 * What the generator derives from the instrument for one form: the columns in order, skip logic
 * (a variable whose {@code applies_when} is false is written as not applicable), parent links,
 * inherited and derived variables, and which variables may be made missing. Not thread-safe (it
 * collects the variables the generator has no model for).
 */
final class FormLayout {
    private final Form form;
    private final Variable[] vars;
    private final Map<String, Integer> index = new HashMap<>();
    private final String[][] appliesReads;
    private final double[] notRecordedRate;
    private final double[] unknownRate;
    private final Variable parentLink;
    private final List<Variable> inherited = new ArrayList<>();
    private final List<Variable> derived = new ArrayList<>();
    private final Set<String> unmodelled = new TreeSet<>();
    private final Missing notApplicable;
    private final Missing notRecorded;
    private final Missing unknown;

    FormLayout(Instrument instrument, Form form) {
        this.form = form;
        this.vars = form.variables().toArray(new Variable[0]);
        this.appliesReads = new String[vars.length][];
        this.notRecordedRate = new double[vars.length];
        this.unknownRate = new double[vars.length];
        this.notApplicable = missing(instrument, MissingCode.NOT_APPLICABLE);
        this.notRecorded = missing(instrument, MissingCode.NOT_RECORDED);
        this.unknown = missing(instrument, MissingCode.UNKNOWN);
        Set<String> shielded = shielded(instrument, form);
        for (int i = 0; i < vars.length; i++) {
            Variable v = vars[i];
            index.put(v.name(), i);
            if (v.appliesWhen() != null) {
                if (notApplicable == null) {
                    throw new IllegalArgumentException(
                            "the instrument has skip logic but no 'not_applicable' missing code");
                }
                appliesReads[i] = v.appliesWhen().variables().toArray(new String[0]);
            }
            if (v.inherit() != null) inherited.add(v);
            if (v.isDerived()) derived.add(v);
            if (!shielded.contains(v.name())) {
                double[] r = MissingData.rates(v.name());
                if (notRecorded != null && v.missingCodes().contains(notRecorded.code())) notRecordedRate[i] = r[0];
                if (unknown != null && v.missingCodes().contains(unknown.code())) unknownRate[i] = r[1];
            }
        }
        this.parentLink = form.parentLink().orElse(null);
    }

    Form form() {
        return form;
    }

    String name() {
        return form.name();
    }

    int size() {
        return vars.length;
    }

    /** The column names, in instrument order. */
    List<String> header() {
        return form.variables().stream().map(Variable::name).toList();
    }

    Variable variable(int i) {
        return vars[i];
    }

    /** The position of a variable, or -1. */
    int find(String name) {
        Integer i = index.get(name);
        return i == null ? -1 : i;
    }

    /** The position of a variable the generator needs; throws when the instrument lacks it. */
    int indexOf(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new IllegalStateException(
                    "form " + form.name() + " has no variable " + name + ", which the synthetic generator needs");
        }
        return i;
    }

    Rec newRec() {
        return new Rec(this);
    }

    /** The not-applicable missing code. */
    Missing notApplicable() {
        return notApplicable;
    }

    /** The unknown missing code, or null when the instrument has none. */
    Missing unknown() {
        return unknown;
    }

    /** Variables of this form the generator had no model for and wrote as not recorded. */
    Set<String> unmodelled() {
        return unmodelled;
    }

    /** Links a child record to its parent: the parent's key and the variables the child inherits. */
    void link(Rec child, Rec parent) {
        if (parentLink == null || !parentLink.parent().equals(parent.layout().name())) {
            throw new IllegalArgumentException("form " + form.name() + " is not a child of "
                    + parent.layout().name());
        }
        List<String> key = parent.layout().form.key();
        if (key.size() != 1)
            throw new IllegalArgumentException("parent form " + parent.layout().name() + " must have a single key");
        child.set(parentLink.name(), parent.get(key.get(0)));
        for (Variable v : inherited) {
            if (v.inherit().equals(parent.layout().name())) child.set(v.name(), parent.get(v.name()));
        }
    }

    /** Computes the derived variables from the child records, by the instrument's derivations. */
    void derive(Rec parent, Map<String, List<Rec>> children) {
        for (Variable v : derived) {
            Derivation d = v.derived();
            List<Rec> kids = children.get(d.form());
            if (kids == null)
                throw new IllegalArgumentException(
                        v.name() + " is derived from form " + d.form() + ", which was not generated");
            if (d.kind() == Derivation.Kind.COUNT) {
                parent.set(v.name(), (long) kids.size());
            } else {
                boolean any = false;
                for (Rec k : kids) {
                    if (d.where().test(k.view()) == Truth.TRUE) {
                        any = true;
                        break;
                    }
                }
                parent.set(v.name(), any);
            }
        }
    }

    /**
     * Applies skip logic as the coding form and the validator do: every variable whose {@code
     * applies_when} is false becomes not applicable, whatever was drawn (a variable that does not
     * apply equals no value, so the variables that depend on it follow, down the chain); one made
     * not applicable whose condition then comes true is unset again. Variables left unset that apply
     * are written as not recorded and remembered as unmodelled.
     */
    void finish(Rec r) {
        boolean changed = true;
        for (int pass = 0; changed && pass <= vars.length; pass++) {
            changed = false;
            for (int i = 0; i < vars.length; i++) {
                if (appliesReads[i] == null) continue;
                Truth t = applies(i, r);
                if (t == Truth.FALSE && !notApplicable.equals(r.values[i])) {
                    r.values[i] = notApplicable;
                    changed = true;
                } else if (t == Truth.TRUE && notApplicable.equals(r.values[i])) {
                    r.values[i] = null;
                    changed = true;
                }
            }
        }
        for (int i = 0; i < vars.length; i++) {
            if (r.values[i] != null || !vars[i].required()) continue;
            boolean unknownApplicability = appliesReads[i] != null && applies(i, r) == Truth.UNKNOWN;
            if (notRecorded == null || !vars[i].missingCodes().contains(notRecorded.code())) {
                throw new IllegalStateException("form " + form.name() + ", variable " + vars[i].name()
                        + ": the synthetic generator has no value for it and it cannot be coded not recorded");
            }
            r.values[i] = notRecorded;
            if (!unknownApplicability && !r.touched[i]) unmodelled.add(vars[i].name());
        }
    }

    /** Makes values missing at the variable's rates (never variables that rules, skip logic or derivations read). */
    void degrade(Rec r, SplittableRandom rng) {
        for (int i = 0; i < vars.length; i++) {
            double nr = notRecordedRate[i];
            double unk = unknownRate[i];
            if (nr == 0 && unk == 0) continue;
            Object v = r.values[i];
            if (v == null || v instanceof Missing) continue;
            double u = rng.nextDouble();
            if (u < nr) r.values[i] = notRecorded;
            else if (u < nr + unk) r.values[i] = unknown;
        }
    }

    /** The record's key as {@code RecordValidator.recordId} writes it. */
    String recordId(Rec r) {
        StringBuilder b = new StringBuilder();
        for (String k : form.key()) {
            if (!b.isEmpty()) b.append('/');
            b.append(r.values[indexOf(k)]);
        }
        return b.toString();
    }

    /** The cell text of a value in the import format. */
    String cell(int i, Object value) {
        if (value == null) {
            if (vars[i].required())
                throw new IllegalStateException("form " + form.name() + ", variable " + vars[i].name() + " is blank");
            return "";
        }
        if (value instanceof Missing m) return Integer.toString(m.code());
        if (vars[i].type() == VariableType.DECIMAL) return VariableType.DECIMAL.format(value);
        return value.toString();
    }

    /** Whether a variable applies, as {@code RecordValidator} decides it on the finished record. */
    private Truth applies(int i, Rec r) {
        return vars[i].appliesWhen().test(r.view());
    }

    private static Missing missing(Instrument instrument, MissingCode code) {
        return instrument.missingCodes().contains(code) ? Missing.of(code) : null;
    }

    /**
     * Variables never made missing: identifiers, parent links, inherited and derived variables,
     * and every variable that skip logic, a derivation on this form's records, or a
     * {@code known()} test in a rule reads (a missing value there would break the record).
     */
    static Set<String> shielded(Instrument instrument, Form form) {
        Set<String> out = new TreeSet<>(form.key());
        for (Variable v : form.variables()) {
            if (v.type() == VariableType.ID || v.inherit() != null || v.isDerived() || v.parent() != null)
                out.add(v.name());
            if (v.appliesWhen() != null) out.addAll(v.appliesWhen().variables());
        }
        for (Form f : instrument.forms()) {
            for (Variable v : f.variables()) {
                if (v.isDerived()
                        && v.derived().form().equals(form.name())
                        && v.derived().where() != null) {
                    out.addAll(v.derived().where().variables());
                }
            }
        }
        for (Rule rule : instrument.rulesOf(form)) {
            if (rule instanceof Rule.Require r) {
                collectKnown(r.when(), out);
                collectKnown(r.then(), out);
            }
        }
        return out;
    }

    private static void collectKnown(Expression e, Set<String> out) {
        if (e instanceof Expression.Known k) {
            out.add(k.variable());
        } else if (e instanceof Expression.Logical l) {
            collectKnown(l.left(), out);
            collectKnown(l.right(), out);
        } else if (e instanceof Expression.Not n) {
            collectKnown(n.operand(), out);
        }
    }
}
