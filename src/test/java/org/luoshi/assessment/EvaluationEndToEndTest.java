package org.luoshi.assessment;

import org.luoshi.ledger.LedgerKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.TestClock;
import org.luoshi.account.SignedInUser;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnitService;
import org.luoshi.web.NotFoundException;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Sets stored in the database (H2 and PostgreSQL), evaluated through {@link EvaluationService} with
 * a fake ledger: the county's and the township's own published sets apply, another township's do not,
 * and a manual score given through the service counts.
 */
@LuoshiTest
class EvaluationEndToEndTest {

    static final int YEAR = 2029;

    @Autowired
    IndicatorSetService sets;

    @Autowired
    OrgUnitService units;

    @Autowired
    MessageSource messages;

    @Autowired
    UserDetailsService users;

    SignedInUser user(String name) {
        return (SignedInUser) users.loadUserByUsername(name);
    }

    DataScope scope(String name) {
        return user(name).scope();
    }

    long publishedSet(String owner, String name, IndicatorDefinition... indicators) {
        IndicatorSet set = sets.create(scope(owner), YEAR, name);
        for (IndicatorDefinition indicator : indicators) {
            sets.addIndicator(scope(owner), set.getId(), indicator);
        }
        sets.publish(scope(owner), set.getId(), true);
        return set.getId();
    }

    EvaluationService evaluationWith(LedgerFigures ledger) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("ledger", ledger));
        return new EvaluationService(sets, units, beans.getBeanProvider(LedgerFigures.class), messages,
                Clock.fixed(java.time.Instant.parse("2029-08-14T17:00:00Z"), TestClock.zone()));
    }

    @Test
    void aTownshipIsEvaluatedAgainstItsCountysAndItsOwnPublishedSets() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        IndicatorDefinition seminars = new IndicatorDefinition("LL-02", "中心组专题研讨", "理论学习", new BigDecimal("8"),
                BigDecimal.ONE, PeriodMode.EACH_QUARTER, ScoringMode.PROPORTIONAL, List.of(),
                new Rule(Aggregation.COUNT, LedgerKind.STUDY_SESSION, null, null,
                        List.of(RecordFilter.subKind("SEMINAR")), null), false, null);
        IndicatorDefinition manual = new IndicatorDefinition("WH-02", "文明创建成效", "文化与文明创建", new BigDecimal("5"),
                null, PeriodMode.YEAR, ScoringMode.ALL_OR_NOTHING, List.of(), null, true, null);
        long county = publishedSet("county", "县表-" + suffix, seminars, manual);
        long own = publishedSet("officer", "本镇表-" + suffix, seminars);
        long other = publishedSet("officer2", "他镇表-" + suffix, seminars);

        long township = user("officer").getUnitId();
        Indicator manualIndicator = sets.get(scope("county"), county).getIndicators().stream()
                .filter(Indicator::isManual).findFirst().orElseThrow();
        sets.scoreByHand(scope("county"), county, manualIndicator.getId(), township, new BigDecimal("4"),
                "获评县级文明乡镇", "县文明委2029年通报");

        String path = units.getUnchecked(township).getPath();
        FakeLedger ledger = new FakeLedger();
        ledger.record(path, LedgerKind.STUDY_SESSION, "SEMINAR", LocalDate.of(YEAR, 3, 31));
        ledger.ranged(path, LedgerKind.STUDY_SESSION, "SEMINAR", LocalDate.of(YEAR, 4, 1), LocalDate.of(YEAR, 7, 2));
        EvaluationService evaluation = evaluationWith(ledger);
        // 17:00 UTC on 14 August is already 15 August in Beijing
        assertThat(evaluation.today()).isEqualTo(LocalDate.of(YEAR, 8, 15));

        List<Evaluation> results = evaluation.evaluate(scope("officer"), township, YEAR, evaluation.today());
        assertThat(results).extracting(Evaluation::setName).contains("县表-" + suffix, "本镇表-" + suffix)
                .doesNotContain("他镇表-" + suffix);
        Evaluation countySet = results.stream().filter(e -> e.setName().equals("县表-" + suffix)).findFirst().orElseThrow();
        assertThat(countySet.indicators().get(0).periods()).extracting(PeriodResult::status)
                .containsExactly(Status.MET, Status.MET, Status.PENDING);
        assertThat(countySet.indicators().get(0).missing()).isEqualTo("第三季度尚无专题研讨");
        assertThat(countySet.indicators().get(1).manualScore().scoredBy()).isEqualTo("county");
        assertThat(countySet.total()).isEqualByComparingTo("9.33");
        assertThat(countySet.maxTotal()).isEqualByComparingTo("13");
        assertThat(countySet.due()).extracting(Obligation::periodLabel).containsExactly("第三季度");

        // the county reviewer may evaluate the township too; another township's officer may not
        assertThat(evaluation.evaluate(scope("county"), county, township, evaluation.today()).total())
                .isEqualByComparingTo("9.33");
        assertThatThrownBy(() -> evaluation.evaluate(scope("officer2"), own, user("officer2").getUnitId(),
                evaluation.today())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> evaluation.evaluate(scope("officer"), other, township, evaluation.today()))
                .isInstanceOf(NotFoundException.class);
    }
}
