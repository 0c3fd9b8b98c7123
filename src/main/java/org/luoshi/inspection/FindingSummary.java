package org.luoshi.inspection;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A finding as other modules read it (the reports' 存在问题 and 整改情况 parts): what was found,
 * where, from which source, what was done, and whether it is closed or overdue.
 *
 * @param source SELF_INSPECTION, VISIT, INDICATOR, VENUE_FAULT or OTHER
 * @param state OPEN, IN_PROGRESS, SUBMITTED or PASSED (closed)
 * @param closedAt when the re-check passed, or null while open
 * @param ownerPost the title of the post responsible for the rectification
 * @param ownerName who holds that post now, or null when vacant
 * @param inspectionId the inspection that raised it, or null
 */
public record FindingSummary(long id, String source, String category, long unitId, String unitName, String title,
        String detail, String measures, String state, LocalDate deadline, boolean overdue, Instant raisedAt,
        Instant closedAt, String ownerPost, String ownerName, Long inspectionId) {
}
