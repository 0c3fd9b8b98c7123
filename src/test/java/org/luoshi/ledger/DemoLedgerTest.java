package org.luoshi.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The generated demo ledger: every township has the twelve months up to today and the year before
 * (whatever day the suite runs, 2 January too), some records late, study with attendance.
 */
@LuoshiTest
class DemoLedgerTest {

    @Autowired
    LedgerStatistics stats;
    @Autowired
    LedgerFixtures fx;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RecordKinds kinds;

    @Test
    void eachTownshipHasMonthlyCentralGroupStudyWithAttendance() {
        LocalDate today = LedgerFixtures.TODAY;
        LocalDate start = today.minusMonths(12).plusDays(1);
        LocalDate lastMonth = today.minusMonths(1).withDayOfMonth(1);
        for (String name : new String[] {"柳溪镇", "石桥乡", "东城街道"}) {
            String township = fx.township(name).getPath();
            Selection study = Selection.of(township, LedgerKind.STUDY_SESSION, start, today).where("subKind", "CENTRAL_GROUP");
            // one session a month: at least the eleven whole months before this one
            assertThat(stats.count(study)).as(name).isGreaterThanOrEqualTo(11);
            // last month's session exists, also on 2 January for December
            assertThat(stats.count(Selection.of(township, LedgerKind.STUDY_SESSION, lastMonth,
                    lastMonth.plusMonths(1).minusDays(1)).where("subKind", "CENTRAL_GROUP"))).as(name).isPositive();
            // and the year before, for year-on-year figures
            assertThat(stats.count(Selection.of(township, LedgerKind.STUDY_SESSION, start.minusYears(1),
                    start.minusDays(1)).where("subKind", "CENTRAL_GROUP"))).as(name).isGreaterThanOrEqualTo(11);
            AttendanceFigure attendance = stats.attendance(study);
            assertThat(attendance.listed()).isGreaterThan(attendance.present()).isPositive();
            assertThat(stats.count(Selection.of(township, LedgerKind.MEETING, start, today)
                    .where("subKind", "THEMATIC"))).as(name).isPositive();
        }
        assertThat(jdbc.sql("select count(*) from ledger_record where late = true").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("select count(*) from ledger_attachment").query(Long.class).single()).isPositive();
    }

    @Test
    void eachTownshipHasRecordsOfEveryKindAndVenueChecksMostlyFixTheirFaults() {
        LocalDate today = LedgerFixtures.TODAY;
        for (String name : new String[] {"柳溪镇", "石桥乡", "东城街道"}) {
            String township = fx.township(name).getPath();
            for (RecordKind kind : kinds.all()) {
                assertThat(stats.count(Selection.of(township, LedgerKind.valueOf(kind.code()), LocalDate.of(2000, 1, 1), today)))
                        .as(name + " " + kind.code()).isPositive();
            }
            LocalDate start = today.minusMonths(12).plusDays(1);
            Selection checks = Selection.of(township, LedgerKind.VENUE_CHECK, start, today);
            long found = stats.sum(checks, "faultsFound").longValue();
            long fixed = stats.sum(checks, "faultsFixed").longValue();
            assertThat(found).as(name).isPositive();
            assertThat(fixed).as(name).isLessThanOrEqualTo(found).isGreaterThanOrEqualTo(found / 2);
            for (String subKind : new String[] {"LIBRARY", "BROADCAST", "CULTURE_STATION", "PRACTICE_CENTER"}) {
                assertThat(stats.count(Selection.of(township, LedgerKind.VENUE, LocalDate.of(2000, 1, 1), today)
                        .where("subKind", subKind))).as(name + " " + subKind).isPositive();
            }
            assertThat(stats.sum(Selection.of(township, LedgerKind.VOLUNTEER_SERVICE, start, today),
                    "hours").signum()).as(name).isPositive();
            assertThat(stats.sum(Selection.of(township, LedgerKind.PUBLICITY_MATERIAL, start, today),
                    "cost").signum()).as(name).isPositive();
        }
        // Village venues belong to their village, so a village clerk sees their own 农家书屋.
        String clerkVillage = fx.village("柳溪村").getPath();
        assertThat(stats.count(Selection.of(clerkVillage, LedgerKind.VENUE, LocalDate.of(2000, 1, 1), today)
                .where("subKind", "LIBRARY"))).isEqualTo(1);
    }
}
