package org.luoshi.ledger;

/**
 * Attendance over study sessions: people listed, people present, and present / listed in percent
 * (null if none listed); {@code spoke} counts the attendance rows marked as having spoken (交流发言人次).
 */
public record AttendanceFigure(long sessions, long listed, long present, long spoke) {

    public Double rate() {
        return listed == 0 ? null : Math.round(1000.0 * present / listed) / 10.0;
    }
}
