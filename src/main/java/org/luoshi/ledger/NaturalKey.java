package org.luoshi.ledger;

import java.time.LocalDate;

/**
 * What makes two records of one kind the same record: unit, date and trimmed title. Imports use it
 * to stay idempotent; {@link LedgerService#createAll} refuses a second record with the same key.
 */
public record NaturalKey(long unitId, LocalDate occurredOn, String title) {

    public NaturalKey {
        title = RecordChecker.trim(title);
    }
}
