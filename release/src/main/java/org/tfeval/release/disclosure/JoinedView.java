package org.tfeval.release.disclosure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.tfeval.instrument.DisclosureRole;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.Variable;
import org.tfeval.instrument.sql.SqlIdentifier;
import org.tfeval.release.dataset.VariableKind;

/**
 * The joined view k-anonymity is measured on, derived from the instrument's parent links: the unit
 * form (the one with the most child forms: the case), its ancestors (the task force) and all its
 * descendants (victims, suspects and their offenses), one row per combination of a case's victim
 * and suspect (a case without victims, or without suspects, still gives rows). Forms without
 * quasi-identifiers below the case (offenses, once their dates are intervals) are left out.
 * A class's size is the number of distinct cases among its rows, so a case with many victims cannot
 * make a class look larger than it is.
 */
final class JoinedView {
    /** A quasi-identifier of a record the row does not have (a case without victims). */
    static final String ABSENT = "<absent>";
    /** A blank quasi-identifier. */
    static final String BLANK = "<blank>";
    /** A suppressed quasi-identifier, as the view holds it. */
    static final String SUPPRESSED = "'" + ReleaseWork.SUPPRESSED + "'";

    private final Instrument instrument;
    private final String unit;
    private final List<String> ancestors;

    private JoinedView(Instrument instrument, String unit, List<String> ancestors) {
        this.instrument = instrument;
        this.unit = unit;
        this.ancestors = List.copyOf(ancestors);
    }

    static JoinedView of(Instrument instrument) {
        Form unit = instrument.forms().stream()
                .max(Comparator.comparingInt(
                                (Form f) -> instrument.childrenOf(f).size())
                        .thenComparing(f -> -instrument.forms().indexOf(f)))
                .orElseThrow();
        List<String> ancestors = new ArrayList<>();
        for (Form f = unit; instrument.parentOf(f).isPresent(); ) {
            f = instrument.parentOf(f).get();
            ancestors.add(f.name());
        }
        return new JoinedView(instrument, unit.name(), ancestors);
    }

    /** The unit form: class sizes count its records. */
    String unit() {
        return unit;
    }

    /** Whether the form is in the view. */
    boolean contains(String form) {
        return form.equals(unit) || ancestors.contains(form) || isDescendant(instrument.form(form));
    }

    private boolean isDescendant(Form f) {
        for (Form p = f; instrument.parentOf(p).isPresent(); ) {
            p = instrument.parentOf(p).get();
            if (p.name().equals(unit)) {
                return true;
            }
        }
        return false;
    }

    /** Depth below the root form (task force 0, case 1, victim 2, offense 3). */
    int depth(String form) {
        int d = 0;
        for (Form f = instrument.form(form);
                instrument.parentOf(f).isPresent();
                f = instrument.parentOf(f).get()) {
            d++;
        }
        return d;
    }

    /**
     * The planned quasi-identifiers of the forms in the view, as they stand now; a variable a form
     * repeats from its parent ({@code inherit}) is counted once, in the parent.
     */
    List<Column> quasiIdentifiers(ReleaseWork work) {
        List<Column> out = new ArrayList<>();
        for (PlannedVariable v : work.allVariables()) {
            if (v.role() == DisclosureRole.QUASI && v.inherits() == null && contains(v.form())) {
                out.add(new Column(v.form(), v.name(), v.kind()));
            }
        }
        return out;
    }

    /** SQL of the view over the tables {@code <prefix><form>}, with row ids and the given columns. */
    String select(String prefix, List<Column> columns) {
        List<String> select = new ArrayList<>();
        select.add("'0' AS _all");
        select.add("u._rid AS " + SqlIdentifier.quote(rowId(unit)));
        addColumns(select, "u", unit, columns);
        StringBuilder from = new StringBuilder(table(prefix, unit) + " u");
        String childAlias = "u";
        Form child = instrument.form(unit);
        // ancestors up to the highest one holding a column (a withheld task force holds none)
        int needed = 0;
        for (int i = 0; i < ancestors.size(); i++) {
            String name = ancestors.get(i);
            if (columns.stream().anyMatch(c -> c.form().equals(name))) {
                needed = i + 1;
            }
        }
        for (String a : ancestors.subList(0, needed)) {
            String alias = "a_" + a;
            Variable link = child.parentLink().orElseThrow();
            from.append(" LEFT JOIN ")
                    .append(table(prefix, a))
                    .append(' ')
                    .append(alias)
                    .append(" ON ")
                    .append(alias)
                    .append('.')
                    .append(SqlIdentifier.quote(parentKey(instrument, a)))
                    .append(" = ")
                    .append(childAlias)
                    .append('.')
                    .append(SqlIdentifier.quote(link.name()));
            select.add(alias + "._rid AS " + SqlIdentifier.quote(rowId(a)));
            addColumns(select, alias, a, columns);
            childAlias = alias;
            child = instrument.form(a);
        }
        for (Form c : instrument.childrenOf(instrument.form(unit))) {
            if (!holdsAny(c, columns)) {
                continue;
            }
            String alias = "d_" + c.name();
            from.append(" LEFT JOIN (")
                    .append(subtree(prefix, c, columns))
                    .append(") ")
                    .append(alias)
                    .append(" ON ")
                    .append(alias)
                    .append("._link = u.")
                    .append(SqlIdentifier.quote(parentKey(instrument, unit)));
            passThrough(select, alias, c, columns);
        }
        return "SELECT " + String.join(", ", select) + " FROM " + from;
    }

    private String subtree(String prefix, Form f, List<Column> columns) {
        List<String> select = new ArrayList<>();
        select.add("t._rid AS " + SqlIdentifier.quote(rowId(f.name())));
        select.add("t." + SqlIdentifier.quote(f.parentLink().orElseThrow().name()) + " AS _link");
        addColumns(select, "t", f.name(), columns);
        StringBuilder from = new StringBuilder(table(prefix, f.name()) + " t");
        for (Form c : instrument.childrenOf(f)) {
            if (!holdsAny(c, columns)) {
                continue;
            }
            String alias = "d_" + c.name();
            from.append(" LEFT JOIN (")
                    .append(subtree(prefix, c, columns))
                    .append(") ")
                    .append(alias)
                    .append(" ON ")
                    .append(alias)
                    .append("._link = t.")
                    .append(SqlIdentifier.quote(parentKey(instrument, f.name())));
            passThrough(select, alias, c, columns);
        }
        return "SELECT " + String.join(", ", select) + " FROM " + from;
    }

    private void passThrough(List<String> select, String alias, Form f, List<Column> columns) {
        select.add(alias + "." + SqlIdentifier.quote(rowId(f.name())));
        for (Column c : columns) {
            if (c.form().equals(f.name())) {
                // the subtree never gives null for a record it has: null here means there is no such record
                select.add("coalesce(" + alias + "." + SqlIdentifier.quote(c.alias()) + ", "
                        + ReleaseWork.literal(ABSENT) + ") AS " + SqlIdentifier.quote(c.alias()));
            }
        }
        for (Form g : instrument.childrenOf(f)) {
            if (holdsAny(g, columns)) {
                passThrough(select, alias, g, columns);
            }
        }
    }

    /** Whether the form or a form below it holds one of the columns (forms without any are left out of the view). */
    private boolean holdsAny(Form f, List<Column> columns) {
        if (columns.stream().anyMatch(c -> c.form().equals(f.name()))) {
            return true;
        }
        return instrument.childrenOf(f).stream().anyMatch(c -> holdsAny(c, columns));
    }

    /** The forms below the unit, parents before children. */
    List<String> descendants() {
        List<String> out = new ArrayList<>();
        for (Form f : instrument.forms()) {
            if (isDescendant(f)) {
                out.add(f.name());
            }
        }
        return out;
    }

    /**
     * A quasi-identifier as text: its value, a date's missing code, {@value #BLANK} for a blank cell,
     * {@value #ABSENT} when the row has no such record (a case without victims); so classes are
     * plain equality groups, with no nulls.
     */
    private static void addColumns(List<String> select, String alias, String form, List<Column> columns) {
        for (Column c : columns) {
            if (c.form().equals(form)) {
                String value = "CAST(" + alias + "." + SqlIdentifier.quote(c.name()) + " AS VARCHAR)";
                if (c.kind() == VariableKind.DATE) {
                    value += ", CAST(" + alias + "." + SqlIdentifier.quote(c.name() + "__MC") + " AS VARCHAR)";
                }
                select.add("CASE WHEN " + alias + "._rid IS NULL THEN " + ReleaseWork.literal(ABSENT)
                        + " ELSE coalesce(" + value + ", " + ReleaseWork.literal(BLANK) + ") END AS "
                        + SqlIdentifier.quote(c.alias()));
            }
        }
    }

    /** The view columns that make a class: the quasi-identifiers, and a constant so that an empty list works. */
    static String partition(List<Column> columns) {
        List<String> out = new ArrayList<>();
        out.add("_all");
        for (Column c : columns) {
            out.add(SqlIdentifier.quote(c.alias()));
        }
        return String.join(", ", out);
    }

    static String rowId(String form) {
        return "_r_" + form;
    }

    private static String table(String prefix, String form) {
        return SqlIdentifier.quote(prefix + form);
    }

    /** The key variable of a parent form (a single variable: the child's link has its name). */
    static String parentKey(Instrument instrument, String parent) {
        List<String> key = instrument.form(parent).key();
        if (key.size() != 1) {
            throw new IllegalStateException("form " + parent + " is a parent but has a composite key " + key);
        }
        return key.get(0);
    }

    /**
     * A quasi-identifier in the view.
     *
     * @param form its form
     * @param name its name in the working tables
     * @param kind its kind (a date has a second column for its missing code)
     */
    record Column(String form, String name, VariableKind kind) {
        Column {
            Objects.requireNonNull(form, "form");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
        }

        String alias() {
            return form + "." + name;
        }

        String qualifiedName() {
            return alias();
        }

        /** SQL literal of the suppressed code in the working table of the form. */
        String suppressed() {
            return kind == VariableKind.STRING
                    ? "'" + ReleaseWork.SUPPRESSED + "'"
                    : Integer.toString(ReleaseWork.SUPPRESSED);
        }
    }
}
