package org.luoshi.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The generic record form: common fields, the kind's fields by name ({@code fields[docNumber]}),
 * attendance rows for study sessions, and the reason for a correction. The kind's definitions
 * check it (in the service), so that pages and the API refuse exactly the same input.
 */
class RecordForm {

    private Long unitId;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate occurredOn;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate occurredUntil;
    private String title;
    private String notes;
    private String tags;
    private Map<String, String> fields = new LinkedHashMap<>();
    private List<AttendanceRow> attendance = new ArrayList<>();
    private String reason;
    private Long version;

    static RecordForm of(LedgerRecord record) {
        RecordForm form = new RecordForm();
        form.unitId = record.unitId();
        form.occurredOn = record.occurredOn();
        form.occurredUntil = record.occurredUntil();
        form.title = record.title();
        form.notes = record.notes();
        form.tags = String.join(" ", record.tags());
        record.fields().forEach((k, v) -> form.fields.put(k, v == null ? null : v.toString()));
        for (AttendanceEntry a : record.attendance()) {
            AttendanceRow row = new AttendanceRow();
            row.setPersonId(a.personId());
            row.setStatus(a.status());
            row.setLeaveReason(a.leaveReason());
            row.setSpoke(a.spoke());
            row.setNotesSubmitted(a.notesSubmitted());
            form.attendance.add(row);
        }
        form.version = record.version();
        return form;
    }

    RecordCommand toCommand() {
        List<AttendanceEntry> rows = attendance.stream().filter(r -> r.getPersonId() != null)
                .map(r -> new AttendanceEntry(r.getPersonId(), r.getStatus(), r.getLeaveReason(), r.isSpoke(), r.isNotesSubmitted()))
                .toList();
        Map<String, Object> values = new LinkedHashMap<>(fields);
        return new RecordCommand(unitId, occurredOn, occurredUntil, title, notes,
                tags == null ? List.of() : Arrays.asList(tags), values, rows);
    }

    public Long getUnitId() {
        return unitId;
    }

    public void setUnitId(Long unitId) {
        this.unitId = unitId;
    }

    public LocalDate getOccurredOn() {
        return occurredOn;
    }

    public void setOccurredOn(LocalDate occurredOn) {
        this.occurredOn = occurredOn;
    }

    public LocalDate getOccurredUntil() {
        return occurredUntil;
    }

    public void setOccurredUntil(LocalDate occurredUntil) {
        this.occurredUntil = occurredUntil;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
    }

    public Map<String, String> getFields() {
        return fields;
    }

    public void setFields(Map<String, String> fields) {
        this.fields = fields;
    }

    public List<AttendanceRow> getAttendance() {
        return attendance;
    }

    public void setAttendance(List<AttendanceRow> attendance) {
        this.attendance = attendance;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    /** One attendance line of the form. */
    public static class AttendanceRow {
        private Long personId;
        private String status;
        private String leaveReason;
        private boolean spoke;
        private boolean notesSubmitted;

        public Long getPersonId() {
            return personId;
        }

        public void setPersonId(Long personId) {
            this.personId = personId;
        }

        public String getStatus() {
            return status;
        }

        public void setStatus(String status) {
            this.status = status;
        }

        public String getLeaveReason() {
            return leaveReason;
        }

        public void setLeaveReason(String leaveReason) {
            this.leaveReason = leaveReason;
        }

        public boolean isSpoke() {
            return spoke;
        }

        public void setSpoke(boolean spoke) {
            this.spoke = spoke;
        }

        public boolean isNotesSubmitted() {
            return notesSubmitted;
        }

        public void setNotesSubmitted(boolean notesSubmitted) {
            this.notesSubmitted = notesSubmitted;
        }
    }
}
