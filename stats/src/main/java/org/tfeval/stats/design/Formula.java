package org.tfeval.stats.design;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.tfeval.stats.InputViolation;
import org.tfeval.stats.InvalidInputException;

/**
 * A parsed model formula in R notation: {@code y ~ a + b + c:d}, {@code a*b} (= {@code a + b + a:b}),
 * {@code I(x^2)} (a power of a numeric column), {@code - 1} or {@code + 0} (no intercept), column names
 * with spaces in back-quotes, and at most one {@code offset(x)} or {@code offset(log(x))} ({@code offset}
 * null when there is none). As in R, terms are ordered by interaction order, keeping formula order within
 * an order, and duplicates are dropped.
 */
public record Formula(String response, List<Term> terms, boolean intercept, Offset offset) {

    public Formula {
        Objects.requireNonNull(response, "response");
        terms = List.copyOf(terms);
        if (response.isBlank()) {
            throw new IllegalArgumentException("formula response must not be blank");
        }
        if (offset != null && offset.column().equals(response)) {
            throw new IllegalArgumentException("the outcome '" + response + "' cannot be its own offset");
        }
    }

    /** A formula without an offset. */
    public Formula(String response, List<Term> terms, boolean intercept) {
        this(response, terms, intercept, null);
    }

    /** Parses {@code text}; bad syntax throws {@link InvalidInputException} with code bad-formula. */
    public static Formula parse(String text) {
        Objects.requireNonNull(text, "formula text");
        return new Parser(text).parse();
    }

    /** All columns the formula uses, response first. */
    public Set<String> columns() {
        Set<String> cols = new LinkedHashSet<>();
        cols.add(response);
        for (Term t : terms) {
            for (Factor f : t.factors()) {
                cols.add(f.column());
            }
        }
        if (offset != null) {
            cols.add(offset.column());
        }
        return cols;
    }

    /** R-style text of this formula. */
    public String text() {
        StringBuilder b = new StringBuilder(response).append(" ~ ");
        List<String> parts = new ArrayList<>();
        if (!intercept) {
            parts.add("0");
        }
        for (Term t : terms) {
            parts.add(t.factors().stream()
                    .map(f -> f.power() == 1 ? f.column() : "I(" + f.label() + ")")
                    .reduce((x, y) -> x + ":" + y)
                    .orElseThrow());
        }
        if (parts.isEmpty()) {
            parts.add("1");
        }
        if (offset != null) {
            parts.add(offset.label());
        }
        return b.append(String.join(" + ", parts)).toString();
    }

    /** Recursive-descent parser over the formula text. */
    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        Formula parse() {
            int tilde = text.indexOf('~');
            if (tilde < 0) {
                throw error("a formula needs '~' between the outcome and the predictors, as in y ~ x + g");
            }
            pos = 0;
            skipSpace();
            String response = name();
            skipSpace();
            if (peek() != '~') {
                throw error("only one outcome column may stand left of '~'");
            }
            pos++;
            List<Term> added = new ArrayList<>();
            List<Term> removed = new ArrayList<>();
            boolean intercept = true;
            boolean subtract = false;
            Offset offset = null;
            skipSpace();
            if (peek() == '-') {
                subtract = true;
                pos++;
            }
            while (true) {
                skipSpace();
                if (atEnd()) {
                    throw error("the formula ends where a term was expected");
                }
                String num = Character.isDigit(peek()) ? number() : "";
                if (num.isEmpty() && startsCall("offset")) {
                    if (subtract || offset != null) {
                        throw error("a formula takes at most one offset(...), added with '+'");
                    }
                    offset = offset();
                } else if (!num.isEmpty()) {
                    if (num.equals("0")) {
                        intercept = subtract;
                    } else if (num.equals("1")) {
                        intercept = !subtract;
                    } else {
                        throw error("only 0 and 1 may appear as numbers in a formula");
                    }
                } else {
                    List<Term> expanded = product();
                    (subtract ? removed : added).addAll(expanded);
                }
                skipSpace();
                if (atEnd()) {
                    break;
                }
                char c = peek();
                if (c == '+') {
                    subtract = false;
                } else if (c == '-') {
                    subtract = true;
                } else {
                    throw error("unexpected '" + c + "' at position " + (pos + 1));
                }
                pos++;
            }
            List<Term> terms = new ArrayList<>();
            for (Term t : added) {
                boolean dup = terms.stream().anyMatch(t::sameAs);
                boolean gone = removed.stream().anyMatch(t::sameAs);
                if (!dup && !gone) {
                    terms.add(t);
                }
            }
            terms.sort(Comparator.comparingInt(Term::order));
            if (terms.stream()
                    .anyMatch(t -> t.factors().stream().anyMatch(f -> f.column().equals(response)))) {
                throw error("the outcome '" + response + "' also appears among the predictors");
            }
            if (offset != null && offset.column().equals(response)) {
                throw error("the outcome '" + response + "' cannot be its own offset");
            }
            return new Formula(response, terms, intercept, offset);
        }

        /** Whether the text at the cursor is {@code name(} (spaces allowed before the parenthesis). */
        private boolean startsCall(String name) {
            if (!text.startsWith(name, pos)) {
                return false;
            }
            int k = pos + name.length();
            while (k < text.length() && Character.isWhitespace(text.charAt(k))) {
                k++;
            }
            return k < text.length() && text.charAt(k) == '(';
        }

        /** {@code offset(x)} or {@code offset(log(x))}. */
        private Offset offset() {
            pos = text.indexOf('(', pos) + 1;
            skipSpace();
            boolean log = startsCall("log");
            if (log) {
                pos = text.indexOf('(', pos) + 1;
            }
            String col = name();
            skipSpace();
            if (log) {
                if (peek() != ')') {
                    throw error("offset(log(x)) takes one column inside log()");
                }
                pos++;
                skipSpace();
            }
            if (peek() != ')') {
                throw error("offset() takes one column or log(column), as in offset(log(exposure))");
            }
            pos++;
            return new Offset(col, log);
        }

        /** {@code f1 (':'|'*') f2 ...}; a '*' expands to all sub-interactions. */
        private List<Term> product() {
            List<Factor> factors = new ArrayList<>();
            boolean star = false;
            factors.add(factor());
            while (true) {
                skipSpace();
                char c = peek();
                if (c == ':' || c == '*') {
                    star |= c == '*';
                    pos++;
                    Factor f = factor();
                    if (factors.stream().anyMatch(g -> g.column().equals(f.column()))) {
                        throw error("column '" + f.column() + "' appears twice in one interaction");
                    }
                    factors.add(f);
                } else {
                    break;
                }
            }
            List<Term> out = new ArrayList<>();
            if (!star) {
                out.add(new Term(factors));
                return out;
            }
            int k = factors.size();
            for (int mask = 1; mask < (1 << k); mask++) {
                List<Factor> sub = new ArrayList<>();
                for (int j = 0; j < k; j++) {
                    if ((mask & (1 << j)) != 0) {
                        sub.add(factors.get(j));
                    }
                }
                out.add(new Term(sub));
            }
            out.sort(Comparator.comparingInt(Term::order));
            return out;
        }

        private Factor factor() {
            skipSpace();
            if (text.startsWith("I(", pos)) {
                pos += 2;
                skipSpace();
                String col = name();
                skipSpace();
                int power = 1;
                if (peek() == '^') {
                    pos++;
                    skipSpace();
                    String num = number();
                    if (num.isEmpty()) {
                        throw error("I(" + col + "^k) needs a whole-number power k");
                    }
                    power = Integer.parseInt(num);
                    if (power < 1 || power > Factor.MAX_POWER) {
                        throw error("powers in I(x^k) must lie in 1.." + Factor.MAX_POWER);
                    }
                }
                skipSpace();
                if (peek() != ')') {
                    throw error("I(...) supports only powers of one column, as in I(x^2)");
                }
                pos++;
                return new Factor(col, power);
            }
            return Factor.of(name());
        }

        private String name() {
            skipSpace();
            if (peek() == '`') {
                int end = text.indexOf('`', pos + 1);
                if (end < 0) {
                    throw error("unclosed back-quote in column name");
                }
                String n = text.substring(pos + 1, end);
                pos = end + 1;
                return n;
            }
            int start = pos;
            while (!atEnd() && (Character.isLetterOrDigit(peek()) || peek() == '_' || peek() == '.')) {
                pos++;
            }
            if (start == pos) {
                throw error(
                        atEnd()
                                ? "the formula ends where a column name was expected"
                                : "expected a column name at position " + (pos + 1));
            }
            return text.substring(start, pos);
        }

        private String number() {
            int start = pos;
            while (!atEnd() && Character.isDigit(peek())) {
                pos++;
            }
            if (!atEnd() && (Character.isLetter(peek()) || peek() == '_' || peek() == '.')) {
                pos = start;
                return "";
            }
            return text.substring(start, pos);
        }

        private void skipSpace() {
            while (!atEnd() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private boolean atEnd() {
            return pos >= text.length();
        }

        private char peek() {
            return atEnd() ? '\0' : text.charAt(pos);
        }

        private InvalidInputException error(String message) {
            return new InvalidInputException(InputViolation.ofData(InputViolation.BAD_FORMULA, "formula: " + message));
        }
    }
}
