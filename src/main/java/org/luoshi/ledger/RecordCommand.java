package org.luoshi.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a user enters for a record, from a form or the API. Field values may be typed or text;
 * the kind's definitions convert and check them.
 */
public record RecordCommand(Long unitId, LocalDate occurredOn, LocalDate occurredUntil, String title, String notes,
        List<String> tags, Map<String, Object> fields, List<AttendanceEntry> attendance) {

    public RecordCommand {
        tags = tags == null ? List.of() : tags;
        fields = fields == null ? Map.of() : fields;
        attendance = attendance == null ? List.of() : attendance;
    }
}
