package org.luoshi.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The generated demo ledger: every township has a year of records, some late, study with attendance. */
@LuoshiTest
class DemoLedgerTest {

    @Autowired
    LedgerQueries queries;
    @Autowired
    LedgerFixtures fx;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RecordKinds kinds;

    @Test
    void eachTownshipHasMonthlyCentralGroupStudyWithAttendance() {
        LocalDate today = LedgerFixtures.TODAY;
        LocalDate start = today.withDayOfYear(1);
        for (String name : new String[] {"柳溪镇", "石桥乡", "东城街道"}) {
            long township = fx.township(name).getId();
            LedgerFigure study = LedgerFigure.of("STUDY_SESSION", township, start, today).where("subKind", "CENTRAL_GROUP");
            assertThat(queries.count(fx.scope("county"), study)).as(name).isGreaterThanOrEqualTo(today.getMonthValue() - 1L);
            AttendanceFigure attendance = queries.attendance(fx.scope("county"), study);
            assertThat(attendance.listed()).isGreaterThan(attendance.present()).isPositive();
            assertThat(queries.count(fx.scope("county"), LedgerFigure.of("MEETING", township, start, today)
                    .where("subKind", "THEMATIC"))).as(name).isPositive();
        }
        assertThat(jdbc.sql("select count(*) from ledger_record where late = true").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("select count(*) from ledger_attachment").query(Long.class).single()).isPositive();
    }

    @Test
    void eachTownshipHasRecordsOfEveryKindAndVenueChecksMostlyFixTheirFaults() {
        LocalDate today = LedgerFixtures.TODAY;
        for (String name : new String[] {"柳溪镇", "石桥乡", "东城街道"}) {
            long township = fx.township(name).getId();
            for (RecordKind kind : kinds.all()) {
                assertThat(queries.count(fx.scope("county"), LedgerFigure.of(kind.code(), township, LocalDate.of(2000, 1, 1), today)))
                        .as(name + " " + kind.code()).isPositive();
            }
            LedgerFigure checks = LedgerFigure.of("VENUE_CHECK", township, today.withDayOfYear(1), today);
            long found = queries.sum(fx.scope("county"), checks, "faultsFound").longValue();
            long fixed = queries.sum(fx.scope("county"), checks, "faultsFixed").longValue();
            assertThat(found).as(name).isPositive();
            assertThat(fixed).as(name).isLessThanOrEqualTo(found).isGreaterThanOrEqualTo(found / 2);
            for (String subKind : new String[] {"LIBRARY", "BROADCAST", "CULTURE_STATION", "PRACTICE_CENTER"}) {
                assertThat(queries.count(fx.scope("county"), LedgerFigure.of("VENUE", township, LocalDate.of(2000, 1, 1), today)
                        .where("subKind", subKind))).as(name + " " + subKind).isPositive();
            }
            assertThat(queries.sum(fx.scope("county"), LedgerFigure.of("VOLUNTEER_SERVICE", township, today.withDayOfYear(1), today),
                    "hours").signum()).as(name).isPositive();
            assertThat(queries.sum(fx.scope("county"), LedgerFigure.of("PUBLICITY_MATERIAL", township, today.withDayOfYear(1), today),
                    "cost").signum()).as(name).isPositive();
        }
        // Village venues belong to their village, so a village clerk sees their own 农家书屋.
        long clerkVillage = fx.village("柳溪村").getId();
        assertThat(queries.count(fx.scope("clerk"), LedgerFigure.of("VENUE", clerkVillage, LocalDate.of(2000, 1, 1), today)
                .where("subKind", "LIBRARY"))).isEqualTo(1);
    }
}
