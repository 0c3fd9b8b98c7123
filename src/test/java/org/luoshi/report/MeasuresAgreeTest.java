package org.luoshi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.TestClock;
import org.luoshi.assessment.Evaluation;
import org.luoshi.assessment.EvaluationService;
import org.luoshi.assessment.IndicatorResult;
import org.luoshi.assessment.PeriodResult;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.luoshi.time.Times;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One number per measure (the glossary's table of measures): for each demo township and the year a
 * report is written for, each measure computed by an independent SQL count here, by the evaluation's
 * indicator and by the report's figure is the same number.
 */
@LuoshiTest
class MeasuresAgreeTest {

    static final int YEAR = Times.likelyYear(TestClock.today());

    @Autowired JdbcClient jdbc;
    @Autowired EvaluationService evaluation;
    @Autowired ReportFigures figures;
    @Autowired OrgUnitService units;

    @Test
    void everyMeasureIsTheSameNumberOnEverySurface() {
        for (OrgUnit township : units.ofKind(units.systemScope("test"), OrgUnitKind.TOWNSHIP)) {
            if (List.of("柳溪镇", "石桥乡", "东城街道").contains(township.getName())) {
                agree(township);
            }
        }
    }

    private void agree(OrgUnit township) {
        String name = township.getName();
        Sql sql = new Sql(township.getPath());
        FigureSet report = figures.figures(township.getId(), YEAR);
        LocalDate asOf = YEAR < TestClock.today().getYear() ? LocalDate.of(YEAR + 1, 1, 1) : TestClock.today();
        Evaluation evaluated = evaluation.evaluate(units.systemScope("test"), township.getId(), YEAR, asOf).get(0);

        // 中心组学习次数 = LL-01 over the started months = the report's figure
        long central = sql.count("join ledger_study_session d on d.record_id = r.id where d.sub_kind = 'CENTRAL_GROUP'");
        assertThat(central).as(name).isPositive();
        assertThat(total(evaluated, "LL-01")).as(name + " LL-01").isEqualByComparingTo(BigDecimal.valueOf(central));
        assertThat(number(report, FigureName.STUDY_CENTRAL_GROUP_COUNT)).as(name).isEqualByComparingTo(BigDecimal.valueOf(central));

        // 专题研讨次数 = LL-02 over the started quarters = the report's figure
        long seminars = sql.count("join ledger_study_session d on d.record_id = r.id where d.sub_kind = 'SEMINAR'");
        assertThat(total(evaluated, "LL-02")).as(name + " LL-02").isEqualByComparingTo(BigDecimal.valueOf(seminars));
        assertThat(numberOrZero(report, FigureName.SEMINAR_COUNT)).as(name).isEqualByComparingTo(BigDecimal.valueOf(seminars));

        // 中心组学习出勤率: central group only, present over listed
        Map<String, Object> att = jdbc.sql("select count(a.id) as listed, "
                        + "coalesce(sum(case when a.status = 'PRESENT' then 1 else 0 end), 0) as present "
                        + "from study_attendance a join ledger_record r on r.id = a.record_id "
                        + "join ledger_study_session d on d.record_id = r.id where d.sub_kind = 'CENTRAL_GROUP'" + sql.inYear())
                .params(sql.params()).query().singleRow();
        BigDecimal rate = percent(((Number) att.get("present")).longValue(), ((Number) att.get("listed")).longValue());
        assertThat(total(evaluated, "LL-03").setScale(1, RoundingMode.HALF_UP)).as(name + " LL-03").isEqualByComparingTo(rate);
        assertThat(number(report, FigureName.ATTENDANCE_RATE)).as(name).isEqualByComparingTo(rate);

        // 研判次数 = ZZ-02 over the started halves = the report's figure
        long analyses = sql.count("join ledger_meeting d on d.record_id = r.id where d.sub_kind = 'ANALYSIS'");
        assertThat(total(evaluated, "ZZ-02")).as(name + " ZZ-02").isEqualByComparingTo(BigDecimal.valueOf(analyses));
        assertThat(numberOrZero(report, FigureName.JUDGEMENT_MEETING_COUNT)).as(name).isEqualByComparingTo(BigDecimal.valueOf(analyses));

        // 上稿篇数 by level: the report's list; national and provincial together = XW-01
        Map<String, Long> byLevel = new java.util.HashMap<>();
        jdbc.sql("select d.level as level, sum(d.article_count) as n from ledger_record r "
                        + "join ledger_media_placement d on d.record_id = r.id where d.state = 'PUBLISHED'" + sql.inYear()
                        + " group by d.level")
                .params(sql.params()).query((rs, n) -> byLevel.put(rs.getString("level"), rs.getLong("n"))).list();
        long high = byLevel.getOrDefault("NATIONAL", 0L) + byLevel.getOrDefault("PROVINCIAL", 0L);
        assertThat(total(evaluated, "XW-01")).as(name + " XW-01").isEqualByComparingTo(BigDecimal.valueOf(high));
        assertThat(report.get(FigureName.MEDIA_BY_LEVEL).items().stream().mapToLong(FigureItem::count).sum()).as(name)
                .isEqualTo(byLevel.values().stream().mapToLong(Long::longValue).sum());

        // 舆情按时处置率 = on time over closed = WL-01 = the report's on-time and closed counts
        long closed = sql.count("join ledger_opinion_case d on d.record_id = r.id where d.closed_on is not null");
        long onTime = sql.count("join ledger_opinion_case d on d.record_id = r.id where d.closed_on is not null and d.on_time = true");
        assertThat(closed).as(name).isPositive();
        assertThat(total(evaluated, "WL-01").setScale(1, RoundingMode.HALF_UP)).as(name + " WL-01")
                .isEqualByComparingTo(percent(onTime, closed));
        assertThat(number(report, FigureName.OPINION_CASES_CLOSED)).as(name).isEqualByComparingTo(BigDecimal.valueOf(closed));
        assertThat(numberOrZero(report, FigureName.OPINION_CASES_ON_TIME)).as(name).isEqualByComparingTo(BigDecimal.valueOf(onTime));

        // 阵地检查次数 = ZD-01 over the started quarters = the report's figure
        long checks = sql.count("where 1 = 1 and r.kind = 'VENUE_CHECK'");
        assertThat(total(evaluated, "ZD-01")).as(name + " ZD-01").isEqualByComparingTo(BigDecimal.valueOf(checks));
        assertThat(number(report, FigureName.VENUES_CHECKED)).as(name).isEqualByComparingTo(BigDecimal.valueOf(checks));

        // 志愿服务时长 = the report's figure; per resident = WH-01
        BigDecimal hours = jdbc.sql("select coalesce(sum(d.hours), 0) from ledger_record r "
                        + "join ledger_volunteer_service d on d.record_id = r.id where 1 = 1" + sql.inYear())
                .params(sql.params()).query(BigDecimal.class).single();
        assertThat(number(report, FigureName.VOLUNTEER_HOURS)).as(name).isEqualByComparingTo(hours);
        long population = units.registeredPopulation(township);
        assertThat(population).as(name).isPositive();
        assertThat(total(evaluated, "WH-01").setScale(4, RoundingMode.HALF_UP)).as(name + " WH-01")
                .isEqualByComparingTo(hours.divide(BigDecimal.valueOf(population), 4, RoundingMode.HALF_UP));
    }

    /** An indicator's actual figure summed over its started periods (a count per month adds up to the year's). */
    private static BigDecimal total(Evaluation evaluated, String code) {
        IndicatorResult result = evaluated.indicators().stream().filter(i -> i.indicator().code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError(code));
        return result.periods().stream().map(PeriodResult::actual).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal number(FigureSet set, FigureName name) {
        Figure figure = set.get(name);
        assertThat(figure.isMissing()).as(name.key() + " is stated").isFalse();
        return figure.number();
    }

    /** A count the report states as missing (no records) is zero records. */
    private static BigDecimal numberOrZero(FigureSet set, FigureName name) {
        Figure figure = set.get(name);
        return figure.isMissing() ? BigDecimal.ZERO : figure.number();
    }

    private static BigDecimal percent(long part, long whole) {
        return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    /** Records of the township's subtree that occurred in the year, not deleted. */
    private final class Sql {
        final String path;

        Sql(String path) {
            this.path = path;
        }

        String inYear() {
            return " and r.deleted_at is null and r.occurred_on between :from and :to"
                    + " and r.org_unit_id in (select u.id from org_unit u where u.path like :path)";
        }

        Map<String, Object> params() {
            return Map.of("from", LocalDate.of(YEAR, 1, 1), "to", LocalDate.of(YEAR, 12, 31), "path", path + "%");
        }

        long count(String joinAndWhere) {
            return jdbc.sql("select count(*) from ledger_record r " + joinAndWhere + inYear()).params(params())
                    .query(Long.class).single();
        }
    }
}
