package org.tfeval.report.findings;

import java.util.List;
import java.util.Objects;

/**
 * A generated sentence and the result tables its numbers come from.
 *
 * @param text    the sentence
 * @param sources {@code analysis/table} of every table it draws on
 */
public record Statement(String text, List<String> sources) {
    public Statement {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) throw new IllegalArgumentException("a statement needs words");
        sources = List.copyOf(sources);
    }

    static Statement of(String text, String... sources) {
        return new Statement(text, List.of(sources));
    }
}
