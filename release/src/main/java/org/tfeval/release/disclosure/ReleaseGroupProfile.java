package org.tfeval.release.disclosure;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tfeval.instrument.DisclosureRole;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.ReleaseLevel;
import org.tfeval.instrument.Variable;
import org.tfeval.instrument.disclosure.GroupProfile;
import org.tfeval.instrument.disclosure.Hierarchy;
import org.tfeval.release.dataset.VariableKind;

/**
 * The task force at public level, as the instrument's {@code disclosure_model.profile} declares it:
 * never a pseudonym its own attributes undo. Its identifier is dropped from every file and its own
 * file is withheld; a few of its attributes, generalized ({@code TF_STATE} to census region,
 * members to a size class), are released on the case as quasi-identifiers, so k-anonymity covers
 * them, and the lattice search sees to it that every released profile covers the declared number
 * of task forces, counting every case ({@link LatticeSearch}; local suppression only merges
 * profiles, since a suppressed attribute matches more task forces).
 */
public final class ReleaseGroupProfile implements DisclosureRule {
    @Override
    public void apply(ReleaseWork work) {
        Optional<GroupProfile> declared = work.instrument().disclosureModel().profile();
        if (declared.isEmpty() || work.level() != ReleaseLevel.PUBLIC) {
            return;
        }
        GroupProfile profile = declared.get();
        Form group = work.instrument().form(profile.form());
        List<String> key = group.key();
        String rule = getClass().getSimpleName();
        for (String form : work.forms()) {
            if (form.equals(group.name())) {
                continue;
            }
            for (PlannedVariable v : work.variables(form)) {
                if (key.contains(v.source()) && v.kind() == VariableKind.STRING) {
                    work.drop(
                            v,
                            rule,
                            "dropped at public level: a task-force pseudonym would be undone by the task force's "
                                    + "own attributes; its generalized profile is released on the case instead");
                }
            }
        }
        for (PlannedVariable v : work.variables(group.name())) {
            if (v.role() != DisclosureRole.NONE) {
                work.replace(v, v.withRole(DisclosureRole.NONE));
            }
        }
        work.withhold(
                group.name(),
                rule,
                "file withheld at public level: each task force's row is unique on its attributes; the "
                        + "generalized profile is on the case file");
        Form child = work.instrument().forms().stream()
                .filter(f ->
                        f.parentLink().map(l -> l.parent().equals(group.name())).orElse(false))
                .filter(f -> work.view().contains(f.name()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "the profile's form " + group.name() + " has no child form in the joined view"));
        PlannedVariable anchor = work.variables(child.name()).get(0);
        for (GroupProfile.Attribute a : profile.attributes()) {
            Variable from = group.find(a.from())
                    .orElseThrow(() -> new IllegalArgumentException(
                            "disclosure_model.profile: " + a.from() + " is not a variable of " + group.name()));
            String source = "p." + org.tfeval.instrument.sql.SqlIdentifier.quote(from.name());
            String value;
            SortedMap<Long, String> labels;
            if (a.level() == 0) {
                value = "CAST(" + source + " AS BIGINT)";
                labels = new TreeMap<>(from.valueLabels());
            } else {
                Hierarchy h = work.instrument()
                        .disclosureModel()
                        .hierarchy(group.name() + "." + from.name())
                        .orElseThrow(() -> new IllegalArgumentException("disclosure_model.profile: " + a.name()
                                + " takes level " + a.level() + " of " + group.name() + "." + from.name()
                                + ", which has no hierarchy"));
                if (a.level() >= h.height() - 1) {
                    throw new IllegalArgumentException("disclosure_model.profile: " + a.name() + " takes level "
                            + a.level() + " of " + h.variable() + ", which has levels 0 to " + (h.height() - 2));
                }
                Hierarchy.Level l = h.levels().get(a.level() - 1);
                value = LatticeSearch.groupSql(source, l);
                labels = l.codeLabels();
            }
            TreeSet<Integer> missing = new TreeSet<>(from.missingCodes());
            missing.add(ReleaseWork.SUPPRESSED);
            String label =
                    ReleaseWork.label("Task force: " + lower(from.label()) + (a.level() > 0 ? " (generalized)" : ""));
            PlannedVariable added = new PlannedVariable(
                    child.name(),
                    a.name(),
                    label,
                    label,
                    VariableKind.INTEGER,
                    labels,
                    missing,
                    DisclosureRole.QUASI,
                    ReleaseLevel.PUBLIC,
                    a.name(),
                    null,
                    value,
                    null);
            if (work.find(child.name(), a.name()).isPresent()) {
                throw new IllegalArgumentException(
                        "disclosure_model.profile: " + child.name() + " already has a " + "variable " + a.name());
            }
            work.insertAfter(anchor, added);
            anchor = added;
            work.treat(
                    child.name(),
                    a.name(),
                    rule,
                    "added: the task force's " + from.name()
                            + (a.level() > 0 ? " at level " + a.level() + " of its hierarchy" : "")
                            + ", a quasi-identifier",
                    0);
        }
    }

    private static String lower(String label) {
        return label.isEmpty() ? label : Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }
}
