package org.luoshi.assessment;

import org.luoshi.ledger.LedgerKind;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The indicator edit form. The rule is chosen with selects (kind, aggregation, sum field, rate,
 * sub-kinds, field values); only tags and steps are typed.
 */
class IndicatorForm {

    @NotBlank(message = "{assessment.validation.required}")
    @Size(max = 32, message = "{assessment.validation.tooLong}")
    private String code;

    @NotBlank(message = "{assessment.validation.required}")
    @Size(max = 200, message = "{assessment.validation.tooLong}")
    private String name;

    @NotBlank(message = "{assessment.validation.required}")
    @Size(max = 50, message = "{assessment.validation.tooLong}")
    private String category;

    @NotNull(message = "{assessment.validation.weight}")
    @DecimalMin(value = "0", message = "{assessment.validation.weight}")
    private BigDecimal weight;

    @DecimalMin(value = "0", message = "{assessment.validation.target}")
    private BigDecimal target;

    @NotNull(message = "{assessment.validation.required}")
    private PeriodMode periodMode = PeriodMode.YEAR;

    @NotNull(message = "{assessment.validation.required}")
    private ScoringMode scoring = ScoringMode.PROPORTIONAL;

    @Size(max = 400, message = "{assessment.validation.tooLong}")
    private String steps;

    private boolean manual;

    @Size(max = 1000, message = "{assessment.validation.tooLong}")
    private String note;

    @Size(max = 500, message = "{assessment.validation.tooLong}")
    private String basis;

    private boolean informational;

    @Size(max = 500, message = "{assessment.validation.tooLong}")
    private String volumeReason;

    private Aggregation aggregation = Aggregation.COUNT;
    private LedgerKind kind;
    private String sumField;
    private RateMetric rate;
    private Comparison comparison = Comparison.AT_LEAST;
    private List<String> subKinds = new ArrayList<>();
    /** Items "field=value", e.g. "level=PROVINCIAL". */
    private List<String> fieldValues = new ArrayList<>();
    @Size(max = 400, message = "{assessment.validation.tooLong}")
    private String tags;

    /** The set's version the user opened (a set is edited as one table); a save from an older one is refused. */
    private Long version;

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    static IndicatorForm of(IndicatorDefinition d) {
        IndicatorForm form = new IndicatorForm();
        form.code = d.code();
        form.name = d.name();
        form.category = d.category();
        form.weight = d.weight();
        form.target = d.target();
        form.periodMode = d.periodMode();
        form.scoring = d.scoring();
        form.steps = d.steps().isEmpty() ? null : String.join(",", d.steps().stream().map(Step::toString).toList());
        form.manual = d.manual();
        form.note = d.note();
        form.basis = d.basis();
        form.informational = d.informational();
        form.volumeReason = d.volumeReason();
        Rule rule = d.rule();
        if (rule != null) {
            form.aggregation = rule.aggregation();
            form.kind = rule.kind();
            form.sumField = rule.sumField();
            form.rate = rule.rate();
            form.comparison = rule.comparison();
            List<String> tagValues = new ArrayList<>();
            for (RecordFilter f : rule.filters()) {
                switch (f.type()) {
                    case SUB_KIND -> form.subKinds.addAll(f.values());
                    case FIELD_IN -> f.values().forEach(v -> form.fieldValues.add(f.field() + "=" + v));
                    case TAG -> tagValues.addAll(f.values());
                }
            }
            form.tags = tagValues.isEmpty() ? null : String.join(",", tagValues);
        }
        return form;
    }

    /** The definition; a malformed steps text is reported as a problem of the field. */
    IndicatorDefinition toDefinition() {
        List<Step> parsed;
        try {
            parsed = Indicator.parseSteps(steps);
        } catch (NumberFormatException e) {
            throw new InvalidDefinitionException(List.of(Problem.at("steps").messageKey("assessment.error.steps", code)));
        }
        Rule rule = null;
        if (!manual && aggregation != null) {
            List<RecordFilter> filters = new ArrayList<>();
            if (subKinds != null && !subKinds.isEmpty()) {
                filters.add(new RecordFilter(RecordFilter.Type.SUB_KIND, null, subKinds));
            }
            Map<String, List<String>> byField = new LinkedHashMap<>();
            for (String item : fieldValues == null ? List.<String>of() : fieldValues) {
                int eq = item.indexOf('=');
                if (eq > 0) {
                    byField.computeIfAbsent(item.substring(0, eq), k -> new ArrayList<>()).add(item.substring(eq + 1));
                }
            }
            byField.forEach((field, values) -> filters.add(new RecordFilter(RecordFilter.Type.FIELD_IN, field, values)));
            if (tags != null && !tags.isBlank()) {
                filters.add(new RecordFilter(RecordFilter.Type.TAG, null, Arrays.stream(tags.split("[,，]"))
                        .map(String::trim).filter(t -> !t.isEmpty()).toList()));
            }
            rule = new Rule(aggregation, aggregation == Aggregation.RATE ? null : kind,
                    sumField == null || sumField.isBlank() ? null : sumField, rate, filters, comparison);
        }
        return new IndicatorDefinition(trim(code), trim(name), trim(category), weight, target, periodMode, scoring,
                parsed, rule, manual, note, basis, informational, volumeReason);
    }

    /** The form field a problem of the definition belongs to. */
    static String field(Problem problem) {
        return switch (problem.field()) {
            case "rule.aggregation", "rule" -> "aggregation";
            case "rule.kind" -> "kind";
            case "rule.sumField" -> "sumField";
            case "rule.rate" -> "rate";
            case "rule.comparison" -> "comparison";
            case "rule.filters" -> "subKinds";
            case "code", "name", "category", "weight", "target", "periodMode", "scoring", "steps", "note", "basis",
                    "volumeReason" -> problem.field();
            default -> "code";
        };
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public BigDecimal getWeight() {
        return weight;
    }

    public void setWeight(BigDecimal weight) {
        this.weight = weight;
    }

    public BigDecimal getTarget() {
        return target;
    }

    public void setTarget(BigDecimal target) {
        this.target = target;
    }

    public PeriodMode getPeriodMode() {
        return periodMode;
    }

    public void setPeriodMode(PeriodMode periodMode) {
        this.periodMode = periodMode;
    }

    public ScoringMode getScoring() {
        return scoring;
    }

    public void setScoring(ScoringMode scoring) {
        this.scoring = scoring;
    }

    public String getSteps() {
        return steps;
    }

    public void setSteps(String steps) {
        this.steps = steps;
    }

    public boolean isManual() {
        return manual;
    }

    public void setManual(boolean manual) {
        this.manual = manual;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getBasis() {
        return basis;
    }

    public void setBasis(String basis) {
        this.basis = basis;
    }

    public boolean isInformational() {
        return informational;
    }

    public void setInformational(boolean informational) {
        this.informational = informational;
    }

    public String getVolumeReason() {
        return volumeReason;
    }

    public void setVolumeReason(String volumeReason) {
        this.volumeReason = volumeReason;
    }

    public Aggregation getAggregation() {
        return aggregation;
    }

    public void setAggregation(Aggregation aggregation) {
        this.aggregation = aggregation;
    }

    public LedgerKind getKind() {
        return kind;
    }

    public void setKind(LedgerKind kind) {
        this.kind = kind;
    }

    public String getSumField() {
        return sumField;
    }

    public void setSumField(String sumField) {
        this.sumField = sumField;
    }

    public RateMetric getRate() {
        return rate;
    }

    public void setRate(RateMetric rate) {
        this.rate = rate;
    }

    public Comparison getComparison() {
        return comparison;
    }

    public void setComparison(Comparison comparison) {
        this.comparison = comparison;
    }

    public List<String> getSubKinds() {
        return subKinds;
    }

    public void setSubKinds(List<String> subKinds) {
        this.subKinds = subKinds;
    }

    public List<String> getFieldValues() {
        return fieldValues;
    }

    public void setFieldValues(List<String> fieldValues) {
        this.fieldValues = fieldValues;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
    }
}
