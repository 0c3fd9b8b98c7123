package org.luoshi.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A rate as the two figures it is made of, so that a report can show both. */
record Ratio(BigDecimal numerator, BigDecimal denominator) {

    /** numerator / denominator with four decimals, or null when the denominator is zero. */
    public BigDecimal value() {
        if (denominator.signum() == 0) {
            return null;
        }
        return numerator.divide(denominator, 4, RoundingMode.HALF_UP);
    }
}
