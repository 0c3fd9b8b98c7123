package org.luoshi.report;

/** Where a report stands between the township and the county. */
enum ReportStatus {
    DRAFT, SUBMITTED, RETURNED, ACCEPTED;

    /** The township may change the text only before it is submitted or after it was returned. */
    boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
