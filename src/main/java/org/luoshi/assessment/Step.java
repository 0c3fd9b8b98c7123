package org.luoshi.assessment;

import java.math.BigDecimal;

/** One step of a STEPPED indicator: reaching {@code threshold} earns {@code points}. */
record Step(BigDecimal threshold, BigDecimal points) {

    public Step {
        threshold = Decimals.normal(threshold);
        points = Decimals.normal(points);
    }

    @Override
    public String toString() {
        return threshold.toPlainString() + ":" + points.toPlainString();
    }
}
