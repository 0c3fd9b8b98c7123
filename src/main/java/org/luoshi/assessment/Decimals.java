package org.luoshi.assessment;

import java.math.BigDecimal;

/** BigDecimal in one canonical form, so that 10 and 10.00 compare equal in definitions. */
final class Decimals {

    private Decimals() {
    }

    static BigDecimal normal(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static String plain(BigDecimal value) {
        return value == null ? "" : normal(value).toPlainString();
    }
}
