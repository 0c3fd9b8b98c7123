package org.luoshi.inspection;

/** The content of a checklist item, from a form, the API or an imported row. */
record ItemCommand(String itemNo, String title, String guidance, String expectedEvidence, FindingCategory category,
        String indicatorCode) {
}
