package org.luoshi.inspection;

/** 自查 (a unit answers for itself) or 督导检查 (an upper level visits units below it). */
enum InspectionKind {
    SELF, VISIT
}
