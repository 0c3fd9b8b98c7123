package org.luoshi.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.account.SignedInUser;
import org.luoshi.org.DataScope;
import org.luoshi.web.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Evaluation checks scope first and then reads the ledger through its adapter. */
@LuoshiTest
class EvaluationServiceTest {

    @Autowired
    EvaluationService evaluation;

    @Autowired
    UserDetailsService users;

    DataScope scope(String user) {
        return ((SignedInUser) users.loadUserByUsername(user)).scope();
    }

    long unit(String user) {
        return ((SignedInUser) users.loadUserByUsername(user)).getUnitId();
    }

    @Test
    void anotherTownshipIsNotFoundAndAVillageIsNoTownship() {
        int year = evaluation.today().getYear();
        assertThatThrownBy(() -> evaluation.evaluate(scope("officer"), unit("officer2"), year, evaluation.today()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> evaluation.evaluate(scope("county"), unit("clerk"), year, evaluation.today()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theDemoTownshipIsEvaluatedAgainstTheCountysDefaultSetFromTheLedger() {
        List<Evaluation> results = evaluation.evaluate(scope("officer"), unit("officer"), evaluation.today().getYear(),
                evaluation.today());
        Evaluation set = results.stream().filter(e -> e.setName().contains("默认")).findFirst().orElseThrow();
        assertThat(set.indicators()).extracting(r -> r.indicator().code()).contains("ZZ-01", "XW-01", "WH-02");
        assertThat(set.maxTotal()).isEqualByComparingTo("100");
        assertThat(set.total()).isBetween(java.math.BigDecimal.ZERO, set.maxTotal());
    }

    @Test
    void todayIsTakenInShanghai() {
        assertThat(evaluation.today()).isEqualTo(org.luoshi.TestClock.today());
    }
}
