package org.luoshi.assessment;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * One period of a year: the year itself, a half, a quarter or a month, as calendar dates in
 * the business zone (Beijing time, see {@code org.luoshi.time}) with both ends inclusive.
 *
 * @param index 1-based position in the year (month number, quarter number, half number; 1 for the year)
 */
record Period(PeriodMode mode, int year, int index, LocalDate start, LocalDate end) {

    /** All periods of the mode in the year, in order. */
    public static List<Period> of(PeriodMode mode, int year) {
        List<Period> periods = new ArrayList<>();
        int count = 12 / mode.months();
        for (int i = 1; i <= count; i++) {
            LocalDate start = LocalDate.of(year, (i - 1) * mode.months() + 1, 1);
            periods.add(new Period(mode, year, i, start, start.plusMonths(mode.months()).minusDays(1)));
        }
        return periods;
    }

    /** The period of the mode that contains the date: where a record of that date counts. */
    public static Period containing(PeriodMode mode, LocalDate date) {
        return of(mode, date.getYear()).get((date.getMonthValue() - 1) / mode.months());
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }

    public boolean hasStarted(LocalDate asOf) {
        return !asOf.isBefore(start);
    }

    public boolean hasEnded(LocalDate asOf) {
        return asOf.isAfter(end);
    }

    /**
     * Whether two thirds of the period have passed on the evaluation date. The days passed are the
     * whole days before {@code asOf}; the comparison is in integers, so "exactly two thirds" is exact.
     */
    public boolean twoThirdsPassed(LocalDate asOf) {
        long length = ChronoUnit.DAYS.between(start, end) + 1;
        long passed = ChronoUnit.DAYS.between(start, asOf);
        return passed * 3 >= length * 2;
    }

    /** Message key and arguments of the period's Chinese name (全年, 上半年, 第三季度, 3月). */
    String labelKey() {
        return switch (mode) {
            case YEAR -> "assessment.period.year";
            case EACH_HALF -> "assessment.period.half." + index;
            case EACH_QUARTER -> "assessment.period.quarter." + index;
            case EACH_MONTH -> "assessment.period.month";
        };
    }
}
