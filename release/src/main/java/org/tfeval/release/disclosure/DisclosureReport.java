package org.tfeval.release.disclosure;

import java.util.List;
import java.util.Objects;
import org.tfeval.instrument.ReleaseLevel;

/**
 * Everything disclosure control did to a release and what it achieved: the policy and thresholds,
 * the quasi-identifiers and sensitive variables, every treatment per variable with its rule, the risk
 * before and after, and the information lost. Holds counts and rules only, never a value of a record.
 *
 * @param snapshotId the snapshot released
 * @param level the release level
 * @param policy the policy's name
 * @param thresholds the thresholds applied
 * @param rules the policy's rules in the order applied
 * @param quasiIdentifiers released quasi-identifiers ({@code form.VARIABLE}) in the joined view
 * @param suppressionOrder quasi-identifiers in the order local suppression takes them (first
 *     suppressed first); empty when there is no suppression
 * @param sensitive sensitive variables checked for l-diversity
 * @param treatments every treatment, in the order applied
 * @param risk risk profiles, in stage order
 * @param loss information loss
 * @param notes assumptions and remarks in words
 * @param scenario the disclosure scenario, in words (which views risk was measured and controlled in)
 * @param attackers the instrument's attackers at this level
 * @param generalisation what the lattice search chose, or null when it did not run
 */
public record DisclosureReport(
        String snapshotId,
        ReleaseLevel level,
        String policy,
        Thresholds thresholds,
        List<String> rules,
        List<String> quasiIdentifiers,
        List<String> suppressionOrder,
        List<String> sensitive,
        List<Treatment> treatments,
        List<RiskProfile> risk,
        InformationLoss loss,
        List<String> notes,
        String scenario,
        List<org.tfeval.instrument.disclosure.Attacker> attackers,
        Generalisation generalisation) {

    public DisclosureReport {
        Objects.requireNonNull(snapshotId, "snapshotId");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(thresholds, "thresholds");
        rules = List.copyOf(rules);
        quasiIdentifiers = List.copyOf(quasiIdentifiers);
        suppressionOrder = List.copyOf(suppressionOrder);
        sensitive = List.copyOf(sensitive);
        treatments = List.copyOf(treatments);
        risk = List.copyOf(risk);
        Objects.requireNonNull(loss, "loss");
        notes = List.copyOf(notes);
        Objects.requireNonNull(scenario, "scenario");
        attackers = List.copyOf(attackers);
    }

    /** What the lattice search chose, if it ran. */
    public java.util.Optional<Generalisation> chosenGeneralisation() {
        return java.util.Optional.ofNullable(generalisation);
    }

    /** The profile of a stage. */
    public java.util.Optional<RiskProfile> stage(String name) {
        return risk.stream().filter(r -> r.stage().equals(name)).findFirst();
    }
}
