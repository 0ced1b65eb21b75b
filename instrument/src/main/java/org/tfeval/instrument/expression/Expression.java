package org.tfeval.instrument.expression;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.tfeval.instrument.Missing;

/**
 * A parsed condition. Values given to {@link #test} are typed ({@code Long}, {@code BigDecimal},
 * {@code LocalDate}, {@code String}), null when blank or unknown (a missing code), or a
 * {@link Missing} "not applicable": a definite absence that equals no value, so a comparison with
 * it is false ({@code <>} true) rather than unknown.
 */
public sealed interface Expression {

    /** Evaluates the condition on a record. */
    Truth test(Function<String, Object> values);

    /** Renders the condition as SQL; {@code column} maps a variable to its SQL forms. */
    String toSql(Function<String, SqlColumn> column);

    /**
     * How a variable appears in SQL.
     *
     * @param value         an expression that is NULL when the value is blank or missing
     * @param notApplicable a predicate true when the value is "not applicable"
     */
    record SqlColumn(String value, String notApplicable) {}

    /** Renders the condition in REDCap branching-logic syntax. */
    String source();

    /**
     * Renders the condition as a compact JSON array for the browser's evaluator ({@code
     * skiplogic.js}): {@code ["and",L,R]}, {@code ["or",L,R]}, {@code ["not",X]}, {@code
     * ["known","VAR",true]} ({@code false} for {@code missing()}), {@code ["cmp","<=",T1,T2]} with
     * terms {@code ["var","X"]} and {@code ["lit","text"]}.
     */
    String toJson();

    /** The variables the condition reads. */
    default Set<String> variables() {
        Set<String> out = new TreeSet<>();
        collect(this, out);
        return out;
    }

    private static void collect(Expression e, Set<String> out) {
        if (e instanceof Logical l) {
            collect(l.left(), out);
            collect(l.right(), out);
        } else if (e instanceof Not n) {
            collect(n.operand(), out);
        } else if (e instanceof Compare c) {
            collectTerm(c.left(), out);
            collectTerm(c.right(), out);
        } else if (e instanceof Known k) {
            out.add(k.variable());
        }
    }

    private static void collectTerm(Term t, Set<String> out) {
        if (t instanceof Term.Var v) out.add(v.name());
    }

    /** Parses REDCap-style logic; throws {@link IllegalArgumentException} naming the position. */
    static Expression parse(String text) {
        return new Parser(text).parseAll();
    }

    /** {@code and} / {@code or}. */
    record Logical(boolean and, Expression left, Expression right) implements Expression {
        public Truth test(Function<String, Object> values) {
            Truth l = left.test(values);
            Truth r = right.test(values);
            return and ? l.and(r) : l.or(r);
        }

        public String toSql(Function<String, SqlColumn> column) {
            return "(" + left.toSql(column) + (and ? " AND " : " OR ") + right.toSql(column) + ")";
        }

        public String source() {
            return "(" + left.source() + (and ? " and " : " or ") + right.source() + ")";
        }

        public String toJson() {
            return "[" + JsonText.quote(and ? "and" : "or") + "," + left.toJson() + "," + right.toJson() + "]";
        }
    }

    /** {@code not}. */
    record Not(Expression operand) implements Expression {
        public Truth test(Function<String, Object> values) {
            return operand.test(values).not();
        }

        public String toSql(Function<String, SqlColumn> column) {
            return "(NOT " + operand.toSql(column) + ")";
        }

        public String source() {
            return "not " + operand.source();
        }

        public String toJson() {
            return "[" + JsonText.quote("not") + "," + operand.toJson() + "]";
        }
    }

    /** {@code known([X])} is true when X has a value; {@code missing([X])} its negation. */
    record Known(String variable, boolean positive) implements Expression {
        public Truth test(Function<String, Object> values) {
            Object v = values.apply(variable);
            return Truth.of((v != null && !(v instanceof Missing)) == positive);
        }

        public String toSql(Function<String, SqlColumn> column) {
            return "(" + column.apply(variable).value() + (positive ? " IS NOT NULL)" : " IS NULL)");
        }

        public String source() {
            return (positive ? "known([" : "missing([") + variable + "])";
        }

        public String toJson() {
            return "[" + JsonText.quote("known") + "," + JsonText.quote(variable) + "," + positive + "]";
        }
    }

    /** A comparison of two terms. */
    record Compare(Term left, String op, Term right) implements Expression {
        public Compare {
            Objects.requireNonNull(op);
            if (!Set.of("=", "<>", "<", "<=", ">", ">=").contains(op)) {
                throw new IllegalArgumentException("unknown comparison operator " + op);
            }
        }

        public Truth test(Function<String, Object> values) {
            Object a = left.value(values);
            Object b = right.value(values);
            if (a instanceof Missing || b instanceof Missing) {
                boolean na = a instanceof Missing ma && ma.isNotApplicable()
                        || b instanceof Missing mb && mb.isNotApplicable();
                return na ? Truth.of(op.equals("<>")) : Truth.UNKNOWN;
            }
            if (a == null || b == null) return Truth.UNKNOWN;
            int c = compare(a, b);
            return Truth.of(
                    switch (op) {
                        case "=" -> c == 0;
                        case "<>" -> c != 0;
                        case "<" -> c < 0;
                        case "<=" -> c <= 0;
                        case ">" -> c > 0;
                        default -> c >= 0;
                    });
        }

        public String toSql(Function<String, SqlColumn> column) {
            String sql = "(" + left.sql(column, right) + " " + op + " " + right.sql(column, left) + ")";
            for (Term t : new Term[] {left, right}) {
                if (t instanceof Term.Var v) {
                    sql = "(CASE WHEN " + column.apply(v.name()).notApplicable() + " THEN "
                            + (op.equals("<>") ? "TRUE" : "FALSE") + " ELSE " + sql + " END)";
                }
            }
            return sql;
        }

        public String source() {
            return left.source() + " " + op + " " + right.source();
        }

        public String toJson() {
            return "[" + JsonText.quote("cmp") + "," + JsonText.quote(op) + "," + left.toJson() + "," + right.toJson()
                    + "]";
        }

        private static int compare(Object a, Object b) {
            BigDecimal na = number(a);
            BigDecimal nb = number(b);
            if (na != null && nb != null) return na.compareTo(nb);
            if (a instanceof LocalDate da && b instanceof LocalDate db) return da.compareTo(db);
            if (a instanceof LocalDate da && b instanceof String sb)
                return da.toString().compareTo(sb);
            if (b instanceof LocalDate db && a instanceof String sa) return sa.compareTo(db.toString());
            return a.toString().compareTo(b.toString());
        }

        private static BigDecimal number(Object o) {
            if (o instanceof Long l) return BigDecimal.valueOf(l);
            if (o instanceof Integer i) return BigDecimal.valueOf(i);
            if (o instanceof BigDecimal d) return d;
            if (o instanceof Double d) return BigDecimal.valueOf(d);
            if (o instanceof String s) {
                try {
                    return new BigDecimal(s);
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            return null;
        }
    }

    /** An operand of a comparison. */
    sealed interface Term {
        Object value(Function<String, Object> values);

        String sql(Function<String, SqlColumn> column, Term other);

        String source();

        /** The term as JSON: {@code ["var","NAME"]} or {@code ["lit","text"]}. */
        String toJson();

        /** {@code [NAME]}. */
        record Var(String name) implements Term {
            public Object value(Function<String, Object> values) {
                return values.apply(name);
            }

            public String sql(Function<String, SqlColumn> column, Term other) {
                return column.apply(name).value();
            }

            public String source() {
                return "[" + name + "]";
            }

            public String toJson() {
                return "[" + JsonText.quote("var") + "," + JsonText.quote(name) + "]";
            }
        }

        /** A number or quoted text. */
        record Literal(String text, boolean quoted) implements Term {
            public Object value(Function<String, Object> values) {
                return text;
            }

            public String sql(Function<String, SqlColumn> column, Term other) {
                if (text.matches("-?\\d+(\\.\\d+)?")) return text;
                if (text.matches("\\d{4}-\\d{2}-\\d{2}")) return "DATE '" + text + "'";
                return "'" + text.replace("'", "''") + "'";
            }

            public String source() {
                return quoted ? "'" + text.replace("'", "\\'") + "'" : text;
            }

            public String toJson() {
                return "[" + JsonText.quote("lit") + "," + JsonText.quote(text) + "]";
            }
        }
    }
}
