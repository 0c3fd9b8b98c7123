package org.luoshi.ledger;

/**
 * One person's attendance at a study session: present, on leave (with a reason) or absent;
 * whether they spoke (交流发言) and handed in study notes.
 */
public record AttendanceEntry(Long personId, String status, String leaveReason, boolean spoke, boolean notesSubmitted) {

    public static final String PRESENT = "PRESENT";
    public static final String LEAVE = "LEAVE";
    public static final String ABSENT = "ABSENT";
    public static final java.util.List<String> STATUSES = java.util.List.of(PRESENT, LEAVE, ABSENT);
}
