package org.luoshi.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A ledger record as read: the common part, the kind's typed fields by name, and attendance if any. */
public record LedgerRecord(long id, long unitId, String kind, LocalDate occurredOn, LocalDate occurredUntil,
        String title, String notes, List<String> tags, Instant recordedAt, String recordedBy, boolean late,
        Instant updatedAt, String updatedBy, Instant deletedAt, String deletedBy, String deleteReason, long version,
        Map<String, Object> fields, List<AttendanceEntry> attendance) {

    public boolean deleted() {
        return deletedAt != null;
    }

    public Object field(String name) {
        return fields.get(name);
    }

    public long listed() {
        return attendance.size();
    }

    public long present() {
        return attendance.stream().filter(a -> AttendanceEntry.PRESENT.equals(a.status())).count();
    }

    /** Present / listed as a percentage with one decimal, or null when nobody is listed. */
    public Double attendanceRate() {
        return attendance.isEmpty() ? null : Math.round(1000.0 * present() / listed()) / 10.0;
    }

    LedgerRecord withDetails(Map<String, Object> newFields, List<AttendanceEntry> newAttendance) {
        return new LedgerRecord(id, unitId, kind, occurredOn, occurredUntil, title, notes, tags, recordedAt, recordedBy,
                late, updatedAt, updatedBy, deletedAt, deletedBy, deleteReason, version, newFields, newAttendance);
    }
}
