package org.luoshi.assessment;

import org.luoshi.ledger.Coverage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of whole indicator lists fetched up front, then served to the {@link Evaluator} one by
 * one. For each distinct rule it asks the ledger once for every started period of every unit
 * (the batch methods of {@link LedgerFigures}), so that a township's evaluation is one grouped query
 * per rule, the county dashboard one per rule for all townships together and a province's overview
 * one per rule for all its counties' townships, instead of
 * one query per indicator, period and township. A figure it was not asked to fetch comes from the
 * ledger directly, so the result never depends on what was prefetched.
 */
final class PrefetchedFigures implements LedgerFigures {

    private final LedgerFigures ledger;
    private final Map<RecordQuery, Long> counts = new HashMap<>();
    private final Map<RecordQuery, Map<String, BigDecimal>> sums = new HashMap<>();
    private final Map<RecordQuery, Coverage> coverages = new HashMap<>();
    private final Map<RecordQuery, Map<RateMetric, Ratio>> rates = new HashMap<>();

    private PrefetchedFigures(LedgerFigures ledger) {
        this.ledger = ledger;
    }

    /** Fetches the figures of the indicators for every unit, as evaluated in the year on the date. */
    static PrefetchedFigures of(LedgerFigures ledger, List<IndicatorDefinition> indicators, List<String> unitPaths,
            int year, LocalDate asOf) {
        return of(ledger, List.of(new Batch(indicators, unitPaths, year)), asOf);
    }

    /** Indicators and the units they are evaluated for (a county's set and its townships). */
    record Batch(List<IndicatorDefinition> indicators, List<String> unitPaths, int year) {
    }

    /**
     * Fetches the figures of several batches together: one grouped query per distinct rule over all of
     * them, so that the counties of a city or province sharing a rule (the default table) share its query.
     */
    static PrefetchedFigures of(LedgerFigures ledger, List<Batch> batches, LocalDate asOf) {
        PrefetchedFigures figures = new PrefetchedFigures(ledger);
        Map<Rule, List<RecordQuery>> byRule = new java.util.LinkedHashMap<>();
        for (Batch batch : batches) {
            for (IndicatorDefinition def : batch.indicators()) {
                if (def.manual() || def.rule() == null || def.rule().aggregation() == null) {
                    continue;
                }
                for (String unitPath : batch.unitPaths()) {
                    for (Period period : Evaluator.startedPeriods(def, batch.year(), asOf)) {
                        byRule.computeIfAbsent(def.rule(), r -> new ArrayList<>()).add(Evaluator.query(def, period, unitPath));
                    }
                }
            }
        }
        byRule.forEach((rule, queries) -> figures.fetch(rule, queries.stream().distinct().toList()));
        return figures;
    }

    private void fetch(Rule rule, List<RecordQuery> queries) {
        switch (rule.aggregation()) {
            case COUNT -> put(counts, queries, ledger.counts(queries));
            case SUM -> {
                List<BigDecimal> values = ledger.sums(queries, rule.sumField());
                for (int i = 0; i < queries.size(); i++) {
                    sums.computeIfAbsent(queries.get(i), q -> new HashMap<>()).put(rule.sumField(), values.get(i));
                }
            }
            case DISTINCT_UNITS -> put(coverages, queries, ledger.coverages(queries));
            case RATE -> {
                List<Ratio> values = ledger.rates(rule.rate(), queries);
                for (int i = 0; i < queries.size(); i++) {
                    rates.computeIfAbsent(queries.get(i), q -> new HashMap<>()).put(rule.rate(), values.get(i));
                }
            }
        }
    }

    private static <T> void put(Map<RecordQuery, T> map, List<RecordQuery> queries, List<T> values) {
        for (int i = 0; i < queries.size(); i++) {
            map.put(queries.get(i), values.get(i));
        }
    }

    @Override
    public long count(RecordQuery query) {
        Long value = counts.get(query);
        return value != null ? value : ledger.count(query);
    }

    @Override
    public BigDecimal sum(RecordQuery query, String field) {
        BigDecimal value = sums.getOrDefault(query, Map.of()).get(field);
        return value != null ? value : ledger.sum(query, field);
    }

    @Override
    public Coverage distinctUnits(RecordQuery query) {
        Coverage value = coverages.get(query);
        return value != null ? value : ledger.distinctUnits(query);
    }

    @Override
    public Ratio rate(RateMetric metric, RecordQuery query) {
        Ratio value = rates.getOrDefault(query, Map.of()).get(metric);
        return value != null ? value : ledger.rate(metric, query);
    }

    @Override
    public List<Long> recordIds(RecordQuery query, int limit) {
        return ledger.recordIds(query, limit);
    }

    @Override
    public List<org.luoshi.ledger.LedgerStatistics.RecordLine> records(RecordQuery query, int limit) {
        return ledger.records(query, limit);
    }

    @Override
    public Map<String, Long> countsByKind(String unitPath, LocalDate from, LocalDate to) {
        return ledger.countsByKind(unitPath, from, to);
    }
}
