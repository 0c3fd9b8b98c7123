package org.luoshi.assessment;

import org.luoshi.ledger.LedgerKind;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.ledger.LedgerGenerator;
import org.luoshi.ledger.LedgerService;
import org.luoshi.ledger.RecordCommand;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitCommand;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/**
 * The grouped figures (one query per rule for all periods and townships) against the one-query-per
 * figure answers, on a generated ledger of two townships plus records on the period boundaries.
 * Runs on H2 and PostgreSQL.
 */
@LuoshiTest
class GroupedFiguresTest {

    @Autowired StatisticsFigures tables;
    @Autowired LedgerService ledger;
    @Autowired LedgerGenerator generator;
    @Autowired OrgUnitService units;
    @Autowired MessageSource messages;

    OrgUnit first;
    OrgUnit second;
    OrgUnit village;

    @BeforeEach
    void ledger() {
        first = township("分组甲镇", 20_000);
        second = township("分组乙镇", null);
        village = units.create(units.systemScope("test"), new OrgUnitCommand(first.getId(), OrgUnitKind.VILLAGE,
                "分组村" + UUID.randomUUID().toString().substring(0, 6), null, 900, 1));
        units.create(units.systemScope("test"), new OrgUnitCommand(second.getId(), OrgUnitKind.VILLAGE,
                "分组村" + UUID.randomUUID().toString().substring(0, 6), null, 700, 1));
        generator.generate(List.of(first.getId(), second.getId()), 2, 7);
    }

    OrgUnit township(String name, Integer population) {
        return units.create(units.systemScope("test"), new OrgUnitCommand(units.root().orElseThrow().getId(), OrgUnitKind.TOWNSHIP,
                name + UUID.randomUUID().toString().substring(0, 6), null, population, 97));
    }

    long seminar(long unitId, LocalDate on) {
        return ledger.create(units.systemScope("test"), "STUDY_SESSION", new RecordCommand(unitId, on, null, "专题研讨", null,
                List.of(), Map.of("subKind", "SEMINAR", "topic", "研讨"), List.of())).id();
    }

    @Test
    void recordsOnPeriodBoundariesCountInThePeriodOfTheirDateWhenGrouped() {
        int year = 2024; // before the generated years, so only these records are there
        seminar(first.getId(), LocalDate.of(year, 3, 31));
        seminar(village.getId(), LocalDate.of(year, 4, 1));
        seminar(first.getId(), LocalDate.of(year, 6, 30));
        seminar(first.getId(), LocalDate.of(year, 7, 1));
        seminar(first.getId(), LocalDate.of(year, 12, 31));
        seminar(first.getId(), LocalDate.of(year - 1, 12, 31));
        seminar(second.getId(), LocalDate.of(year, 1, 1));
        long deleted = seminar(first.getId(), LocalDate.of(year, 5, 5));
        ledger.delete(units.systemScope("test"), deleted, "录错");
        List<RecordQuery> quarters = new ArrayList<>();
        for (OrgUnit township : List.of(first, second)) {
            for (Period q : Period.of(PeriodMode.EACH_QUARTER, year)) {
                quarters.add(new RecordQuery(township.getPath(), LedgerKind.STUDY_SESSION,
                        List.of(RecordFilter.subKind("SEMINAR")), q.start(), q.end()));
            }
        }
        assertThat(tables.counts(quarters)).containsExactly(1L, 2L, 1L, 1L, 1L, 0L, 0L, 0L);
        assertThat(tables.counts(quarters)).isEqualTo(quarters.stream().map(tables::count).toList());
    }

    @Test
    void everyRuleOfTheDefaultSetGivesTheSameFiguresGroupedAsOneByOne() throws IOException {
        SetDefinition set = IndicatorSetYaml.read(IndicatorSetYamlTest.defaultYaml());
        int thisYear = org.luoshi.time.Times.likelyYear(org.luoshi.TestClock.today()); // a year with generated records, also in January
        List<String> paths = List.of(first.getPath(), second.getPath(), village.getPath());
        int compared = 0;
        for (int year = thisYear - 1; year <= thisYear; year++) {
            LocalDate asOf = LocalDate.of(year, 12, 31);
            for (IndicatorDefinition def : set.indicators()) {
                if (def.manual()) {
                    continue;
                }
                List<RecordQuery> queries = new ArrayList<>();
                for (String path : paths) {
                    for (Period period : Evaluator.startedPeriods(def, year, asOf)) {
                        queries.add(Evaluator.query(def, period, path));
                    }
                }
                Rule rule = def.rule();
                switch (rule.aggregation()) {
                    case COUNT -> assertThat(tables.counts(queries)).as(def.code())
                            .isEqualTo(queries.stream().map(tables::count).toList());
                    case SUM -> assertThat(tables.sums(queries, rule.sumField())).as(def.code())
                            .usingElementComparator(BigDecimal::compareTo)
                            .isEqualTo(queries.stream().map(q -> tables.sum(q, rule.sumField())).toList());
                    case DISTINCT_UNITS -> assertThat(tables.coverages(queries)).as(def.code())
                            .isEqualTo(queries.stream().map(tables::distinctUnits).toList());
                    case RATE -> {
                        List<Ratio> grouped = tables.rates(rule.rate(), queries);
                        List<Ratio> single = queries.stream().map(q -> tables.rate(rule.rate(), q)).toList();
                        for (int i = 0; i < queries.size(); i++) {
                            assertThat(grouped.get(i).numerator()).as(def.code() + " " + i)
                                    .isEqualByComparingTo(single.get(i).numerator());
                            assertThat(grouped.get(i).denominator()).as(def.code() + " " + i)
                                    .isEqualByComparingTo(single.get(i).denominator());
                        }
                    }
                }
                compared += queries.size();
            }
        }
        assertThat(compared).isGreaterThan(100);
        // the generated ledger is not empty, so equal figures are not just zeros
        RecordQuery year = new RecordQuery(first.getPath(), LedgerKind.STUDY_SESSION, List.of(),
                LocalDate.of(thisYear, 1, 1), LocalDate.of(thisYear, 12, 31));
        assertThat(tables.count(year)).isPositive();
    }

    @Test
    void evaluationsWithPrefetchedFiguresEqualThoseAskingOneByOne() throws IOException {
        SetDefinition set = IndicatorSetYaml.read(IndicatorSetYamlTest.defaultYaml());
        int year = org.luoshi.TestClock.today().getYear();
        LocalDate asOf = org.luoshi.TestClock.today();
        Evaluator plain = new Evaluator(tables, messages, Locale.SIMPLIFIED_CHINESE);
        LedgerFigures prefetched = PrefetchedFigures.of(tables, set.indicators(), List.of(first.getPath(),
                second.getPath()), year, asOf);
        Evaluator batched = new Evaluator(prefetched, messages, Locale.SIMPLIFIED_CHINESE);
        Map<String, ManualScoreValue> none = new HashMap<>();
        for (OrgUnit township : List.of(first, second)) {
            Evaluation expected = plain.evaluate(set.name(), year, township.getPath(), set.indicators(), none, asOf);
            Evaluation actual = batched.evaluate(set.name(), year, township.getPath(), set.indicators(), none, asOf);
            assertThat(actual).isEqualTo(expected);
            assertThat(expected.total()).isPositive();
        }
    }

    @Test
    void countiesWithTheirOwnSetsFetchedTogetherGetTheirOwnEvaluations() throws IOException {
        // a province's overview: each county's townships against that county's set, all figures fetched at once
        SetDefinition shared = IndicatorSetYaml.read(IndicatorSetYamlTest.defaultYaml());
        List<IndicatorDefinition> other = new ArrayList<>(shared.indicators().subList(3, shared.indicators().size()));
        int year = org.luoshi.TestClock.today().getYear();
        LocalDate asOf = org.luoshi.TestClock.today();
        Evaluator plain = new Evaluator(tables, messages, Locale.SIMPLIFIED_CHINESE);
        Evaluator together = new Evaluator(PrefetchedFigures.of(tables, List.of(
                new PrefetchedFigures.Batch(shared.indicators(), List.of(first.getPath()), year),
                new PrefetchedFigures.Batch(other, List.of(second.getPath()), year)), asOf),
                messages, Locale.SIMPLIFIED_CHINESE);
        Map<String, ManualScoreValue> none = new HashMap<>();
        assertThat(together.evaluate("甲县", year, first.getPath(), shared.indicators(), none, asOf))
                .isEqualTo(plain.evaluate("甲县", year, first.getPath(), shared.indicators(), none, asOf));
        Evaluation second = together.evaluate("乙县", year, this.second.getPath(), other, none, asOf);
        assertThat(second).isEqualTo(plain.evaluate("乙县", year, this.second.getPath(), other, none, asOf));
        assertThat(second.indicators()).hasSize(other.size());
        assertThat(second.total()).isPositive();
    }
}
