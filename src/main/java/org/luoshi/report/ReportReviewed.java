package org.luoshi.report;

/**
 * Published when a report is submitted, returned or accepted, in the same transaction, so that what
 * hangs on a report (a county request answered by it) follows the report's one review.
 *
 * @param action SUBMIT, RETURN or ACCEPT
 * @param comment the reviewer's reason for a return or remark on an acceptance (null if none)
 */
public record ReportReviewed(long reportId, String action, String username, String comment) {
}
