package org.tfeval.analysis;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * How a row record maps to the flat columns of its table: its components in order, a component
 * that is itself a record (such as {@link ShareCells}) flattened into its own components. Checks
 * that every leaf fits its column's kind: {@code String} for text, {@code long} or {@code Long} for
 * counts, {@code Double} for proportions, numbers and p-values.
 */
final class RowSchema<R extends Record> {
    private final Class<R> type;
    private final Node root;
    private final int width;

    /** A record type and its components; a leaf has no children. */
    private record Node(Class<?> type, Method accessor, Constructor<?> constructor, List<Node> children) {}

    RowSchema(Class<R> type, List<ResultColumn> columns, String table) {
        this.type = type;
        this.root = NODES.get(type);
        List<Class<?>> leaves = new ArrayList<>();
        leaves(root, leaves);
        this.width = leaves.size();
        if (leaves.size() != columns.size()) {
            throw new IllegalArgumentException("table " + table + ": " + type.getSimpleName() + " has " + leaves.size()
                    + " values for " + columns.size() + " columns");
        }
        for (int i = 0; i < leaves.size(); i++) {
            if (!fits(leaves.get(i), columns.get(i).kind())) {
                throw new IllegalArgumentException("table " + table + ": value " + i + " of " + type.getSimpleName()
                        + " is a " + leaves.get(i).getSimpleName() + ", column "
                        + columns.get(i).name() + " holds " + columns.get(i).kind());
            }
        }
    }

    Class<R> type() {
        return type;
    }

    /** The component tree of each row type, read once. */
    private static final ClassValue<Node> NODES = new ClassValue<>() {
        @Override
        protected Node computeValue(Class<?> type) {
            return node(type, null);
        }
    };

    private static boolean fits(Class<?> leaf, ColumnKind kind) {
        return switch (kind) {
            case TEXT -> leaf == String.class;
            case COUNT -> leaf == long.class || leaf == Long.class;
            case PROPORTION, NUMBER, P_VALUE -> leaf == Double.class;
        };
    }

    private static Node node(Class<?> type, Method accessor) {
        if (!type.isRecord()) return new Node(type, accessor, null, List.of());
        RecordComponent[] comps = type.getRecordComponents();
        List<Node> children = new ArrayList<>();
        Class<?>[] types = new Class<?>[comps.length];
        for (int i = 0; i < comps.length; i++) {
            Method m = comps[i].getAccessor();
            m.setAccessible(true);
            children.add(node(comps[i].getType(), m));
            types[i] = comps[i].getType();
        }
        try {
            Constructor<?> c = type.getDeclaredConstructor(types);
            c.setAccessible(true);
            return new Node(type, accessor, c, children);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("record " + type.getName() + " has no canonical constructor", e);
        }
    }

    private static void leaves(Node n, List<Class<?>> out) {
        if (n.children().isEmpty()) out.add(n.type());
        else n.children().forEach(c -> leaves(c, out));
    }

    /** The flat values of a row, NaN and infinities as null. */
    List<Object> values(R row) {
        List<Object> out = new ArrayList<>(width);
        flatten(root, row, out);
        return out;
    }

    private static void flatten(Node n, Object value, List<Object> out) {
        if (n.children().isEmpty()) {
            out.add(value instanceof Double d && (d.isNaN() || d.isInfinite()) ? null : value);
            return;
        }
        for (Node c : n.children()) {
            try {
                flatten(c, value == null ? null : c.accessor().invoke(value), out);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + c.accessor(), e);
            }
        }
    }

    /** A row from flat values (as {@link #values} gives them, or as read from JSON). */
    R create(List<Object> values) {
        if (values.size() != width)
            throw new IllegalArgumentException(
                    type.getSimpleName() + " needs " + width + " values, got " + values.size());
        int[] pos = {0};
        return type.cast(build(root, values, pos));
    }

    private static Object build(Node n, List<Object> values, int[] pos) {
        if (n.children().isEmpty()) {
            Object v = values.get(pos[0]++);
            if (n.type() == long.class && v == null)
                throw new IllegalArgumentException("a count that cannot be empty is empty");
            return v;
        }
        Object[] args = new Object[n.children().size()];
        for (int i = 0; i < args.length; i++) args[i] = build(n.children().get(i), values, pos);
        try {
            return n.constructor().newInstance(args);
        } catch (InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException("cannot create " + n.type().getName(), e);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException("cannot create " + n.type().getName(), e.getCause());
        }
    }
}
