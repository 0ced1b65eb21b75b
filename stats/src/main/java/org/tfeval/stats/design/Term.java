package org.tfeval.stats.design;

import java.util.List;
import java.util.stream.Collectors;

/** A formula term: one factor (a main effect) or several (an interaction, written {@code a:b}). */
public record Term(List<Factor> factors) {

    public Term {
        factors = List.copyOf(factors);
        if (factors.isEmpty()) {
            throw new IllegalArgumentException("a term needs at least one factor");
        }
        if (factors.stream().map(Factor::column).distinct().count() != factors.size()) {
            throw new IllegalArgumentException("a term may use each column once: " + factors);
        }
    }

    /** Interaction order: 1 for a main effect. */
    public int order() {
        return factors.size();
    }

    /** Formula label, e.g. {@code a:x^2}. */
    public String label() {
        return factors.stream().map(Factor::label).collect(Collectors.joining(":"));
    }

    /** Same factors regardless of order. */
    boolean sameAs(Term other) {
        return factors.size() == other.factors.size() && factors.containsAll(other.factors);
    }
}
