package org.luoshi.ledger;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitService;
import org.luoshi.org.Person;
import org.luoshi.org.PersonService;
import org.luoshi.web.CleanText;
import org.luoshi.web.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Checks a command against its kind's definitions and turns it into a {@link Draft}. Collects
 * every problem at once, so that a form shows all its messages together, and throws before
 * anything is written.
 */
@Component
class RecordChecker {

    static final int MAX_TAGS = 10;
    static final int MAX_TAG_LENGTH = 20;

    private final OrgUnitService units;
    private final PersonService people;
    private final LedgerStore store;
    private final Clock clock;

    RecordChecker(OrgUnitService units, PersonService people, LedgerStore store, Clock clock) {
        this.clock = clock;
        this.units = units;
        this.people = people;
        this.store = store;
    }

    /**
     * What one batch call (checking or creating many records for one user) has looked up already:
     * the units, their areas and people's unit paths, so that 50,000 rows of one village do not ask
     * the org module 50,000 times for the same unit. Only set inside {@link #batch}.
     */
    private static final class Lookups {
        final Map<Long, OrgUnit> units = new java.util.HashMap<>();
        final Map<Long, String> areas = new java.util.HashMap<>();
        final Map<Long, Optional<String>> personPaths = new java.util.HashMap<>();
    }

    private final ThreadLocal<Lookups> lookups = new ThreadLocal<>();

    /** Runs many checks of one user's batch with the lookups shared between them. */
    <T> T batch(java.util.function.Supplier<T> work) {
        Lookups previous = lookups.get();
        lookups.set(new Lookups());
        try {
            return work.get();
        } finally {
            if (previous == null) {
                lookups.remove();
            } else {
                lookups.set(previous);
            }
        }
    }

    /** The unit the record is for: in scope, or 404. */
    OrgUnit unit(DataScope scope, Long unitId) {
        if (unitId == null) {
            throw new LedgerValidationException(List.of(new Violation("unitId", "ledger.error.required")));
        }
        Lookups cache = lookups.get();
        if (cache == null) {
            return units.get(scope, unitId);
        }
        OrgUnit unit = cache.units.get(unitId);
        if (unit == null) {
            unit = units.get(scope, unitId);
            cache.units.put(unitId, unit);
        }
        return unit;
    }

    /** The subtree a record's people and places must come from: its township, or the unit itself above township level. */
    String areaPath(OrgUnit unit) {
        Lookups cache = lookups.get();
        if (cache == null) {
            return units.townshipOf(unit).map(OrgUnit::getPath).orElse(unit.getPath());
        }
        return cache.areas.computeIfAbsent(unit.getId(),
                id -> units.townshipOf(unit).map(OrgUnit::getPath).orElse(unit.getPath()));
    }

    /** Checks a new record. */
    Draft check(DataScope scope, RecordKind kind, RecordCommand command) {
        return check(scope, kind, command, null);
    }

    /**
     * Checks a record; {@code currentUnitId} is the unit an edited record already has, which may have
     * been deactivated since (its old records stay editable), null for a new record.
     */
    /**
     * No record is older than this: a year like 0001 or -2026 is a slip of the keyboard (and the two
     * databases would store it differently). Before 2000 no township kept this ledger.
     */
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    Draft check(DataScope scope, RecordKind kind, RecordCommand command, Long currentUnitId) {
        List<Violation> problems = new ArrayList<>();
        OrgUnit unit = unit(scope, command.unitId());
        if (!unit.isActive() && !unit.getId().equals(currentUnitId)) {
            problems.add(new Violation("unitId", "ledger.error.unitInactive", unit.getName()));
        }
        String area = areaPath(unit);
        LocalDate today = LocalDate.now(clock);

        LocalDate on = command.occurredOn();
        LocalDate until = command.occurredUntil();
        if (on == null) {
            problems.add(new Violation("occurredOn", "ledger.error.required"));
        } else if (on.isAfter(today)) {
            problems.add(new Violation("occurredOn", "ledger.error.future"));
        } else if (on.isBefore(EARLIEST)) {
            problems.add(new Violation("occurredOn", "ledger.error.tooEarly", String.valueOf(EARLIEST.getYear())));
        }
        if (until != null) {
            if (!kind.allowsRange()) {
                until = until.equals(on) ? null : until;
                if (until != null) {
                    problems.add(new Violation("occurredUntil", "ledger.error.noRange"));
                }
            } else if (on != null && until.isBefore(on)) {
                problems.add(new Violation("occurredUntil", "ledger.error.untilBeforeOn"));
            } else if (until.isAfter(today)) {
                problems.add(new Violation("occurredUntil", "ledger.error.future"));
            }
            if (until != null && until.equals(on)) {
                until = null;
            }
        }
        String title = trim(command.title());
        if (title == null) {
            problems.add(new Violation("title", "ledger.error.required"));
        } else if (title.length() > 200) {
            problems.add(new Violation("title", "ledger.error.tooLong", 200));
        } else if (!CleanText.isClean(title)) {
            problems.add(new Violation("title", CleanText.MESSAGE_KEY));
        }
        String notes = trim(command.notes());
        if (notes != null && notes.length() > 4000) {
            problems.add(new Violation("notes", "ledger.error.tooLong", 4000));
        } else if (!CleanText.isClean(notes)) {
            problems.add(new Violation("notes", CleanText.MESSAGE_KEY));
        }
        for (String tag : command.tags() == null ? List.<String>of() : command.tags()) {
            if (!CleanText.isClean(tag)) {
                problems.add(new Violation("tags", CleanText.MESSAGE_KEY));
                break;
            }
        }
        List<String> tags = tags(command.tags(), problems);

        Map<String, Object> values = new LinkedHashMap<>();
        for (String name : command.fields().keySet()) {
            if (kind.field(name).isEmpty()) {
                problems.add(new Violation("fields." + name, "ledger.error.unknownField"));
            }
        }
        for (FieldDef field : kind.fields()) {
            Object raw = command.fields().containsKey(field.name()) ? command.fields().get(field.name()) : field.defaultValue();
            values.put(field.name(), value(scope, field, raw, on, area, problems));
        }
        for (FieldDef field : kind.fields()) {
            if (field.notAbove() != null && values.get(field.name()) instanceof Long value
                    && values.get(field.notAbove()) instanceof Long limit && value > limit) {
                String other = kind.field(field.notAbove()).map(FieldDef::labelKey).orElse(field.notAbove());
                problems.add(new Violation("fields." + field.name(), "ledger.error.notAbove", limit, label(other)));
            }
            if (field.requires() != null && Boolean.TRUE.equals(values.get(field.name())) && values.get(field.requires()) == null) {
                String other = kind.field(field.requires()).map(FieldDef::labelKey).orElse(field.requires());
                problems.add(new Violation("fields." + field.requires(), "ledger.error.requires", label(other),
                        label(field.labelKey())));
            }
        }
        List<AttendanceEntry> attendance = kind.hasAttendance() ? attendance(command.attendance(), area, problems) : List.of();
        if (!kind.hasAttendance() && !command.attendance().isEmpty()) {
            problems.add(new Violation("attendance", "ledger.error.noAttendance"));
        }
        if (!problems.isEmpty()) {
            throw new LedgerValidationException(problems);
        }
        return new Draft(unit.getId(), on, until, title, notes, tags, values, attendance);
    }

    private Object value(DataScope scope, FieldDef field, Object raw, LocalDate on, String area, List<Violation> problems) {
        String path = "fields." + field.name();
        if (raw instanceof String s && s.isBlank()) {
            raw = null;
        }
        if (raw == null) {
            if (field.isRequired()) {
                problems.add(new Violation(path, "ledger.error.required"));
            }
            return null;
        }
        try {
            return switch (field.type()) {
                case TEXT, LONG_TEXT -> text(field, raw, path, problems);
                case INTEGER -> bounded(field, integer(raw), path, problems);
                case DECIMAL -> {
                    BigDecimal d = raw instanceof BigDecimal b ? b : new BigDecimal(raw.toString().trim());
                    if (field.min() != null && d.compareTo(BigDecimal.valueOf(field.min())) < 0) {
                        problems.add(new Violation(path, field.min() == 0 ? "ledger.error.negative" : "ledger.error.min", field.min()));
                    } else if (field.max() != null && d.compareTo(BigDecimal.valueOf(field.max())) > 0) {
                        problems.add(new Violation(path, "ledger.error.max", field.max()));
                    } else if (d.stripTrailingZeros().scale() > 2) {
                        // Detail columns keep two decimals; refusing is better than rounding silently.
                        problems.add(new Violation(path, "ledger.error.decimals", 2));
                    }
                    yield d;
                }
                case DATE -> {
                    LocalDate d = raw instanceof LocalDate l ? l : LocalDate.parse(raw.toString().trim());
                    if (d.isAfter(LocalDate.now(clock))) {
                        problems.add(new Violation(path, "ledger.error.future"));
                    } else if (d.isBefore(EARLIEST)) {
                        problems.add(new Violation(path, "ledger.error.tooEarly", String.valueOf(EARLIEST.getYear())));
                    } else if (field.isNotBeforeOccurredOn() && on != null && d.isBefore(on)) {
                        problems.add(new Violation(path, "ledger.error.beforeOccurredOn"));
                    }
                    yield d;
                }
                case BOOLEAN -> bool(raw, path, problems);
                case ENUM -> {
                    String code = raw.toString().trim();
                    if (!field.options().contains(code)) {
                        problems.add(new Violation(path, "ledger.error.notAnOption"));
                    }
                    yield code;
                }
                case PERSON -> person(integer(raw), area, path, problems);
                case RECORD_REF -> reference(scope, field, integer(raw), area, path, problems);
                case UNIT -> place(scope, integer(raw), area, path, problems);
            };
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add(new Violation(path, "ledger.error.notANumber"));
        } catch (DateTimeParseException e) {
            problems.add(new Violation(path, "ledger.error.notADate"));
        }
        return null;
    }

    private static String text(FieldDef field, Object raw, String path, List<Violation> problems) {
        String text = field.normalize(raw.toString().trim());
        if (text.length() > field.maxLength()) {
            problems.add(new Violation(path, "ledger.error.tooLong", field.maxLength()));
        } else if (!CleanText.isClean(text)) {
            problems.add(new Violation(path, CleanText.MESSAGE_KEY));
        } else if (field.pattern() != null && !field.pattern().matcher(text).matches()) {
            problems.add(new Violation(path, field.patternMessageKey()));
        } else if (field.isUrl() && !isWebAddress(text)) {
            problems.add(new Violation(path, "ledger.error.url"));
        }
        return text;
    }

    static boolean isWebAddress(String text) {
        try {
            URI uri = new URI(text);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static Long bounded(FieldDef field, long value, String path, List<Violation> problems) {
        if (field.min() != null && value < field.min()) {
            problems.add(new Violation(path, field.min() == 0 ? "ledger.error.negative" : "ledger.error.min", field.min()));
        } else if (field.max() != null && value > field.max()) {
            problems.add(new Violation(path, "ledger.error.max", field.max()));
        }
        return value;
    }

    private static long integer(Object raw) {
        if (raw instanceof Number n) {
            if (n instanceof Double || n instanceof Float || n instanceof BigDecimal) {
                return new BigDecimal(n.toString()).longValueExact();
            }
            return n.longValue();
        }
        return new BigDecimal(raw.toString().trim()).longValueExact();
    }

    private static Boolean bool(Object raw, String path, List<Violation> problems) {
        if (raw instanceof Boolean b) {
            return b;
        }
        String text = raw.toString().trim().toLowerCase();
        return switch (text) {
            case "true", "on", "1", "yes" -> true;
            case "false", "off", "0", "no" -> false;
            default -> {
                problems.add(new Violation(path, "ledger.error.notABoolean"));
                yield null;
            }
        };
    }

    private Long person(long personId, String area, String path, List<Violation> problems) {
        if (!personInArea(personId, area)) {
            problems.add(new Violation(path, "ledger.error.personOutside"));
        }
        return personId;
    }

    /** Whether the person exists and belongs to a unit of the area (the record's township). */
    boolean personInArea(long personId, String area) {
        Lookups cache = lookups.get();
        Optional<String> path = cache == null ? personPath(personId)
                : cache.personPaths.computeIfAbsent(personId, this::personPath);
        return path.map(p -> p.startsWith(area)).orElse(false);
    }

    private Optional<String> personPath(long personId) {
        try {
            Person person = people.get(units.systemReader("person-names"), personId);
            return Optional.of(units.getUnchecked(person.getOrgUnitId()).getPath());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private Long reference(DataScope scope, FieldDef field, long id, String area, String path, List<Violation> problems) {
        Optional<LedgerRecord> target = store.find(id)
                .filter(r -> !r.deleted() && r.kind().equals(field.refKind()))
                .filter(r -> scope.covers(store.unitPath(r.unitId())))
                .filter(r -> !field.isSameArea() || store.unitPath(r.unitId()).startsWith(area));
        if (target.isEmpty()) {
            problems.add(new Violation(path, "ledger.error.refNotFound"));
        }
        return id;
    }

    private Long place(DataScope scope, long unitId, String area, String path, List<Violation> problems) {
        try {
            OrgUnit place = units.get(scope, unitId);
            if (!place.getPath().startsWith(area)) {
                problems.add(new Violation(path, "ledger.error.unitOutside"));
            }
        } catch (NotFoundException e) {
            problems.add(new Violation(path, "ledger.error.unitOutside"));
        }
        return unitId;
    }

    private List<AttendanceEntry> attendance(List<AttendanceEntry> rows, String area, List<Violation> problems) {
        List<AttendanceEntry> clean = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            AttendanceEntry row = rows.get(i);
            String path = "attendance[" + i + "]";
            if (row == null || row.personId() == null) {
                problems.add(new Violation(path + ".personId", "ledger.error.required"));
                continue;
            }
            if (!seen.add(row.personId())) {
                problems.add(new Violation(path + ".personId", "ledger.attendance.duplicate"));
            }
            if (!personInArea(row.personId(), area)) {
                problems.add(new Violation(path + ".personId", "ledger.attendance.personOutside"));
            }
            String status = row.status() == null ? null : row.status().trim();
            if (status == null || !AttendanceEntry.STATUSES.contains(status)) {
                problems.add(new Violation(path + ".status", "ledger.error.notAnOption"));
            }
            String reason = trim(row.leaveReason());
            if (AttendanceEntry.LEAVE.equals(status) && reason == null) {
                problems.add(new Violation(path + ".leaveReason", "ledger.attendance.leaveReasonRequired"));
            }
            if (reason != null && reason.length() > 200) {
                problems.add(new Violation(path + ".leaveReason", "ledger.error.tooLong", 200));
            }
            boolean present = AttendanceEntry.PRESENT.equals(status);
            clean.add(new AttendanceEntry(row.personId(), status, AttendanceEntry.LEAVE.equals(status) ? reason : null,
                    present && row.spoke(), present && row.notesSubmitted()));
        }
        return clean;
    }

    private static List<String> tags(List<String> raw, List<Violation> problems) {
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : raw) {
            if (tag == null) {
                continue;
            }
            for (String part : tag.split("[,，、;；\\s]+")) {
                if (!part.isBlank()) {
                    tags.add(part.trim());
                }
            }
        }
        if (tags.size() > MAX_TAGS) {
            problems.add(new Violation("tags", "ledger.error.tooManyTags", MAX_TAGS));
        }
        if (tags.stream().anyMatch(t -> t.length() > MAX_TAG_LENGTH || t.contains("%") || t.contains("!"))) {
            problems.add(new Violation("tags", "ledger.error.badTag", MAX_TAG_LENGTH));
        }
        return List.copyOf(tags);
    }

    static String trim(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** A field's label as a message argument, resolved in the user's language with the message itself. */
    private static org.springframework.context.MessageSourceResolvable label(String key) {
        return new org.springframework.context.support.DefaultMessageSourceResolvable(new String[] {key}, key);
    }
}
