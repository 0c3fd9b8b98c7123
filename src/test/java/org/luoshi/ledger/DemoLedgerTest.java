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
}
