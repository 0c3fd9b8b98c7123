package org.luoshi.org;

import java.util.List;
import java.util.function.Predicate;

/** A unit in a select box, indented by its depth below the first unit of the list. */
record UnitOption(long id, String label, OrgUnitKind kind, boolean active) {

    /** Options for units in tree order; the first unit is the top of the indentation. */
    static List<UnitOption> of(List<OrgUnit> tree) {
        return of(tree, u -> true);
    }

    /** Options for the units of a tree that pass the filter, indented as in the whole tree. */
    static List<UnitOption> of(List<OrgUnit> tree, Predicate<OrgUnit> keep) {
        if (tree.isEmpty()) {
            return List.of();
        }
        int top = tree.get(0).getDepth();
        // An ideographic space indents as wide as one Chinese character.
        return tree.stream().filter(keep)
                .map(u -> new UnitOption(u.getId(), "\u3000".repeat(Math.max(0, u.getDepth() - top)) + u.getName(),
                        u.getKind(), u.isActive()))
                .toList();
    }
}
