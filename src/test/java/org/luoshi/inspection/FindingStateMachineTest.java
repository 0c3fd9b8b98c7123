package org.luoshi.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.luoshi.web.RuleViolationException;

/** The rectification state machine: every allowed move, the forbidden ones, self re-check and the lock. */
class FindingStateMachineTest {

    static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");

    static Finding open() {
        return new Finding(FindingSource.VISIT, FindingCategory.STUDY, 10L, 1L, "t", null, 5L,
                LocalDate.of(2026, 3, 31), "county", NOW);
    }

    static Finding submitted() {
        Finding f = open();
        f.start(NOW);
        f.plan(5L, f.getDeadline(), "measures", NOW);
        f.submit("officer2", NOW);
        return f;
    }

    static String key(Throwable e) {
        return ((RuleViolationException) e).messageKey();
    }

    @Test
    void theHappyPathEndsLocked() {
        Finding f = submitted();
        assertThat(f.getState()).isEqualTo(RectificationState.SUBMITTED);
        f.recheck(true, "county", NOW);
        assertThat(f.getState()).isEqualTo(RectificationState.PASSED);
        assertThat(f.isLocked()).isTrue();
        assertThat(f.getRecheckedBy()).isEqualTo("county");
    }

    @Test
    void aFailedRecheckSendsTheTaskBackToWork() {
        Finding f = submitted();
        f.recheck(false, "county", NOW);
        assertThat(f.getState()).isEqualTo(RectificationState.IN_PROGRESS);
        assertThat(f.isLocked()).isFalse();
        f.plan(5L, f.getDeadline(), "better measures", NOW);
        f.submit("officer2", NOW);
        assertThat(f.getState()).isEqualTo(RectificationState.SUBMITTED);
    }

    @Test
    void forbiddenMovesAreRefused() {
        Finding f = open();
        assertThatThrownBy(() -> f.submit("officer2", NOW)).extracting(FindingStateMachineTest::key)
                .isEqualTo("inspection.rectification.badTransition");
        assertThatThrownBy(() -> f.recheck(true, "county", NOW)).extracting(FindingStateMachineTest::key)
                .isEqualTo("inspection.rectification.badTransition");
        f.start(NOW);
        assertThatThrownBy(() -> f.start(NOW)).extracting(FindingStateMachineTest::key)
                .isEqualTo("inspection.rectification.badTransition");
        assertThatThrownBy(() -> f.recheck(false, "county", NOW)).extracting(FindingStateMachineTest::key)
                .isEqualTo("inspection.rectification.badTransition");
        assertThatThrownBy(() -> f.submit("officer2", NOW)).extracting(FindingStateMachineTest::key)
                .isEqualTo("inspection.rectification.measuresRequired");
        assertThat(f.getState()).isEqualTo(RectificationState.IN_PROGRESS);
    }

    @Test
    void aSubmittedTaskCannotBeEditedUntilRechecked() {
        Finding f = submitted();
        assertThatThrownBy(() -> f.plan(5L, f.getDeadline(), "x", NOW)).extracting(FindingStateMachineTest::key)
                .isEqualTo("inspection.rectification.notEditable");
        assertThatThrownBy(() -> f.submit("officer2", NOW)).extracting(FindingStateMachineTest::key)
                .isEqualTo("inspection.rectification.badTransition");
    }

    @Test
    void nobodyRechecksTheirOwnSubmission() {
        Finding f = submitted();
        assertThatThrownBy(() -> f.recheck(true, "officer2", NOW)).extracting(FindingStateMachineTest::key)
                .isEqualTo("inspection.recheck.own");
        assertThat(f.getState()).isEqualTo(RectificationState.SUBMITTED);
    }

    @Test
    void aPassedTaskIsLockedAgainstEveryChange() {
        Finding f = submitted();
        f.recheck(true, "county", NOW);
        assertThatThrownBy(() -> f.plan(5L, f.getDeadline(), "x", NOW)).extracting(FindingStateMachineTest::key)
                .isEqualTo("inspection.rectification.locked");
        assertThatThrownBy(() -> f.start(NOW)).extracting(FindingStateMachineTest::key)
                .isEqualTo("inspection.rectification.locked");
        assertThatThrownBy(() -> f.recheck(false, "admin", NOW)).extracting(FindingStateMachineTest::key)
                .isEqualTo("inspection.rectification.locked");
        assertThatThrownBy(f::requireEditable).extracting(FindingStateMachineTest::key)
                .isEqualTo("inspection.rectification.locked");
        assertThat(f.getState()).isEqualTo(RectificationState.PASSED);
    }
}
