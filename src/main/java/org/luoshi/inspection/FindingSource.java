package org.luoshi.inspection;

/** Where a finding came from. */
enum FindingSource {
    /** 自查自纠. */
    SELF_INSPECTION,
    /** 督导检查. */
    VISIT,
    /** A red indicator of the assessment. */
    INDICATOR,
    /** A fault found at a venue (阵地). */
    VENUE_FAULT,
    OTHER
}
