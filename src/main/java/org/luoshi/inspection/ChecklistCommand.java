package org.luoshi.inspection;

/** The header of a checklist. */
record ChecklistCommand(String title, String directiveRef, String description) {
}
