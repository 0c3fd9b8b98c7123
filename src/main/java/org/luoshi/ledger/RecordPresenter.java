package org.luoshi.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitService;
import org.luoshi.org.Person;
import org.luoshi.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Turns stored values into the text pages show: option labels, names of people, units and records. */
@Component
class RecordPresenter {

    private final MessageSource messages;
    private final RecordKinds kinds;
    private final LedgerService ledger;
    private final LedgerStore store;
    private final OrgUnitService units;

    RecordPresenter(MessageSource messages, RecordKinds kinds, LedgerService ledger, LedgerStore store, OrgUnitService units) {
        this.messages = messages;
        this.kinds = kinds;
        this.ledger = ledger;
        this.store = store;
        this.units = units;
    }

    String msg(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    String unitName(Long id) {
        if (id == null) {
            return "";
        }
        try {
            return units.getUnchecked(id).getName();
        } catch (NotFoundException e) {
            return "#" + id;
        }
    }

    /** The fields of a record with their labels and display text, for the detail page. */
    List<Shown> fields(LedgerRecord record) {
        RecordKind kind = kinds.get(record.kind());
        List<Shown> shown = new ArrayList<>();
        for (FieldDef field : kind.fields()) {
            Object value = record.field(field.name());
            Long link = field.type() == FieldType.RECORD_REF && value != null ? ((Number) value).longValue() : null;
            // a fact that depends on another (按时处置 on the date closed) cannot be judged without it: not "否"
            boolean undecided = field.requires() != null && record.field(field.requires()) == null;
            shown.add(new Shown(msg(field.labelKey()), undecided ? msg("ledger.field.undecided") : display(field, value),
                    field.isLongText(), link));
        }
        return shown;
    }

    /** Where a 舆情 case stands, for the list: its level, closed or not (and when), on time or not. */
    record CaseState(String level, boolean closed, String closedOn, String onTime) {
    }

    CaseState caseState(LedgerRecord record) {
        RecordKind kind = kinds.get(record.kind());
        if (kind.field(LedgerTerms.CLOSED_ON).isEmpty()) {
            return null;
        }
        Object closedOn = record.field(LedgerTerms.CLOSED_ON);
        String level = kind.field(LedgerTerms.LEVEL).map(f -> display(f, record.field(f.name()))).orElse("");
        String onTime = closedOn == null ? "" : kind.field(LedgerTerms.ON_TIME).map(f -> display(f, record.field(f.name()))).orElse("");
        return new CaseState(level, closedOn != null, closedOn == null ? "" : closedOn.toString(), onTime);
    }

    /** A field's label and shown value; {@code recordLink} is the id of a referenced record, if any. */
    record Shown(String label, String text, boolean longText, Long recordLink) {
    }

    String display(FieldDef field, Object value) {
        if (value == null || "".equals(value)) {
            return field.type() == FieldType.BOOLEAN ? msg("common.no") : "";
        }
        return switch (field.type()) {
            case ENUM -> field.options().contains(value.toString()) ? msg(field.optionKey(value.toString())) : value.toString();
            case BOOLEAN -> Boolean.parseBoolean(value.toString()) ? msg("common.yes") : msg("common.no");
            case PERSON -> ledger.personName(((Number) value).longValue());
            case UNIT -> unitName(((Number) value).longValue());
            case RECORD_REF -> store.find(((Number) value).longValue()).map(this::refText).orElse("#" + value);
            case DECIMAL -> value instanceof BigDecimal b ? b.toPlainString() : value.toString();
            default -> value.toString();
        };
    }

    String refText(LedgerRecord record) {
        Object number = record.field("docNumber");
        return record.title() + (number == null ? "" : " " + number);
    }

    String subKind(LedgerRecord record) {
        RecordKind kind = kinds.get(record.kind());
        return kind.subKind().map(f -> display(f, record.field(RecordKind.SUB_KIND))).orElse("");
    }

    /** Label of a history key such as {@code title} or {@code fields.docNumber}. */
    String changeLabel(RecordKind kind, String key) {
        if (key.startsWith("fields.")) {
            return kind.field(key.substring(7)).map(f -> msg(f.labelKey())).orElse(key);
        }
        return switch (key) {
            case "title" -> msg(kind.titleLabelKey());
            case "occurredOn" -> msg(kind.occurredOnLabelKey());
            default -> msg("ledger.record." + key);
        };
    }

    String changeValue(RecordKind kind, String key, Object value) {
        if (value == null) {
            return "";
        }
        if (key.startsWith("fields.")) {
            return kind.field(key.substring(7)).map(f -> display(f, value)).orElse(value.toString());
        }
        return switch (key) {
            case "unitId" -> unitName(((Number) value).longValue());
            case "deleted" -> Boolean.TRUE.equals(value) ? msg("ledger.record.deletedYes") : msg("ledger.record.deletedNo");
            case "attendance" -> attendanceText(value);
            default -> value.toString();
        };
    }

    private String attendanceText(Object value) {
        List<String> parts = new ArrayList<>();
        if (value instanceof List<?> rows) {
            for (Object row : rows) {
                if (row instanceof Map<?, ?> map) {
                    Object person = map.get("personId");
                    String name = person instanceof Number n ? ledger.personName(n.longValue()) : String.valueOf(person);
                    String status = msg("ledger.attendance.status." + map.get("status"));
                    Object reason = map.get("leaveReason");
                    parts.add(name + " " + status + (reason == null ? "" : "(" + reason + ")"));
                }
            }
        }
        return String.join("; ", parts);
    }

    /** The township of the unit if the scope reaches it, else the unit itself (a clerk's village). */
    private Long areaOf(DataScope scope, long unitId) {
        OrgUnit unit = units.get(scope, unitId);
        return units.townshipOf(unit).filter(scope::covers).orElse(unit).getId();
    }

    /** Options for the choice fields of a form: enum labels, people, records of the referenced kind, units of the area. */
    Map<String, List<Option>> choices(DataScope scope, RecordKind kind, long unitId) {
        Map<String, List<Option>> choices = new java.util.HashMap<>();
        for (FieldDef field : kind.fields()) {
            switch (field.type()) {
                case ENUM -> choices.put(field.name(), field.options().stream()
                        .map(o -> new Option(o, msg(field.optionKey(o)))).toList());
                case PERSON -> choices.put(field.name(), people(scope, unitId));
                case RECORD_REF -> choices.put(field.name(), ledger.list(scope, new RecordFilter(field.refKind(),
                        field.isSameArea() ? areaOf(scope, unitId) : null, null, null, null, null, false), null,
                        LedgerService.MAX_PAGE).records().stream()
                        // newest first, read by title and number; the date follows, as a document is cited
                        .map(r -> new Option(String.valueOf(r.id()), refText(r) + "（" + r.occurredOn() + "）")).toList());
                case UNIT -> {
                    OrgUnit unit = units.get(scope, unitId);
                    OrgUnit area = units.townshipOf(unit).filter(scope::covers).orElse(unit);
                    choices.put(field.name(), units.subtree(scope, area.getId()).stream()
                            .filter(u -> !u.getId().equals(area.getId()))
                            .map(u -> new Option(String.valueOf(u.getId()), u.getName())).toList());
                }
                default -> {
                }
            }
        }
        return choices;
    }

    List<Option> people(DataScope scope, long unitId) {
        // by name in pinyin order, as a sign-in sheet is read, not in the order people were registered
        java.text.Collator pinyin = java.text.Collator.getInstance(java.util.Locale.SIMPLIFIED_CHINESE);
        return ledger.peopleFor(scope, unitId).stream()
                .sorted(java.util.Comparator.comparing(Person::getName, pinyin))
                .map(p -> new Option(String.valueOf(p.getId()), p.getName() + " · " + unitName(p.getOrgUnitId()))).toList();
    }

    record Option(String value, String label) {
    }
}
