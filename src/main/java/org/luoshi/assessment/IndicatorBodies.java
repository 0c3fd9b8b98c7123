package org.luoshi.assessment;

import org.luoshi.ledger.LedgerKind;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** Request and response bodies of the assessment API: records, never entities. */
final class IndicatorBodies {

    private IndicatorBodies() {
    }

    @Schema(description = "An indicator set to create or change")
    record SetRequest(
            @NotNull(message = "{assessment.validation.year}") @Min(value = 2000, message = "{assessment.validation.year}")
            @Max(value = 2100, message = "{assessment.validation.year}") Integer year,
            @NotBlank(message = "{assessment.validation.required}") @Size(max = 100, message = "{assessment.validation.tooLong}") String name,
            @Schema(description = "Publish (true) or withdraw (false); unchanged when absent") Boolean published,
            @Schema(description = "The set's version read; a newer saved one answers 409") Long version) {
    }

    record SetSummary(long id, int year, String name, long ownerUnitId, String ownerName, boolean published,
            int indicatorCount, BigDecimal totalWeight, boolean editable, long version) {

        static SetSummary of(IndicatorSet set, org.luoshi.org.OrgUnit owner, boolean editable) {
            return new SetSummary(set.getId(), set.getYear(), set.getName(), owner.getId(), owner.getName(),
                    set.isPublished(), set.getIndicators().size(), Decimals.normal(set.totalWeight()), editable,
                    set.getVersion());
        }
    }

    record SetDetail(SetSummary set, List<IndicatorResponse> indicators) {
    }

    @Schema(description = "One filter of a rule: the values are ORed, the filters ANDed")
    record FilterBody(@NotNull(message = "{assessment.validation.required}") RecordFilter.Type type,
            @Schema(description = "The enumerated field for FIELD_IN, e.g. level") String field,
            @NotNull(message = "{assessment.validation.required}") List<String> values) {
    }

    @Schema(description = "What the indicator counts; omit for a manual indicator")
    record RuleBody(@NotNull(message = "{assessment.validation.required}") Aggregation aggregation,
            @Schema(description = "Record kind; for RATE the metric's kind is implied") LedgerKind kind,
            @Schema(description = "Numeric field for SUM, e.g. articleCount, hours") String sumField,
            RateMetric rate, Comparison comparison, List<@Valid FilterBody> filters) {

        Rule toRule() {
            return new Rule(aggregation, kind, sumField, rate,
                    filters == null ? List.of() : filters.stream()
                            .map(f -> new RecordFilter(f.type(), f.field(), f.values())).toList(),
                    comparison);
        }

        static RuleBody of(Rule rule) {
            return rule == null ? null : new RuleBody(rule.aggregation(), rule.kind(), rule.sumField(), rule.rate(),
                    rule.comparison(), rule.filters().stream()
                            .map(f -> new FilterBody(f.type(), f.field(), f.values())).toList());
        }
    }

    @Schema(description = "An indicator to add or change")
    record IndicatorRequest(
            @NotBlank(message = "{assessment.validation.required}") @Size(max = 32, message = "{assessment.validation.tooLong}") String code,
            @NotBlank(message = "{assessment.validation.required}") @Size(max = 200, message = "{assessment.validation.tooLong}") String name,
            @NotBlank(message = "{assessment.validation.required}") @Size(max = 50, message = "{assessment.validation.tooLong}") String category,
            @NotNull(message = "{assessment.validation.weight}") @DecimalMin(value = "0", message = "{assessment.validation.weight}") BigDecimal weight,
            @DecimalMin(value = "0", message = "{assessment.validation.target}") BigDecimal target,
            @NotNull(message = "{assessment.validation.required}") PeriodMode periodMode,
            @NotNull(message = "{assessment.validation.required}") ScoringMode scoring,
            @Schema(description = "For STEPPED: \"threshold:points\" items, ascending") List<String> steps,
            boolean manual,
            @Size(max = 1000, message = "{assessment.validation.tooLong}") String note,
            @Valid RuleBody rule,
            @Schema(description = "依据: the rule or document the indicator implements") @Size(max = 500, message = "{assessment.validation.tooLong}") String basis,
            @Schema(description = "Shown without points, outside the total and the ranking") boolean informational,
            @Schema(description = "Required to score a volume figure (2024 rules): why the county scores it") @Size(max = 500, message = "{assessment.validation.tooLong}") String volumeReason,
            @Schema(description = "On a change: the set's version read (a set is edited as one table); a newer saved one answers 409") Long version) {

        IndicatorDefinition toDefinition() {
            List<Step> parsed;
            try {
                parsed = Indicator.parseSteps(steps == null ? null : String.join(",", steps));
            } catch (NumberFormatException e) {
                throw new InvalidDefinitionException(List.of(Problem.at("steps").messageKey("assessment.error.steps", code)));
            }
            return new IndicatorDefinition(code.trim(), name.trim(), category.trim(), weight, target, periodMode, scoring,
                    parsed, manual || rule == null ? null : rule.toRule(), manual, note, basis, informational, volumeReason);
        }
    }

    record IndicatorResponse(long id, String code, String name, String category, BigDecimal weight, BigDecimal target,
            PeriodMode periodMode, ScoringMode scoring, List<String> steps, boolean manual, String note, RuleBody rule,
            String basis, boolean informational, String volumeReason) {

        static IndicatorResponse of(Indicator indicator) {
            IndicatorDefinition d = indicator.definition();
            return new IndicatorResponse(indicator.getId(), d.code(), d.name(), d.category(), d.weight(), d.target(),
                    d.periodMode(), d.scoring(), d.steps().stream().map(Step::toString).toList(), d.manual(), d.note(),
                    RuleBody.of(d.rule()), d.basis(), d.informational(), d.volumeReason());
        }
    }

    @Schema(description = "A hand-given score of a manual indicator for one township")
    record ManualScoreRequest(
            @NotNull(message = "{assessment.validation.required}") @DecimalMin(value = "0", message = "{assessment.validation.weight}") BigDecimal score,
            @NotBlank(message = "{assessment.validation.required}") @Size(max = 500, message = "{assessment.validation.tooLong}") String reason,
            @NotBlank(message = "{assessment.validation.required}") @Size(max = 1000, message = "{assessment.validation.tooLong}") String evidence) {
    }

    record ManualScoreResponse(String indicatorCode, long townshipId, BigDecimal score, String reason, String evidence,
            String scoredBy, java.time.Instant scoredAt) {
    }
}
