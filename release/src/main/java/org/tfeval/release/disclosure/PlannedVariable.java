package org.tfeval.release.disclosure;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tfeval.instrument.DisclosureRole;
import org.tfeval.instrument.ReleaseLevel;
import org.tfeval.release.dataset.VariableKind;

/**
 * A variable as it will be released: its metadata and the SQL that computes its value from the
 * snapshot row. In the SQL, {@code s} is the snapshot row of the form, {@code p} the snapshot row of
 * its parent record and {@code pn_<ID>} the pseudonym table of an identifier.
 *
 * @param form the form (dataset)
 * @param name released name
 * @param label variable label
 * @param question question text
 * @param kind what the released variable holds
 * @param valueLabels labels of valid codes (INTEGER only)
 * @param missingCodes reserved missing codes the variable may hold (-9, -8, -7, -6)
 * @param role disclosure role (inherited from the instrument variable it comes from)
 * @param release most open release level
 * @param source the instrument variable the values come from
 * @param inherits the form whose value this variable repeats (via the parent link), or null
 * @param value SQL of the value
 * @param missing SQL of a date's missing code (DATE only), else null
 */
public record PlannedVariable(
        String form,
        String name,
        String label,
        String question,
        VariableKind kind,
        SortedMap<Long, String> valueLabels,
        SortedSet<Integer> missingCodes,
        DisclosureRole role,
        ReleaseLevel release,
        String source,
        String inherits,
        String value,
        String missing) {

    public PlannedVariable {
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, () -> name + ": kind");
        valueLabels = Collections.unmodifiableSortedMap(new TreeMap<>(valueLabels));
        missingCodes = Collections.unmodifiableSortedSet(new TreeSet<>(missingCodes));
        Objects.requireNonNull(role, () -> name + ": role");
        Objects.requireNonNull(release, () -> name + ": release");
        Objects.requireNonNull(value, () -> name + ": value");
        if ((kind == VariableKind.DATE) != (missing != null)) {
            throw new IllegalArgumentException(
                    form + "." + name + ": a date, and only a date, has a missing-code column");
        }
    }

    /** {@code form.NAME}, for messages and reports. */
    public String qualifiedName() {
        return form + "." + name;
    }

    /** Column of a date's missing code in the working tables. */
    String missingColumn() {
        return name + "__MC";
    }

    PlannedVariable withValue(String sql) {
        return new PlannedVariable(
                form,
                name,
                label,
                question,
                kind,
                valueLabels,
                missingCodes,
                role,
                release,
                source,
                inherits,
                sql,
                missing);
    }

    PlannedVariable withValueLabels(SortedMap<Long, String> labels) {
        return new PlannedVariable(
                form,
                name,
                label,
                question,
                kind,
                labels,
                missingCodes,
                role,
                release,
                source,
                inherits,
                value,
                missing);
    }

    PlannedVariable withMissingCode(int code) {
        TreeSet<Integer> codes = new TreeSet<>(missingCodes);
        codes.add(code);
        return new PlannedVariable(
                form, name, label, question, kind, valueLabels, codes, role, release, source, inherits, value, missing);
    }

    PlannedVariable withRole(DisclosureRole newRole) {
        return new PlannedVariable(
                form,
                name,
                label,
                question,
                kind,
                valueLabels,
                missingCodes,
                newRole,
                release,
                source,
                inherits,
                value,
                missing);
    }

    PlannedVariable withKind(VariableKind newKind, String valueSql) {
        return new PlannedVariable(
                form,
                name,
                label,
                question,
                newKind,
                valueLabels,
                missingCodes,
                role,
                release,
                source,
                inherits,
                valueSql,
                newKind == VariableKind.DATE ? missing : null);
    }
}
