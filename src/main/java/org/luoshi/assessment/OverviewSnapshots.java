package org.luoshi.assessment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * The overviews of large trees, served from a snapshot with its "截至" time. A province's overview scores
 * its 1,500 townships, each against its county's set: tens of seconds of SQL at 30 million records, the same
 * for every reviewer of the province, and a ranking that moves slowly. So an overview of at least
 * {@code min-townships} townships is computed once, then served as it is for {@code max-age}; a view after
 * that gets the snapshot it has and starts one recomputation in the background, which the next views get.
 * Smaller trees (a county's ranking, a small city) are computed on every view, as before. The first view
 * after a start waits for the first computation; two viewers at once wait for the same one.
 * <p>
 * Per instance, in memory: several instances each keep their own, which at worst doubles the
 * computations, never the figures.
 */
@Component
class OverviewSnapshots {

    private static final Logger log = LoggerFactory.getLogger(OverviewSnapshots.class);

    /** What a snapshot holds, and the instant its computation started (the data are as of then). */
    record Stamped<T>(T value, Instant at) {
    }

    record Key(long unitId, int year) {
    }

    private final TierOverview tiers;
    private final OrgUnitService units;
    private final Clock clock;
    private final Duration maxAge;
    private final int minTownships;
    private final Executor executor;
    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();

    @Autowired
    OverviewSnapshots(TierOverview tiers, OrgUnitService units, Clock clock,
            @Value("${luoshi.assessment.overview-snapshot.max-age:PT10M}") Duration maxAge,
            @Value("${luoshi.assessment.overview-snapshot.min-townships:100}") int minTownships,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this(tiers, units, clock, maxAge, minTownships, (Executor) executor);
    }

    OverviewSnapshots(TierOverview tiers, OrgUnitService units, Clock clock, Duration maxAge, int minTownships,
            Executor executor) {
        this.tiers = tiers;
        this.units = units;
        this.clock = clock;
        this.maxAge = maxAge;
        this.minTownships = minTownships;
        this.executor = executor;
    }

    /**
     * The overview of the scope's unit for the year ({@link TierOverview#overview}): from the snapshot
     * with its time when the unit holds at least min-townships townships, else computed now (no time).
     */
    TierOverview.Overview overview(DataScope scope, int year) {
        if (!snapshots((int) units.countOfKind(scope, OrgUnitKind.TOWNSHIP))) {
            return tiers.overview(scope, year);
        }
        // the same unit's reviewers see the same overview: its data scope is the unit's subtree
        Stamped<TierOverview.Overview> snapshot = get(new Key(scope.unitId(), year), () -> tiers.overview(scope, year));
        return snapshot.value().asOfSnapshot(snapshot.at());
    }

    Duration maxAge() {
        return maxAge;
    }

    /** Whether an overview of this many townships is served from a snapshot. */
    boolean snapshots(int townships) {
        return townships >= minTownships;
    }

    /** The snapshot of the key, computed now if there is none, refreshed in the background if it is older than max-age. */
    <T> Stamped<T> get(Key key, Supplier<T> compute) {
        Entry entry = entries.computeIfAbsent(key, k -> new Entry());
        synchronized (entry) {
            if (entry.snapshot == null) {
                entry.snapshot = computed(compute);
            } else if (!entry.refreshing && entry.snapshot.at().plus(maxAge).isBefore(clock.instant())) {
                entry.refreshing = true;
                executor.execute(() -> refresh(key, entry, compute));
            }
            @SuppressWarnings("unchecked")
            Stamped<T> snapshot = (Stamped<T>) entry.snapshot;
            return snapshot;
        }
    }

    private <T> void refresh(Key key, Entry entry, Supplier<T> compute) {
        try {
            Stamped<T> fresh = computed(compute);
            synchronized (entry) {
                entry.snapshot = fresh;
            }
        } catch (RuntimeException e) {
            // the old snapshot stays, with its older time; the next view past max-age tries again
            log.warn("refreshing the overview of unit {} for {} failed", key.unitId(), key.year(), e);
        } finally {
            synchronized (entry) {
                entry.refreshing = false;
            }
        }
    }

    private <T> Stamped<T> computed(Supplier<T> compute) {
        Instant at = clock.instant();
        return new Stamped<>(compute.get(), at);
    }

    private static final class Entry {
        Stamped<?> snapshot;
        boolean refreshing;
    }
}
