package org.luoshi.inspection;

/**
 * 整改状态: OPEN → IN_PROGRESS → SUBMITTED → PASSED (locked); a failed re-check sends the task
 * back to IN_PROGRESS. The allowed moves are written here once, so every entry point obeys them.
 */
enum RectificationState {
    OPEN, IN_PROGRESS, SUBMITTED, PASSED;

    boolean editable() {
        return this == OPEN || this == IN_PROGRESS;
    }
}
