package org.luoshi.report;

import java.time.LocalDate;
import java.util.Map;

/** What the pages and the API ask the report service to do. */
final class ReportCommands {

    private ReportCommands() {
    }

    /**
     * @param inspectionId for a 自查报告: the finished self-inspection it is written from
     * @param directiveRecordId for a 自查报告: the ledger's record of the directive it answers
     */
    record Create(long townshipId, ReportKind kind, int year, String directiveNumber, String addressee, Long inspectionId,
            Long directiveRecordId) {

        Create(long townshipId, ReportKind kind, int year, String directiveNumber, String addressee) {
            this(townshipId, kind, year, directiveNumber, addressee, null, null);
        }
    }

    /**
     * @param texts the user's text per block key; blocks not named keep their text
     * @param expectedVersion the version the user edited, to refuse a save over someone else's (null: no check)
     */
    record Save(String title, String addressee, String unitName, LocalDate reportDate, String directiveNumber,
            Map<String, String> texts, Integer expectedVersion) {
    }
}
