package org.luoshi.request;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import org.luoshi.ledger.LedgerKind;
import org.luoshi.ledger.LedgerStatistics;
import org.luoshi.ledger.LedgerTerms;
import org.luoshi.ledger.Selection;

/**
 * The measures a request may ask for: those of docs/glossary.md (度量 Measures), each computed by the
 * ledger's one statistics API exactly as the glossary defines it, so that an answer shows the same
 * number as the reports and the evaluation (one number per measure).
 */
enum Measure {
    CENTRAL_GROUP_SESSIONS(LedgerKind.STUDY_SESSION, "次"),
    CENTRAL_GROUP_ATTENDANCE(LedgerKind.STUDY_SESSION, "%"),
    SEMINARS(LedgerKind.STUDY_SESSION, "次"),
    SPEAKERS(LedgerKind.STUDY_SESSION, "人次"),
    ANALYSIS_MEETINGS(LedgerKind.MEETING, "次"),
    OUTREACH_SESSIONS(LedgerKind.OUTREACH, "场次"),
    VILLAGES_REACHED(LedgerKind.OUTREACH, "个"),
    ARTICLES_PUBLISHED(LedgerKind.MEDIA_PLACEMENT, "篇"),
    OPINION_ON_TIME(LedgerKind.OPINION_CASE, "%"),
    VENUE_CHECKS(LedgerKind.VENUE_CHECK, "次"),
    FAULTS_FOUND(LedgerKind.VENUE_CHECK, "处"),
    FAULTS_FIXED(LedgerKind.VENUE_CHECK, "处"),
    VOLUNTEER_HOURS(LedgerKind.VOLUNTEER_SERVICE, "小时");

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final LedgerKind kind;
    private final String unit;

    Measure(LedgerKind kind, String unit) {
        this.kind = kind;
        this.unit = unit;
    }

    /** The record kind behind the figure: where its drill-down lists the records. */
    LedgerKind kind() {
        return kind;
    }

    public String unit() {
        return unit;
    }

    /** The figure for a unit's subtree and period; null where there is nothing to divide by (no rate). */
    BigDecimal of(LedgerStatistics ledger, String unitPath, LocalDate from, LocalDate to) {
        Selection all = Selection.of(unitPath, kind, from, to);
        return switch (this) {
            case CENTRAL_GROUP_SESSIONS -> count(ledger, all.where(LedgerTerms.SUB_KIND, LedgerTerms.CENTRAL_GROUP));
            case CENTRAL_GROUP_ATTENDANCE -> {
                Double rate = ledger.attendance(all.where(LedgerTerms.SUB_KIND, LedgerTerms.CENTRAL_GROUP)).rate();
                yield rate == null ? null : BigDecimal.valueOf(rate);
            }
            case SEMINARS -> count(ledger, all.where(LedgerTerms.SUB_KIND, LedgerTerms.SEMINAR));
            case SPEAKERS -> BigDecimal.valueOf(ledger.attendance(all.where(LedgerTerms.SUB_KIND,
                    LedgerTerms.CENTRAL_GROUP, LedgerTerms.SEMINAR)).spoke());
            case ANALYSIS_MEETINGS -> count(ledger, all.where(LedgerTerms.SUB_KIND, LedgerTerms.ANALYSIS));
            case OUTREACH_SESSIONS, VENUE_CHECKS -> count(ledger, all);
            case VILLAGES_REACHED -> BigDecimal.valueOf(ledger.villagesReached(all).covered());
            case ARTICLES_PUBLISHED -> ledger.sum(all.where(LedgerTerms.STATE, LedgerTerms.PUBLISHED), LedgerTerms.ARTICLE_COUNT);
            case OPINION_ON_TIME -> {
                Selection closed = all.whereSet(LedgerTerms.CLOSED_ON);
                long n = ledger.count(closed);
                yield n == 0 ? null : BigDecimal.valueOf(ledger.count(closed.where(LedgerTerms.ON_TIME, true)))
                        .multiply(HUNDRED).divide(BigDecimal.valueOf(n), 1, RoundingMode.HALF_UP);
            }
            case FAULTS_FOUND -> ledger.sum(all, LedgerTerms.FAULTS_FOUND);
            case FAULTS_FIXED -> ledger.sum(all, LedgerTerms.FAULTS_FIXED);
            case VOLUNTEER_HOURS -> ledger.sum(all, LedgerTerms.HOURS);
        };
    }

    private static BigDecimal count(LedgerStatistics ledger, Selection s) {
        return BigDecimal.valueOf(ledger.count(s));
    }
}
