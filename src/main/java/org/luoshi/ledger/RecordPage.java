package org.luoshi.ledger;

import java.util.List;

/** One keyset page of records, newest first; {@code next} is null on the last page. */
public record RecordPage(List<LedgerRecord> records, String next) {
}
