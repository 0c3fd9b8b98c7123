package org.luoshi.inspection;

/** Filters of the findings list and the county overview; null means "any". */
record FindingFilter(FindingSource source, FindingCategory category, RectificationState state, Boolean overdue,
        Long unitId, String q) {

    FindingFilter(FindingSource source, FindingCategory category, RectificationState state, Boolean overdue, Long unitId) {
        this(source, category, state, overdue, unitId, null);
    }

    static FindingFilter none() {
        return new FindingFilter(null, null, null, null, null);
    }

    /** Findings whose title contains the text (the header's search), in the user's scope. */
    static FindingFilter titled(String q) {
        return new FindingFilter(null, null, null, null, null, q);
    }
}
