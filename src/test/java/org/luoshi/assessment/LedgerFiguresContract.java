package org.luoshi.assessment;

import org.luoshi.ledger.LedgerKind;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LedgerFigures} must do, whatever stores the records: the period rule, scope,
 * soft delete and filters. The in-memory fake passes it; the ledger's adapter should extend it too,
 * implementing the hooks with real records.
 */
abstract class LedgerFiguresContract {

    /** The figures under test. */
    abstract LedgerFigures figures();

    /** Path of the township the records are entered for. */
    abstract String township();

    /** Path of another township. */
    abstract String otherTownship();

    /** Records one ledger entry of the kind and sub-kind below the given unit; returns its id. */
    abstract long record(String unitPath, LedgerKind kind, String subKind, LocalDate on, LocalDate until);

    /** Soft-deletes a record. */
    abstract void delete(long id);

    RecordQuery query(LedgerKind kind, String subKind, LocalDate from, LocalDate to) {
        return new RecordQuery(township(), kind, subKind == null ? List.of() : List.of(RecordFilter.subKind(subKind)),
                from, to);
    }

    static final LocalDate Q1_START = LocalDate.of(2026, 1, 1);
    static final LocalDate Q1_END = LocalDate.of(2026, 3, 31);
    static final LocalDate Q2_START = LocalDate.of(2026, 4, 1);
    static final LocalDate Q2_END = LocalDate.of(2026, 6, 30);

    @Test
    void bothEndsOfThePeriodAreInside() {
        record(township(), LedgerKind.STUDY_SESSION, "SEMINAR", Q1_END, null);
        record(township(), LedgerKind.STUDY_SESSION, "SEMINAR", Q2_START, null);
        assertThat(figures().count(query(LedgerKind.STUDY_SESSION, "SEMINAR", Q1_START, Q1_END))).isEqualTo(1);
        assertThat(figures().count(query(LedgerKind.STUDY_SESSION, "SEMINAR", Q2_START, Q2_END))).isEqualTo(1);
    }

    @Test
    void aRangeCountsOnlyInThePeriodOfItsStart() {
        long id = record(township(), LedgerKind.MEETING, "ANALYSIS", LocalDate.of(2026, 3, 30), LocalDate.of(2026, 4, 2));
        assertThat(figures().count(query(LedgerKind.MEETING, "ANALYSIS", Q1_START, Q1_END))).isEqualTo(1);
        assertThat(figures().count(query(LedgerKind.MEETING, "ANALYSIS", Q2_START, Q2_END))).isZero();
        assertThat(figures().recordIds(query(LedgerKind.MEETING, "ANALYSIS", Q1_START, Q1_END), 10)).containsExactly(id);
    }

    @Test
    void deletedRecordsOtherTownshipsKindsAndSubKindsDoNotCount() {
        long deleted = record(township(), LedgerKind.MEETING, "THEMATIC", Q1_START, null);
        delete(deleted);
        record(otherTownship(), LedgerKind.MEETING, "THEMATIC", Q1_START, null);
        record(township(), LedgerKind.MEETING, "JOINT", Q1_START, null);
        record(township(), LedgerKind.STUDY_SESSION, "CENTRAL_GROUP", Q1_START, null);
        assertThat(figures().count(query(LedgerKind.MEETING, "THEMATIC", Q1_START, Q1_END))).isZero();
        assertThat(figures().count(query(LedgerKind.MEETING, null, Q1_START, Q1_END))).isEqualTo(1);
    }
}
