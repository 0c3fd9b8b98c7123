package org.luoshi.assessment;

import org.luoshi.ledger.Coverage;
import org.luoshi.ledger.LedgerKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An in-memory {@link LedgerFigures} holding a handful of records, following the port's period
 * rule: a record counts in the period of its start date only. Every query it receives is kept,
 * so that tests can check which periods the evaluation asked for.
 */
final class FakeLedger implements LedgerFigures {

    record Entry(long id, String unitPath, LedgerKind kind, String subKind, Map<String, String> fields,
            Set<String> tags, LocalDate occurredOn, LocalDate occurredUntil, Map<String, BigDecimal> numbers,
            int present, int attendanceRows, Boolean onTime, boolean deleted) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final List<String> villages = new ArrayList<>();
    private final Set<String> signedLetters = new HashSet<>();
    private final Set<String> letterCounterparts = new HashSet<>();
    private long population;
    private long nextId = 1;
    final List<RecordQuery> queries = new ArrayList<>();

    FakeLedger villages(String... paths) {
        villages.addAll(List.of(paths));
        return this;
    }

    FakeLedger population(long population) {
        this.population = population;
        return this;
    }

    FakeLedger letterCounterparts(String... paths) {
        letterCounterparts.addAll(List.of(paths));
        return this;
    }

    FakeLedger signed(String path) {
        signedLetters.add(path);
        return this;
    }

    Entry add(Entry entry) {
        entries.add(entry);
        return entry;
    }

    long record(String unitPath, LedgerKind kind, String subKind, LocalDate on) {
        return add(new Entry(nextId++, unitPath, kind, subKind, Map.of(), Set.of(), on, null, Map.of(), 0, 0, null,
                false)).id();
    }

    long ranged(String unitPath, LedgerKind kind, String subKind, LocalDate on, LocalDate until) {
        return add(new Entry(nextId++, unitPath, kind, subKind, Map.of(), Set.of(), on, until, Map.of(), 0, 0, null,
                false)).id();
    }

    long deleted(String unitPath, LedgerKind kind, String subKind, LocalDate on) {
        return add(new Entry(nextId++, unitPath, kind, subKind, Map.of(), Set.of(), on, null, Map.of(), 0, 0, null,
                true)).id();
    }

    long withFields(String unitPath, LedgerKind kind, LocalDate on, Map<String, String> fields, Set<String> tags,
            Map<String, BigDecimal> numbers) {
        return add(new Entry(nextId++, unitPath, kind, null, fields, tags, on, null, numbers, 0, 0, null, false)).id();
    }

    long study(String unitPath, String subKind, LocalDate on, int present, int rows) {
        return add(new Entry(nextId++, unitPath, LedgerKind.STUDY_SESSION, subKind, Map.of(), Set.of(), on, null,
                Map.of(), present, rows, null, false)).id();
    }

    long opinion(String unitPath, LocalDate on, Boolean onTime) {
        return add(new Entry(nextId++, unitPath, LedgerKind.OPINION_CASE, null, Map.of(), Set.of(), on, null,
                Map.of(), 0, 0, onTime, false)).id();
    }

    void softDelete(long id) {
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (e.id() == id) {
                entries.set(i, new Entry(e.id(), e.unitPath(), e.kind(), e.subKind(), e.fields(), e.tags(),
                        e.occurredOn(), e.occurredUntil(), e.numbers(), e.present(), e.attendanceRows(), e.onTime(), true));
            }
        }
    }

    private List<Entry> matching(RecordQuery query) {
        queries.add(query);
        return entries.stream()
                .filter(e -> !e.deleted())
                .filter(e -> e.unitPath().startsWith(query.unitPath()))
                .filter(e -> e.kind() == query.kind())
                // the period rule: only the start date decides
                .filter(e -> !e.occurredOn().isBefore(query.from()) && !e.occurredOn().isAfter(query.to()))
                .filter(e -> query.filters().stream().allMatch(f -> accepts(e, f)))
                .toList();
    }

    private static boolean accepts(Entry e, RecordFilter filter) {
        return switch (filter.type()) {
            case SUB_KIND -> filter.values().contains(e.subKind());
            case FIELD_IN -> filter.values().contains(e.fields().get(filter.field()));
            case TAG -> filter.values().stream().anyMatch(e.tags()::contains);
        };
    }

    @Override
    public long count(RecordQuery query) {
        return matching(query).size();
    }

    @Override
    public BigDecimal sum(RecordQuery query, String field) {
        return matching(query).stream().map(e -> e.numbers().getOrDefault(field, BigDecimal.ZERO))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Override
    public Coverage distinctUnits(RecordQuery query) {
        List<String> inScope = villages.stream().filter(v -> v.startsWith(query.unitPath())).toList();
        long covered = inScope.stream()
                .filter(v -> matching(query).stream().anyMatch(e -> e.unitPath().startsWith(v))).count();
        return new Coverage(covered, inScope.size());
    }

    @Override
    public Ratio rate(RateMetric metric, RecordQuery query) {
        return switch (metric) {
            case STUDY_ATTENDANCE -> {
                List<Entry> sessions = matching(query);
                yield new Ratio(BigDecimal.valueOf(sessions.stream().mapToInt(Entry::present).sum()),
                        BigDecimal.valueOf(sessions.stream().mapToInt(Entry::attendanceRows).sum()));
            }
            case OPINION_ON_TIME -> {
                List<Entry> closed = matching(query).stream().filter(e -> e.onTime() != null).toList();
                yield new Ratio(BigDecimal.valueOf(closed.stream().filter(Entry::onTime).count()),
                        BigDecimal.valueOf(closed.size()));
            }
            case VOLUNTEER_HOURS_PER_RESIDENT -> new Ratio(sum(query, "hours"), BigDecimal.valueOf(population));
            case VENUE_FAULTS_FIXED -> new Ratio(sum(query, "faultsFixed"), sum(query, "faultsFound"));
            case LETTERS_SIGNED -> {
                queries.add(query);
                List<String> counterparts = letterCounterparts.stream()
                        .filter(p -> p.startsWith(query.unitPath())).toList();
                yield new Ratio(BigDecimal.valueOf(counterparts.stream().filter(signedLetters::contains).count()),
                        BigDecimal.valueOf(counterparts.size()));
            }
        };
    }

    @Override
    public List<Long> recordIds(RecordQuery query, int limit) {
        return matching(query).stream().sorted(Comparator.comparing(Entry::occurredOn).reversed())
                .limit(limit).map(Entry::id).toList();
    }

    @Override
    public List<org.luoshi.ledger.LedgerStatistics.RecordLine> records(RecordQuery query, int limit) {
        return matching(query).stream().sorted(Comparator.comparing(Entry::occurredOn).reversed())
                .limit(limit).map(e -> new org.luoshi.ledger.LedgerStatistics.RecordLine(e.id(), e.occurredOn(), e.kind().name(), e.unitPath())).toList();
    }

    @Override
    public Map<String, Long> countsByKind(String unitPath, LocalDate from, LocalDate to) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        entries.stream().filter(e -> !e.deleted() && e.unitPath().startsWith(unitPath))
                .filter(e -> !e.occurredOn().isBefore(from) && !e.occurredOn().isAfter(to))
                .forEach(e -> counts.merge(e.kind().name(), 1L, Long::sum));
        return counts;
    }
}
