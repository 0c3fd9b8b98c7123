package org.luoshi.assessment;

/** Over which periods an indicator's target must be reached: once a year, or in each month, quarter or half. */
enum PeriodMode {
    YEAR(12),
    EACH_HALF(6),
    EACH_QUARTER(3),
    EACH_MONTH(1);

    private final int months;

    PeriodMode(int months) {
        this.months = months;
    }

    /** Length of one period in months. */
    public int months() {
        return months;
    }
}
