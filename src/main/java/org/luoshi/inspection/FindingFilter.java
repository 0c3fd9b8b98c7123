package org.luoshi.inspection;

/** Filters of the findings list and the county overview; null means "any". */
record FindingFilter(FindingSource source, FindingCategory category, RectificationState state, Boolean overdue,
        Long unitId) {

    static FindingFilter none() {
        return new FindingFilter(null, null, null, null, null);
    }
}
