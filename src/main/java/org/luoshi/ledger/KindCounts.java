package org.luoshi.ledger;

import java.util.List;
import java.util.Map;

/**
 * Records per kind for a list's filter, counted up to a cap: a list shows "超过 1000" rather than
 * counting a province's whole ledger on every view. Below the cap a count is exact.
 *
 * @param counts per kind code, in the order of the kinds; a count above {@code cap} is given as {@code cap + 1}
 * @param cap the largest count told exactly
 */
public record KindCounts(Map<String, Long> counts, int cap) {

    public KindCounts {
        counts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counts));
    }

    /** The exact count, or {@code cap} when there are more. */
    public long of(String kind) {
        return Math.min(counts.getOrDefault(kind, 0L), cap);
    }

    /** Whether the kind has more records than {@code cap}. */
    public boolean above(String kind) {
        return counts.getOrDefault(kind, 0L) > cap;
    }

    /** The kinds counted only up to the cap. */
    public List<String> aboveCap() {
        return counts.keySet().stream().filter(this::above).toList();
    }
}
