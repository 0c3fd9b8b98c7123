package org.luoshi.report;

import java.time.LocalDate;
import java.util.Map;

/** What the pages and the API ask the report service to do. */
final class ReportCommands {

    private ReportCommands() {
    }

    record Create(long townshipId, ReportKind kind, int year, String directiveNumber, String addressee) {
    }

    /**
     * @param texts the user's text per block key; blocks not named keep their text
     * @param expectedVersion the version the user edited, to refuse a save over someone else's (null: no check)
     */
    record Save(String title, String addressee, String unitName, LocalDate reportDate, String directiveNumber,
            Map<String, String> texts, Integer expectedVersion) {
    }
}
