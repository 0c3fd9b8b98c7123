package org.luoshi.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.account.SignedInUser;
import org.luoshi.org.DataScope;
import org.luoshi.web.NotFoundException;
import org.luoshi.web.RuleViolationException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Until the ledger provides {@link LedgerFigures}, evaluation checks scope and then says plainly that it cannot run. */
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
    void withoutTheLedgerEvaluationIsRefusedNotInvented() {
        assertThatThrownBy(() -> evaluation.evaluate(scope("officer"), unit("officer"), evaluation.today().getYear(),
                evaluation.today()))
                .isInstanceOf(RuleViolationException.class)
                .extracting(e -> ((RuleViolationException) e).messageKey())
                .isEqualTo("assessment.evaluation.noLedger");
    }

    @Test
    void todayIsTakenInShanghai() {
        assertThat(evaluation.today()).isEqualTo(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
    }
}
