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

    /**
     * Generated records of the township itself (where the generator writes these facts) matching a
     * condition on the kind's detail table: records other tests add must not make these counts positive.
     */
    long demo(long townshipId, String kind, String table, String condition) {
        return jdbc.sql("select count(*) from ledger_record r join " + table + " d on d.record_id = r.id where r.org_unit_id = :t "
                + "and r.recorded_by = 'system:demo-ledger' and r.kind = :kind and r.deleted_at is null and " + condition)
                .param("t", townshipId).param("kind", kind)
                .query(Long.class).single();
    }

    @Test
    void eachTownshipHasTheFactsItsReportsState() {
        LocalDate today = LedgerFixtures.TODAY;
        for (String name : new String[] {"柳溪镇", "石桥乡", "东城街道"}) {
            long t = fx.township(name).getId();
            for (String state : new String[] {LedgerTerms.SUBMITTED, LedgerTerms.ADOPTED, LedgerTerms.PUBLISHED}) {
                assertThat(demo(t, "MEDIA_PLACEMENT", "ledger_media_placement", "d.state = '" + state + "'")).as(name + " " + state)
                        .isPositive();
            }
            assertThat(demo(t, "MEDIA_PLACEMENT", "ledger_media_placement", "d.party_paper = true")).as(name).isPositive();
            assertThat(demo(t, "MEDIA_PLACEMENT", "ledger_media_placement", "d.party_paper = false")).as(name).isPositive();
            // only published pieces have a link
            assertThat(demo(t, "MEDIA_PLACEMENT", "ledger_media_placement", "d.state <> 'PUBLISHED' and d.link is not null"))
                    .as(name).isZero();
            assertThat(demo(t, "AWARD", "ledger_award", "d.direction = 'RECEIVED'")).as(name).isPositive();
            assertThat(demo(t, "AWARD", "ledger_award", "d.direction = 'GIVEN'")).as(name).isPositive();
            assertThat(demo(t, "ACTIVITY", "ledger_activity", "d.sub_kind = 'CULTURE_MARKET' and d.inspector_times > 0"))
                    .as(name).isPositive();
            assertThat(demo(t, "VOLUNTEER_TEAM", "ledger_volunteer_team", "d.registered_volunteers > 0")).as(name).isPositive();
            assertThat(demo(t, "VENUE_CHECK", "ledger_venue_check", "d.groups_received > 0")).as(name).isPositive();
            // the township's own accounts: every finished month of the last year, each record over one whole month
            for (int back = 1; back <= 11; back++) {
                LocalDate first = today.minusMonths(back).withDayOfMonth(1);
                assertThat(demo(t, "NEW_MEDIA_OUTPUT", "ledger_new_media_output", "d.platform = 'WECHAT_OA' and d.posts > 0 "
                        + "and r.occurred_on = date '" + first + "' and r.occurred_until = date '" + first.plusMonths(1).minusDays(1) + "'"))
                        .as(name + " " + first).isEqualTo(1);
            }
            // trainings over two days with 应训 / 参训, never more trained than eligible
            assertThat(demo(t, "STUDY_SESSION", "ledger_study_session", "d.trained_count > 0 and d.trained_count <= d.eligible_count "
                    + "and r.occurred_until > r.occurred_on")).as(name).isPositive();
            // who attended each 党委会, also through the statistics API
            assertThat(demo(t, "MEETING", "ledger_meeting", "d.sub_kind = 'THEMATIC'")).as(name).isPositive();
            assertThat(demo(t, "MEETING", "ledger_meeting", "d.sub_kind = 'THEMATIC' and not exists (select 1 from study_attendance a "
                    + "where a.record_id = r.id)")).as(name).isZero();
            AttendanceFigure attendance = stats.attendance(Selection.of(fx.township(name).getPath(), LedgerKind.MEETING,
                    LocalDate.of(2000, 1, 1), today).where(LedgerTerms.SUB_KIND, LedgerTerms.THEMATIC));
            assertThat(attendance.present()).as(name).isPositive();
        }
    }
}
