package org.tfeval.stats;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when user data cannot be analysed as asked: a missing column, a non-numeric or non-binary
 * outcome, a singular design. Carries every violation found, not just the first. The message names
 * columns and terms only, never data values, so it is safe to print and log.
 */
public final class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<InputViolation> violations;

    public InvalidInputException(List<InputViolation> violations) {
        super(render(violations));
        this.violations = List.copyOf(violations);
    }

    public InvalidInputException(InputViolation violation) {
        this(List.of(violation));
    }

    /** All violations, in the order found. */
    public List<InputViolation> violations() {
        return violations;
    }

    private static String render(List<InputViolation> violations) {
        if (violations == null || violations.isEmpty()) {
            throw new IllegalArgumentException("an InvalidInputException needs at least one violation");
        }
        return violations.stream().map(InputViolation::describe).collect(Collectors.joining("; "));
    }
}
