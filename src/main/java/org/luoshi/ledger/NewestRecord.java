package org.luoshi.ledger;

import java.time.LocalDate;
import java.util.Map;

/**
 * A record behind a figure, as returned newest first by {@link LedgerStatistics#newestRecords}.
 *
 * @param group the grouping field names and their values for this record
 */
public record NewestRecord(long id, LocalDate occurredOn, Map<String, Object> group) {
}
