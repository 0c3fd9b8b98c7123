package org.luoshi.assessment;

/** When a period's figure meets the target. */
enum Comparison {
    /** The figure is at least the target. */
    AT_LEAST,
    /** Every village of the unit is covered (DISTINCT_UNITS only; the target is the number of villages). */
    ALL_UNITS
}
