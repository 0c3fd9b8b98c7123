package org.luoshi.ledger;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The records of a figure that share the values of the grouping fields: how many, and the sums of
 * numeric fields over them (zero when nothing was entered).
 *
 * @param group the grouping field names and their values (a value may be null)
 * @param count the number of records
 * @param sums the sum of each requested numeric field
 */
public record LedgerTally(Map<String, Object> group, long count, Map<String, BigDecimal> sums) {

    public BigDecimal sum(String field) {
        BigDecimal sum = sums.get(field);
        if (sum == null) {
            throw new IllegalArgumentException("not summed: " + field);
        }
        return sum;
    }
}
