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
 * @param basis 依据: the rule or document the indicator implements, shown wherever its score is
 * @param informational shown and charted but without points: outside the total and the ranking (2024 rules)
 * @param volumeReason why the county scores a volume figure although the 2024 rules advise against it
 *        (see {@link Volume}); required for a scored volume indicator, dropped otherwise
 */
public record IndicatorDefinition(String code, String name, String category, BigDecimal weight, BigDecimal target,
        PeriodMode periodMode, ScoringMode scoring, List<Step> steps, Rule rule, boolean manual, String note,
        String basis, boolean informational, String volumeReason) {

    public IndicatorDefinition {
        // an informational indicator has no points, whatever weight a form or file gave it
        weight = informational ? BigDecimal.ZERO : Decimals.normal(weight);
        target = Decimals.normal(target);
        steps = steps == null ? List.of() : List.copyOf(steps);
        note = note == null || note.isBlank() ? null : note;
        basis = blankToNull(basis);
        volumeReason = informational ? null : blankToNull(volumeReason);
    }

    /** A scored indicator without a stated basis (definitions written before bases were recorded). */
    public IndicatorDefinition(String code, String name, String category, BigDecimal weight, BigDecimal target,
            PeriodMode periodMode, ScoringMode scoring, List<Step> steps, Rule rule, boolean manual, String note) {
        this(code, name, category, weight, target, periodMode, scoring, steps, rule, manual, note, null, false, null);
    }

    /** The same indicator turned informational: kept, shown apart, without points. */
    IndicatorDefinition asInformational() {
        return new IndicatorDefinition(code, name, category, BigDecimal.ZERO, target, periodMode, scoring, steps, rule,
                manual, note, basis, true, null);
    }

    /** Whether the indicator counts volume and still gives points (the case the 2024 rules warn about). */
    public boolean scoredVolume() {
        return !informational && Volume.of(this).isPresent();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
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
