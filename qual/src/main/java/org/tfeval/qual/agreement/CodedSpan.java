package org.tfeval.qual.agreement;

import java.util.Objects;
import org.tfeval.qual.text.Span;

/**
 * One coder's application of one code to a span of one transcript.
 *
 * @param source the transcript (any stable identifier)
 * @param coder  the coder
 * @param code   the code
 * @param span   code points, end exclusive
 */
public record CodedSpan(String source, String coder, String code, Span span) {
    public CodedSpan {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(coder, "coder");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(span, "span");
    }
}
