package org.tfeval.release.pipeline;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.tfeval.instrument.disclosure.Scenario;
import org.tfeval.release.disclosure.LossMetric;

/**
 * How a public release searches for its generalization, and where earlier releases are recorded.
 *
 * @param scenario the disclosure scenario, or null for the instrument's for the level
 * @param pins levels the analyst pins, dimension (or {@code form.VARIABLE}) to level
 * @param metric the information-loss metric the search minimises
 * @param register the study's register of releases (checked and appended), or null for none
 */
public record DisclosureOptions(Scenario scenario, Map<String, Integer> pins, LossMetric metric, Path register) {
    public DisclosureOptions {
        pins = Map.copyOf(pins);
        Objects.requireNonNull(metric, "metric");
    }

    /** The instrument's scenario, nothing pinned, least Loss, no register. */
    public static DisclosureOptions defaults() {
        return new DisclosureOptions(null, Map.of(), LossMetric.LOSS, null);
    }

    public DisclosureOptions withScenario(Scenario value) {
        return new DisclosureOptions(value, pins, metric, register);
    }

    public DisclosureOptions withPins(Map<String, Integer> value) {
        return new DisclosureOptions(scenario, value, metric, register);
    }

    public DisclosureOptions withMetric(LossMetric value) {
        return new DisclosureOptions(scenario, pins, value, register);
    }

    public DisclosureOptions withRegister(Path value) {
        return new DisclosureOptions(scenario, pins, metric, value);
    }
}
