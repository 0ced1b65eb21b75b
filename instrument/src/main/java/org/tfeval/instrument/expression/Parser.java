package org.tfeval.instrument.expression;

import java.util.ArrayList;
import java.util.List;

/** Recursive-descent parser for REDCap-style branching logic. */
final class Parser {
    private final String text;
    private final List<String> tokens = new ArrayList<>();
    private final List<Integer> positions = new ArrayList<>();
    private int at;

    Parser(String text) {
        this.text = text;
        tokenize();
    }

    Expression parseAll() {
        if (tokens.isEmpty()) throw error("an empty condition");
        Expression e = or();
        if (at < tokens.size()) throw error("unexpected '" + tokens.get(at) + "'");
        return e;
    }

    private Expression or() {
        Expression e = and();
        while (peekWord("or")) {
            at++;
            e = new Expression.Logical(false, e, and());
        }
        return e;
    }

    private Expression and() {
        Expression e = not();
        while (peekWord("and")) {
            at++;
            e = new Expression.Logical(true, e, not());
        }
        return e;
    }

    private Expression not() {
        if (peekWord("not")) {
            at++;
            return new Expression.Not(not());
        }
        return comparison();
    }

    private Expression comparison() {
        if (peek("(")) {
            at++;
            Expression inner = or();
            expect(")");
            return inner;
        }
        if (peekWord("known") || peekWord("missing")) {
            boolean positive = tokens.get(at++).equalsIgnoreCase("known");
            expect("(");
            Expression.Term t = term();
            if (!(t instanceof Expression.Term.Var v)) throw error("known()/missing() take a variable");
            expect(")");
            return new Expression.Known(v.name(), positive);
        }
        Expression.Term left = term();
        if (at >= tokens.size()) throw error("a comparison operator after " + left.source());
        String op = tokens.get(at++);
        if (op.equals("!=")) op = "<>";
        if (!List.of("=", "<>", "<", "<=", ">", ">=").contains(op))
            throw error("a comparison operator, not '" + op + "'");
        return new Expression.Compare(left, op, term());
    }

    private Expression.Term term() {
        if (at >= tokens.size()) throw error("a value");
        String t = tokens.get(at++);
        if (t.startsWith("[")) return new Expression.Term.Var(t.substring(1, t.length() - 1));
        if (t.startsWith("'") || t.startsWith("\""))
            return new Expression.Term.Literal(t.substring(1, t.length() - 1), true);
        if (t.matches("-?\\d+(\\.\\d+)?")) return new Expression.Term.Literal(t, false);
        at--;
        throw error("a [VARIABLE], a number or quoted text, not '" + t + "'");
    }

    private boolean peek(String t) {
        return at < tokens.size() && tokens.get(at).equals(t);
    }

    private boolean peekWord(String w) {
        return at < tokens.size() && tokens.get(at).equalsIgnoreCase(w);
    }

    private void expect(String t) {
        if (!peek(t)) throw error("'" + t + "'");
        at++;
    }

    private IllegalArgumentException error(String expected) {
        int pos = at < positions.size() ? positions.get(at) : text.length();
        return new IllegalArgumentException(
                "condition \"" + text + "\": expected " + expected + " at character " + (pos + 1));
    }

    private void tokenize() {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (c == '[') {
                int end = text.indexOf(']', i);
                if (end < 0)
                    throw new IllegalArgumentException(
                            "condition \"" + text + "\": '[' at character " + (i + 1) + " is not closed");
                i = end + 1;
            } else if (c == '\'' || c == '"') {
                int end = text.indexOf(c, i + 1);
                if (end < 0)
                    throw new IllegalArgumentException(
                            "condition \"" + text + "\": quote at character " + (i + 1) + " is not closed");
                i = end + 1;
            } else if ("()".indexOf(c) >= 0) {
                i++;
            } else if ("<>=!".indexOf(c) >= 0) {
                i++;
                if (i < text.length() && "=>".indexOf(text.charAt(i)) >= 0 && !(c == '=')) i++;
            } else if (Character.isDigit(c) || c == '-' || c == '.') {
                i++;
                while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) i++;
            } else if (Character.isLetter(c)) {
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) i++;
            } else {
                throw new IllegalArgumentException(
                        "condition \"" + text + "\": unexpected character '" + c + "' at " + (i + 1));
            }
            tokens.add(text.substring(start, i));
            positions.add(start);
        }
    }
}
