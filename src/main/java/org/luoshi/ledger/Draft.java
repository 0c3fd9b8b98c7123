package org.luoshi.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A command after checking: trimmed, normalised, with typed field values. */
record Draft(long unitId, LocalDate occurredOn, LocalDate occurredUntil, String title, String notes, List<String> tags,
        Map<String, Object> fields, List<AttendanceEntry> attendance) {
}
