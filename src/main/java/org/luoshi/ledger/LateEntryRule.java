package org.luoshi.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * When a record is 补录 (a late entry): recorded more than {@code lateAfterDays} days after the day it
 * happened. Both ends are dates in the business zone, so a record made at 00:30 in Beijing counts
 * from that Beijing day, although the instant still falls on the day before in UTC.
 *
 * @param lateAfterDays {@code luoshi.ledger.late-after-days}: on the day this many days after the
 *        event a record is still on time, from the next day it is late
 * @param zone the business zone, the business clock's
 */
record LateEntryRule(int lateAfterDays, ZoneId zone) {

    boolean isLate(LocalDate occurredOn, Instant recordedAt) {
        return ChronoUnit.DAYS.between(occurredOn, LocalDate.ofInstant(recordedAt, zone)) > lateAfterDays;
    }
}
