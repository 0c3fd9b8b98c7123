package org.luoshi.assessment;

/** How the points of an indicator follow from its figures. */
enum ScoringMode {
    /** The whole weight when every period so far is met, else nothing. */
    ALL_OR_NOTHING,
    /** min(1, actual / target) x weight; for each-period modes the share of periods met. */
    PROPORTIONAL,
    /** Points of the highest step reached ("threshold:points" list). */
    STEPPED
}
