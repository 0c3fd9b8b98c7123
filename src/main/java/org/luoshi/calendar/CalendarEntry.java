package org.luoshi.calendar;

import java.time.LocalDate;

/**
 * One duty on the calendar.
 *
 * @param uid stable across feeds, so that a phone updates the event instead of adding a copy
 * @param source where the duty comes from: an indicator period or a finding's rectification deadline
 * @param code the indicator's code, or the finding's number
 * @param title the duty in Chinese (the indicator's name, or the finding's title)
 * @param periodLabel the period in Chinese (3月, 第二季度, 上半年, 全年), or null for a finding
 * @param start the first day of the period (for a finding, the day it was raised)
 * @param due the last day to fulfil it: the period's last day, or the rectification deadline
 * @param state done, due or overdue on the day the calendar is read for
 * @param note what is still missing, or who must rectify; null when nothing to say
 * @param link the record that fulfils it (done), else where to do it; a path inside the application
 */
public record CalendarEntry(String uid, Source source, String code, String title, String periodLabel,
        LocalDate start, LocalDate due, State state, String note, String link) {

    /** Where a duty comes from. */
    public enum Source {
        /** A period of an indicator in a published indicator set. */
        INDICATOR,
        /** The rectification deadline of an inspection finding. */
        FINDING
    }

    /** The three states the calendar shows. */
    public enum State {
        DONE, DUE, OVERDUE
    }
}
