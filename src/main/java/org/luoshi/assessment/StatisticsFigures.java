package org.luoshi.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.luoshi.ledger.AttendanceFigure;
import org.luoshi.ledger.Coverage;
import org.luoshi.ledger.LedgerStatistics;
import org.luoshi.ledger.LedgerTerms;
import org.luoshi.ledger.Selection;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.luoshi.responsibility.LetterService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@link LedgerFigures} of an evaluation, asked of the modules that own them: records of the
 * ledger's statistics API, registered population of the org module, letters of the responsibility
 * module. It names no table. A rule's filters become conditions of a {@link Selection}; a filter on
 * a field the kind does not have matches nothing.
 *
 * <p>The port carries no scope: {@link EvaluationService} has already checked the township against
 * the user's scope, and every figure stays within the township's subtree.
 */
@Component
@Transactional(readOnly = true)
class StatisticsFigures implements LedgerFigures {

    private final LedgerStatistics ledger;
    private final OrgUnitService units;
    private final LetterService letters;

    StatisticsFigures(LedgerStatistics ledger, OrgUnitService units, LetterService letters) {
        this.ledger = ledger;
        this.units = units;
        this.letters = letters;
    }

    /** The records a rule's query selects. */
    static Selection selection(RecordQuery query) {
        Selection s = Selection.of(query.unitPath(), query.kind(), query.from(), query.to());
        for (RecordFilter filter : query.filters()) {
            s = switch (filter.type()) {
                case SUB_KIND -> s.whereIn(LedgerTerms.SUB_KIND, filter.values());
                case FIELD_IN -> s.whereIn(filter.field(), filter.values());
                case TAG -> s.tagged(filter.values());
            };
        }
        return s;
    }

    private static List<Selection> selections(List<RecordQuery> queries) {
        return queries.stream().map(StatisticsFigures::selection).toList();
    }

    @Override
    public long count(RecordQuery query) {
        return ledger.count(selection(query));
    }

    @Override
    public BigDecimal sum(RecordQuery query, String field) {
        return ledger.sum(selection(query), field);
    }

    @Override
    public Coverage distinctUnits(RecordQuery query) {
        return ledger.villagesReached(selection(query));
    }

    @Override
    public Ratio rate(RateMetric metric, RecordQuery query) {
        return rates(metric, List.of(query)).get(0);
    }

    @Override
    public List<Long> recordIds(RecordQuery query, int limit) {
        return ledger.recordIds(selection(query), limit);
    }

    @Override
    public List<LedgerStatistics.RecordLine> records(RecordQuery query, int limit) {
        return ledger.records(selection(query), limit);
    }

    @Override
    public Map<String, Long> countsByKind(String unitPath, LocalDate from, LocalDate to) {
        Map<String, Long> counts = new LinkedHashMap<>();
        ledger.countsByKind(unitPath, from, to).forEach((kind, n) -> counts.put(kind.name(), n));
        return counts;
    }

    @Override
    public List<Long> counts(List<RecordQuery> queries) {
        return ledger.counts(selections(queries));
    }

    @Override
    public List<BigDecimal> sums(List<RecordQuery> queries, String field) {
        return ledger.sums(selections(queries), field);
    }

    @Override
    public List<Coverage> coverages(List<RecordQuery> queries) {
        return ledger.villagesReached(selections(queries));
    }

    @Override
    public List<Ratio> rates(RateMetric metric, List<RecordQuery> queries) {
        return switch (metric) {
            case STUDY_ATTENDANCE -> ledger.attendances(selections(queries)).stream().map(StatisticsFigures::ratio).toList();
            case OPINION_ON_TIME -> {
                // closed cases (date closed entered), and of them those marked on time
                List<Selection> closed = selections(queries).stream().map(s -> s.whereSet(LedgerTerms.CLOSED_ON)).toList();
                List<Long> all = ledger.counts(closed);
                List<Long> onTime = ledger.counts(closed.stream().map(s -> s.where(LedgerTerms.ON_TIME, true)).toList());
                List<Ratio> ratios = new ArrayList<>();
                for (int i = 0; i < queries.size(); i++) {
                    ratios.add(new Ratio(BigDecimal.valueOf(onTime.get(i)), BigDecimal.valueOf(all.get(i))));
                }
                yield ratios;
            }
            case VOLUNTEER_HOURS_PER_RESIDENT -> {
                List<BigDecimal> hours = sums(queries, LedgerTerms.HOURS);
                Map<String, OrgUnit> at = unitsAt(queries);
                Map<Long, Long> populations = units.registeredPopulations(at.values());
                List<Ratio> ratios = new ArrayList<>();
                for (int i = 0; i < queries.size(); i++) {
                    OrgUnit unit = at.get(queries.get(i).unitPath());
                    long population = unit == null ? 0 : populations.getOrDefault(unit.getId(), 0L);
                    ratios.add(new Ratio(hours.get(i), BigDecimal.valueOf(population)));
                }
                yield ratios;
            }
            case VENUE_FAULTS_FIXED -> {
                List<BigDecimal> found = sums(queries, LedgerTerms.FAULTS_FOUND);
                List<BigDecimal> fixed = sums(queries, LedgerTerms.FAULTS_FIXED);
                List<Ratio> ratios = new ArrayList<>();
                for (int i = 0; i < queries.size(); i++) {
                    ratios.add(new Ratio(fixed.get(i), found.get(i)));
                }
                yield ratios;
            }
            case LETTERS_SIGNED -> letters(queries);
        };
    }

    private static Ratio ratio(AttendanceFigure a) {
        return new Ratio(BigDecimal.valueOf(a.present()), BigDecimal.valueOf(a.listed()));
    }

    private Map<String, OrgUnit> unitsAt(List<RecordQuery> queries) {
        Set<String> paths = queries.stream().map(RecordQuery::unitPath).collect(Collectors.toSet());
        return units.atPaths(units.systemReader("figures"), paths);
    }

    /**
     * 责任书签订率 by the responsibility module's one definition ({@code LetterService.counts}): the
     * township's own active villages and departments, and the letters the township signed with them for
     * the year; one batch per year however many townships and periods. Only a township signs letters;
     * for any other unit there is nothing due.
     */
    private List<Ratio> letters(List<RecordQuery> queries) {
        Map<String, Long> townshipAt = new HashMap<>();
        unitsAt(queries).forEach((path, unit) -> {
            if (unit.getKind() == OrgUnitKind.TOWNSHIP) {
                townshipAt.put(path, unit.getId());
            }
        });
        Map<Integer, Map<Long, LetterService.LetterCount>> byYear = new HashMap<>();
        List<Ratio> ratios = new ArrayList<>();
        for (RecordQuery q : queries) {
            Long township = townshipAt.get(q.unitPath());
            if (township == null) {
                ratios.add(new Ratio(BigDecimal.ZERO, BigDecimal.ZERO));
                continue;
            }
            LetterService.LetterCount count = byYear.computeIfAbsent(q.from().getYear(),
                    year -> letters.counts(units.systemReader("figures"), townshipAt.values(), year)).get(township);
            ratios.add(new Ratio(BigDecimal.valueOf(count.signed()), BigDecimal.valueOf(count.due())));
        }
        return ratios;
    }
}
