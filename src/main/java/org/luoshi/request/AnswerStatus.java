package org.luoshi.request;

/** Where a township's answer to a request stands. */
enum AnswerStatus {
    /** Not submitted yet. */
    OPEN,
    /** Submitted, awaiting the county. */
    SUBMITTED,
    /** Returned by the county with a reason; the township answers again. */
    RETURNED,
    /** Accepted by the county: locked. */
    ACCEPTED
}
