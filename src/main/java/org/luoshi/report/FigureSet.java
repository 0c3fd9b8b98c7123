package org.luoshi.report;

import java.util.EnumMap;
import java.util.Map;

/**
 * The figures of one township and year. A name without an entry counts as missing, with the
 * name's own description, so that an implementation that knows nothing invents nothing.
 */
record FigureSet(long townshipId, int year, Map<FigureName, Figure> figures) {

    public FigureSet {
        EnumMap<FigureName, Figure> copy = new EnumMap<>(FigureName.class);
        copy.putAll(figures);
        figures = java.util.Collections.unmodifiableMap(copy);
    }

    public Figure get(FigureName name) {
        Figure figure = figures.get(name);
        return figure != null ? figure : Figure.missing(name.missingDescription());
    }

    /** A set in which every figure is missing. */
    public static FigureSet empty(long townshipId, int year) {
        return new FigureSet(townshipId, year, Map.of());
    }
}
