package org.luoshi.assessment;

import org.luoshi.ledger.LedgerKind;

/** The rates a RATE rule can ask of the ledger; each names what is divided by what (see {@link LedgerFigures#rate}). */
enum RateMetric {
    /** 出勤率: attendance rows PRESENT / all attendance rows of the matching study sessions. */
    STUDY_ATTENDANCE(LedgerKind.STUDY_SESSION, true, false),
    /** 舆情按时处置率: cases closed (closedOn entered) and marked on time / cases closed. No closed case means nothing was late. */
    OPINION_ON_TIME(LedgerKind.OPINION_CASE, true, true),
    /** 志愿服务时长: volunteer hours / registered population of the unit. */
    VOLUNTEER_HOURS_PER_RESIDENT(LedgerKind.VOLUNTEER_SERVICE, false, false),
    /**
     * 阵地故障整改率: faults fixed / faults found over the venue checks (the glossary's 故障发现 / 整改).
     * No fault found means nothing was left broken. A duty's outcome, not a volume: venues that work.
     */
    VENUE_FAULTS_FIXED(LedgerKind.VENUE_CHECK, true, true),
    /** 责任书签订率: villages and departments with a signed letter of the year / all active villages and departments. */
    LETTERS_SIGNED(null, true, false);

    private final LedgerKind kind;
    private final boolean percent;
    private final boolean metWhenEmpty;

    RateMetric(LedgerKind kind, boolean percent, boolean metWhenEmpty) {
        this.kind = kind;
        this.percent = percent;
        this.metWhenEmpty = metWhenEmpty;
    }

    /** The ledger kind the rate is taken over; null for letters, which live in the responsibility module. */
    public LedgerKind kind() {
        return kind;
    }

    /** Whether the value is shown and targeted in percent (90 means 90 %). */
    public boolean percent() {
        return percent;
    }

    /** The ledger fields the rate reads besides the rule's filters, with their types (checked at start-up). */
    java.util.Map<String, org.luoshi.ledger.FieldType> fields() {
        return switch (this) {
            case OPINION_ON_TIME -> java.util.Map.of("closedOn", org.luoshi.ledger.FieldType.DATE, "onTime",
                    org.luoshi.ledger.FieldType.BOOLEAN);
            case VOLUNTEER_HOURS_PER_RESIDENT -> java.util.Map.of("hours", org.luoshi.ledger.FieldType.DECIMAL);
            case VENUE_FAULTS_FIXED -> java.util.Map.of(org.luoshi.ledger.LedgerTerms.FAULTS_FOUND,
                    org.luoshi.ledger.FieldType.INTEGER, org.luoshi.ledger.LedgerTerms.FAULTS_FIXED,
                    org.luoshi.ledger.FieldType.INTEGER);
            case STUDY_ATTENDANCE, LETTERS_SIGNED -> java.util.Map.of();
        };
    }

    /** Whether an empty denominator counts as met (no opinion case: none was late). */
    public boolean metWhenEmpty() {
        return metWhenEmpty;
    }
}
