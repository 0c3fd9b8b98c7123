package org.luoshi.report;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * Reports in a given state for tests of other modules (the county home), made through the report's own
 * transitions (draft → submitted → accepted or returned) without writing a text: the panels that read
 * them need the report row, not its versions.
 */
@Component
public class SentReports {

    public enum State { DRAFT, SUBMITTED, RETURNED, ACCEPTED }

    public enum Kind { RESPONSIBILITY, PROPAGANDA_SUMMARY, SELF_INSPECTION }

    private final ReportRepository reports;
    private final Clock clock;

    SentReports(ReportRepository reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    /** A report of the township in the state; answers its id. */
    public long report(long townshipId, Kind kind, int year, String title, State state) {
        Report report = new Report(townshipId, ReportKind.valueOf(kind.name()), year, null, "中共测试县委宣传部", title,
                "中共测试镇委员会", LocalDate.now(clock), "test", clock.instant());
        if (state != State.DRAFT) {
            report.submit("test", clock.instant());
        }
        if (state == State.ACCEPTED) {
            report.accept(clock.instant());
        } else if (state == State.RETURNED) {
            report.returnToTownship(clock.instant());
        }
        return reports.save(report).getId();
    }
}
