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
}
