package org.luoshi.inspection;

/**
 * Findings of one unit's subtree: how many, how many passed re-check, open, overdue. The rate is
 * passed / all, or null when the unit has no finding (shown as a dash, never as 0 % or 100 %).
 */
record UnitRate(long unitId, String unitName, long total, long passed, long open, long overdue) {

    public Integer ratePercent() {
        return total == 0 ? null : (int) Math.round(passed * 100.0 / total);
    }
}
