package org.luoshi.ledger;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * One typed field of a record kind: its name in forms and the API, its column in the kind's
 * detail table, and the checks applied to it. Column names come only from these definitions,
 * never from user input, which is what makes the generated SQL safe. Built once at start-up with
 * the fluent methods, then read only.
 */
public final class FieldDef {

    private final String name;
    private final FieldType type;
    private String column;
    private boolean required;
    private Long min;
    private Long max;
    private int maxLength;
    private Pattern pattern;
    private String patternMessageKey;
    private UnaryOperator<String> normalizer = UnaryOperator.identity();
    private List<String> options = List.of();
    private String refKind;
    private boolean notBeforeOccurredOn;
    private boolean url;
    private Object defaultValue;
    private String labelKey;
    private String notAbove;
    private String requires;
    private boolean sameArea;

    private FieldDef(String name, FieldType type) {
        this.name = name;
        this.type = type;
        this.column = name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase();
        this.maxLength = type == FieldType.LONG_TEXT ? 4000 : 200;
        if (type == FieldType.INTEGER) {
            this.min = 0L;
        }
    }

    public static FieldDef text(String name, int maxLength) {
        return new FieldDef(name, FieldType.TEXT).maxLength(maxLength);
    }

    public static FieldDef longText(String name, int maxLength) {
        return new FieldDef(name, FieldType.LONG_TEXT).maxLength(maxLength);
    }

    /** A count: an integer that is never negative unless {@link #min(long)} says otherwise. */
    public static FieldDef integer(String name) {
        return new FieldDef(name, FieldType.INTEGER);
    }

    public static FieldDef decimal(String name) {
        return new FieldDef(name, FieldType.DECIMAL).min(0);
    }

    public static FieldDef date(String name) {
        return new FieldDef(name, FieldType.DATE);
    }

    public static FieldDef bool(String name) {
        return new FieldDef(name, FieldType.BOOLEAN);
    }

    public static FieldDef choice(String name, String... options) {
        FieldDef field = new FieldDef(name, FieldType.ENUM);
        field.options = List.of(options);
        return field;
    }

    public static FieldDef person(String name) {
        return new FieldDef(name, FieldType.PERSON).column(name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase() + "_id");
    }

    public static FieldDef recordRef(String name, String kind) {
        FieldDef field = new FieldDef(name, FieldType.RECORD_REF).column(
                name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase() + "_id");
        field.refKind = kind;
        return field;
    }

    public static FieldDef unit(String name) {
        return new FieldDef(name, FieldType.UNIT).column(name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase() + "_id");
    }

    public FieldDef column(String column) {
        if (!column.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("bad column name " + column);
        }
        this.column = column;
        return this;
    }

    public FieldDef required() {
        this.required = true;
        return this;
    }

    public FieldDef min(long min) {
        this.min = min;
        return this;
    }

    public FieldDef max(long max) {
        this.max = max;
        return this;
    }

    public FieldDef maxLength(int maxLength) {
        this.maxLength = maxLength;
        return this;
    }

    /** The text must match after normalisation; {@code messageKey} explains the expected form. */
    public FieldDef pattern(String regex, String messageKey) {
        this.pattern = Pattern.compile(regex);
        this.patternMessageKey = messageKey;
        return this;
    }

    /** Rewrites accepted variants into the canonical form before checking and storing. */
    public FieldDef normalizer(UnaryOperator<String> normalizer) {
        this.normalizer = normalizer;
        return this;
    }

    /** For a DATE: must not lie before the record's occurred_on (e.g. a case is closed after it was reported). */
    public FieldDef notBeforeOccurredOn() {
        this.notBeforeOccurredOn = true;
        return this;
    }

    /** For a TEXT: must be an http(s) address. */
    public FieldDef url() {
        this.url = true;
        return this;
    }

    /** For an INTEGER: must not exceed the value of another INTEGER field of the kind (faults fixed ≤ faults found). */
    public FieldDef notAbove(String otherField) {
        this.notAbove = otherField;
        return this;
    }

    /** For a BOOLEAN: when true, another field must be filled in too (on time needs the date closed). */
    public FieldDef requires(String otherField) {
        this.requires = otherField;
        return this;
    }

    /**
     * For a RECORD_REF: the referenced record must belong to the record's own township (a venue
     * check of another township's venue makes no sense), even for a county-wide scope.
     */
    public FieldDef sameArea() {
        this.sameArea = true;
        return this;
    }

    public FieldDef defaultValue(Object value) {
        this.defaultValue = value;
        return this;
    }

    public FieldDef labelKey(String labelKey) {
        this.labelKey = labelKey;
        return this;
    }

    void defaultLabel(String kindCode) {
        if (labelKey == null) {
            labelKey = "ledger.field." + kindCode + "." + name;
        }
    }

    public String name() {
        return name;
    }

    public String column() {
        return column;
    }

    public FieldType type() {
        return type;
    }

    public boolean isRequired() {
        return required;
    }

    public Long min() {
        return min;
    }

    public Long max() {
        return max;
    }

    public int maxLength() {
        return maxLength;
    }

    Pattern pattern() {
        return pattern;
    }

    String patternMessageKey() {
        return patternMessageKey;
    }

    String normalize(String value) {
        return normalizer.apply(value);
    }

    public List<String> options() {
        return options;
    }

    /** The message key of an option's label. */
    public String optionKey(String option) {
        return labelKey + "." + option;
    }

    public String refKind() {
        return refKind;
    }

    public boolean isNotBeforeOccurredOn() {
        return notBeforeOccurredOn;
    }

    public boolean isUrl() {
        return url;
    }

    public String notAbove() {
        return notAbove;
    }

    public String requires() {
        return requires;
    }

    public boolean isSameArea() {
        return sameArea;
    }

    public Object defaultValue() {
        return defaultValue;
    }

    public String labelKey() {
        return labelKey;
    }

    public boolean isLongText() {
        return type == FieldType.LONG_TEXT;
    }
}
