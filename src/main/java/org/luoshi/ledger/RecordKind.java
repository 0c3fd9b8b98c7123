package org.luoshi.ledger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A kind of ledger record (上级文件, 会议, 学习 …): its code, its detail table and its typed fields.
 * Everything else (scope, dates, 补录, history, attachments, lists, API) is shared. To add a kind,
 * add a {@link LedgerKind} with its definition (see {@code CoreKinds}), create its detail table in a migration and
 * add its labels to the ledger bundle.
 */
public final class RecordKind {

    /** The ENUM field by this name, if any, is the kind's sub-kind (shown in lists, filterable in figures). */
    public static final String SUB_KIND = LedgerTerms.SUB_KIND;

    private final String code;
    private final String table;
    private final int order;
    private final List<FieldDef> fields = new ArrayList<>();
    private boolean range;
    private boolean attendance;
    private String titleLabelKey = "ledger.record.title";
    private String occurredOnLabelKey = "ledger.record.occurredOn";
    private String noticeKey;

    private RecordKind(String code, String table, int order) {
        if (!code.matches("[A-Z][A-Z_]*") || !table.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("bad kind " + code + " / " + table);
        }
        this.code = code;
        this.table = table;
        this.order = order;
    }

    /** Starts a definition; {@code order} places the kind in menus and tabs. */
    static RecordKind define(LedgerKind kind, String table, int order) {
        return new RecordKind(kind.name(), table, order);
    }

    public RecordKind field(FieldDef field) {
        field.defaultLabel(code);
        fields.add(field);
        return this;
    }

    /** The record may span several days (occurred_until). */
    public RecordKind allowRange() {
        this.range = true;
        return this;
    }

    /** The record lists who attended (study sessions). */
    public RecordKind withAttendance() {
        this.attendance = true;
        return this;
    }

    public RecordKind titleLabel(String key) {
        this.titleLabelKey = key;
        return this;
    }

    public RecordKind occurredOnLabel(String key) {
        this.occurredOnLabelKey = key;
        return this;
    }

    /** A note shown on the form (e.g. what the opinion register must not hold). */
    public RecordKind notice(String key) {
        this.noticeKey = key;
        return this;
    }

    public String code() {
        return code;
    }

    public String table() {
        return table;
    }

    public int order() {
        return order;
    }

    public List<FieldDef> fields() {
        return Collections.unmodifiableList(fields);
    }

    public Optional<FieldDef> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public Optional<FieldDef> subKind() {
        return field(SUB_KIND).filter(f -> f.type() == FieldType.ENUM);
    }

    public boolean allowsRange() {
        return range;
    }

    public boolean hasAttendance() {
        return attendance;
    }

    public String labelKey() {
        return "ledger.kind." + code;
    }

    public String titleLabelKey() {
        return titleLabelKey;
    }

    public String occurredOnLabelKey() {
        return occurredOnLabelKey;
    }

    public String noticeKey() {
        return noticeKey;
    }

    /** The URL segment, e.g. {@code study-session}. */
    public String slug() {
        return code.toLowerCase().replace('_', '-');
    }
}
