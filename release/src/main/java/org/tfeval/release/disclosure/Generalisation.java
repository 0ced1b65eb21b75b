package org.tfeval.release.disclosure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the lattice search found: the scenario and metric, the dimensions searched, the chosen
 * solution and the runner-up with their information loss under all three metrics.
 *
 * @param scenario the disclosure scenario, in words
 * @param metric the metric the choice minimised
 * @param dimensions each dimension with the names of its levels
 * @param pinned levels the analyst pinned (dimension to level)
 * @param latticeSize nodes in the lattice
 * @param evaluated nodes whose classes were counted (the rest were tagged by monotonicity)
 * @param exhaustive true when every node was counted (full enumeration)
 * @param chosen the solution released
 * @param runnerUp the next best solution, if any
 */
public record Generalisation(
        String scenario,
        LossMetric metric,
        Map<String, List<String>> dimensions,
        Map<String, Integer> pinned,
        long latticeSize,
        long evaluated,
        boolean exhaustive,
        Node chosen,
        Node runnerUp) {

    public Generalisation {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(metric, "metric");
        dimensions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
        pinned = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(pinned));
        Objects.requireNonNull(chosen, "chosen");
    }

    /**
     * A node of the lattice and what it costs.
     *
     * @param levels level per dimension
     * @param variables level name per generalized variable ({@code victim.V_AGE: 5-year bands})
     * @param loss ARX Loss, 0-1
     * @param entropy non-uniform entropy, bits
     * @param discernibility discernibility
     * @param outlierCaseShare share of cases left in classes below k (local suppression treats them)
     */
    public record Node(
            Map<String, Integer> levels,
            Map<String, String> variables,
            double loss,
            double entropy,
            double discernibility,
            double outlierCaseShare) {
        public Node {
            levels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(levels));
            variables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        }
    }
}
