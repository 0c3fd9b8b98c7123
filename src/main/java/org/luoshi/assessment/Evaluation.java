package org.luoshi.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * How one unit (a township) stands against one indicator set on one date.
 *
 * @param asOf the evaluation date in the business zone (Beijing)
 * @param warnings the yellow and red periods, worst first
 * @param due the periods still running and not yet met (this month, quarter, half, year), soonest first
 */
public record Evaluation(String setName, int year, String unitPath, LocalDate asOf, List<IndicatorResult> indicators,
        List<CategoryTotal> categories, BigDecimal total, BigDecimal maxTotal, List<Obligation> warnings,
        List<Obligation> due) {

    /** The indicators that give points. */
    public List<IndicatorResult> scored() {
        return indicators.stream().filter(r -> !r.informational()).toList();
    }

    /** The informational indicators: figures recorded and shown, without points (2024 rules). */
    public List<IndicatorResult> informational() {
        return indicators.stream().filter(IndicatorResult::informational).toList();
    }
}
