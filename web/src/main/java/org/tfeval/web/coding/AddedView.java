package org.tfeval.web.coding;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * What the page needs after a record was added without reloading it: the new record's form (inserted
 * before the add button), and, swapped out of band, its group's heading with the new count, the side
 * index, and the fields of the records above it that the new record changes (values derived from
 * the child records, and skip logic reading them).
 *
 * @param parent  the record the new one was added below
 * @param group   the new record's group (its form) below the parent
 * @param node    the new record
 * @param index   the side index of the case file
 * @param counted whether the index shows fields left (the pass is editable)
 * @param fields  the fields of the records above to show again
 */
public record AddedView(
        NodeView parent,
        NodeView.Group group,
        NodeView node,
        List<CasePage.IndexEntry> index,
        boolean counted,
        List<FieldView> fields) {
    public AddedView {
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(node, "node");
        index = List.copyOf(index);
        fields = List.copyOf(fields);
    }

    /**
     * The view of the record {@code added} on a page, with the fields of the records above it that
     * {@code changes} selects (by record form and field).
     */
    static AddedView of(CasePage page, long added, BiPredicate<String, FieldView> changes) {
        List<NodeView> path = new ArrayList<>();
        if (!path(page.tree(), added, path) || path.size() < 2)
            throw new IllegalStateException("the added record " + added + " is not below a record of its case file");
        NodeView node = path.get(path.size() - 1);
        NodeView parent = path.get(path.size() - 2);
        NodeView.Group group = parent.groups().stream()
                .filter(g -> g.nodes().contains(node))
                .findFirst()
                .orElseThrow();
        List<FieldView> fields = new ArrayList<>();
        for (NodeView above : path.subList(0, path.size() - 1))
            for (FieldView f : above.record().fields())
                if (changes.test(above.record().form(), f)) fields.add(f);
        return new AddedView(parent, group, node, page.index(), !page.keys().isEmpty(), fields);
    }

    /** Fills {@code out} with the nodes from {@code n} down to the record {@code id}; false when not below n. */
    private static boolean path(NodeView n, long id, List<NodeView> out) {
        out.add(n);
        if (n.record().id() == id) return true;
        for (NodeView.Group g : n.groups()) for (NodeView k : g.nodes()) if (path(k, id, out)) return true;
        out.remove(out.size() - 1);
        return false;
    }
}
