package org.luoshi.ledger;

/** Attendance over study sessions: people listed, people present, and present / listed in percent (null if none listed). */
public record AttendanceFigure(long sessions, long listed, long present) {

    public Double rate() {
        return listed == 0 ? null : Math.round(1000.0 * present / listed) / 10.0;
    }
}
