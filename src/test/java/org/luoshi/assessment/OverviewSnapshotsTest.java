package org.luoshi.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The snapshot of a large overview: computed on the first view, served as it is until it is older than
 * max-age, then served once more while one recomputation runs in the background (here queued, run by the
 * test), whose result the next view gets with its own time. A failed recomputation keeps the old snapshot.
 */
class OverviewSnapshotsTest {

    Instant now = Instant.parse("2027-01-04T02:00:00Z");
    final Queue<Runnable> background = new ArrayDeque<>();
    final OverviewSnapshots snapshots = new OverviewSnapshots(null, null, new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }, Duration.ofMinutes(10), 100, background::add);
    final OverviewSnapshots.Key province = new OverviewSnapshots.Key(1, 2026);
    final AtomicInteger computed = new AtomicInteger();

    String compute() {
        return "overview " + computed.incrementAndGet();
    }

    @Test
    void aLargeOverviewIsComputedOnceThenRefreshedInTheBackgroundWhenOld() {
        assertThat(snapshots.snapshots(1500)).isTrue();
        assertThat(snapshots.snapshots(20)).as("a county's or small city's overview is computed on each view").isFalse();

        OverviewSnapshots.Stamped<String> first = snapshots.get(province, this::compute);
        assertThat(first.value()).isEqualTo("overview 1");
        assertThat(first.at()).isEqualTo(now);

        now = now.plus(Duration.ofMinutes(9));
        assertThat(snapshots.get(province, this::compute).value()).as("within max-age: the same").isEqualTo("overview 1");
        assertThat(background).isEmpty();

        now = now.plus(Duration.ofMinutes(2));
        Instant refreshedAt = now;
        assertThat(snapshots.get(province, this::compute).value()).as("old: served while it is recomputed")
                .isEqualTo("overview 1");
        assertThat(snapshots.get(province, this::compute).value()).isEqualTo("overview 1");
        assertThat(background).as("one recomputation, however many views").hasSize(1);
        background.poll().run();

        now = now.plus(Duration.ofMinutes(1));
        OverviewSnapshots.Stamped<String> second = snapshots.get(province, this::compute);
        assertThat(second.value()).isEqualTo("overview 2");
        assertThat(second.at()).as("the time the figures were taken").isEqualTo(refreshedAt);
        assertThat(computed).hasValue(2);
        // another year of the same province is its own snapshot
        assertThat(snapshots.get(new OverviewSnapshots.Key(1, 2025), this::compute).value()).isEqualTo("overview 3");
    }

    @Test
    void aFailedRecomputationKeepsTheOldSnapshotAndIsTriedAgain() {
        snapshots.get(province, this::compute);
        now = now.plus(Duration.ofMinutes(11));
        snapshots.get(province, () -> {
            throw new IllegalStateException("database gone");
        });
        background.poll().run();
        assertThat(snapshots.get(province, this::compute).value()).isEqualTo("overview 1");
        background.poll().run();
        assertThat(snapshots.get(province, this::compute).value()).isEqualTo("overview 2");
        // a first computation that fails is the view's error: nothing is kept
        OverviewSnapshots.Key other = new OverviewSnapshots.Key(2, 2026);
        assertThatThrownBy(() -> snapshots.get(other, () -> {
            throw new IllegalStateException("database gone");
        })).hasMessageContaining("database gone");
        assertThat(snapshots.get(other, this::compute).value()).isEqualTo("overview 3");
    }
}
