package org.luoshi.assessment;

import java.math.BigDecimal;

/**
 * One period of one indicator on the evaluation date.
 *
 * @param label the period's Chinese name (全年, 上半年, 第三季度, 3月)
 * @param actual the figure (count, sum, covered villages, rate); null for a rate without data
 * @param target the figure to reach (for ALL_UNITS the number of villages)
 * @param missing what is still missing, as a Chinese sentence; null when met
 * @param query the ledger query behind the figure, for the drill-down to the records
 */
public record PeriodResult(Period period, String label, BigDecimal actual, BigDecimal target, Status status,
        String missing, RecordQuery query) {
}
