package org.luoshi.assessment;

import java.math.BigDecimal;
import java.util.List;

/**
 * An indicator as a value: what the forms, the API and the YAML files carry, and what the
 * evaluation reads. Two definitions are equal when they would score the same way.
 *
 * @param code unique within the set, e.g. {@code ZZ-01}
 * @param weight the points the indicator is worth
 * @param target the figure to reach in each period (percent for percent rates; for ALL_UNITS ignored)
 * @param steps for STEPPED: thresholds and points, ascending
 * @param rule null for an indicator scored by hand
 * @param manual scored by hand with a reason and evidence, not computed
 */
public record IndicatorDefinition(String code, String name, String category, BigDecimal weight, BigDecimal target,
        PeriodMode periodMode, ScoringMode scoring, List<Step> steps, Rule rule, boolean manual, String note) {

    public IndicatorDefinition {
        weight = Decimals.normal(weight);
        target = Decimals.normal(target);
        steps = steps == null ? List.of() : List.copyOf(steps);
        note = note == null || note.isBlank() ? null : note;
    }

    /**
     * The unit its target and figures are read in, for prose ("目标0.5小时/人"): "%" for percent rates,
     * "小时/人" for volunteer hours per resident, "个" for villages reached; empty for counts and sums,
     * whose unit depends on what is counted.
     */
    public String unit() {
        if (rule == null) {
            return "";
        }
        return switch (rule.aggregation()) {
            case RATE -> rule.rate() == null ? "" : rule.rate().percent() ? "%"
                    : rule.rate() == RateMetric.VOLUNTEER_HOURS_PER_RESIDENT ? "小时/人" : "";
            case DISTINCT_UNITS -> "个";
            case COUNT, SUM -> "";
        };
    }
}
