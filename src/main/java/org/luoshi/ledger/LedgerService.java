package org.luoshi.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.luoshi.evidence.Attachment;
import org.luoshi.evidence.AttachmentService;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitService;
import org.luoshi.org.Person;
import org.luoshi.org.PersonService;
import org.luoshi.web.NotFoundException;
import org.luoshi.web.RuleViolationException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Records of every kind, always seen through a {@link DataScope}: create, correct (with a reason,
 * keeping the previous version), soft delete and restore, attach evidence, list by keyset pages.
 * Each write is one transaction, so a refused save changes nothing.
 */
@Service
@Transactional(readOnly = true)
public class LedgerService {

    static final int MAX_PAGE = 100;

    private final RecordKinds kinds;
    private final LedgerStore store;
    private final LedgerRollups rollups;
    private final RecordChecker checker;
    private final OrgUnitService units;
    private final PersonService people;
    private final AttachmentService attachments;
    private final ObjectProvider<AttendeeSuggestions> suggestions;
    private final ObjectMapper json;
    private final LateEntryRule lateEntry;
    private final Clock clock;

    LedgerService(RecordKinds kinds, LedgerStore store, LedgerRollups rollups, RecordChecker checker, OrgUnitService units, PersonService people,
            AttachmentService attachments, ObjectProvider<AttendeeSuggestions> suggestions, ObjectMapper json,
            @Value("${luoshi.ledger.late-after-days:30}") int lateAfterDays, Clock clock) {
        this.clock = clock;
        this.kinds = kinds;
        this.store = store;
        this.rollups = rollups;
        this.checker = checker;
        this.units = units;
        this.people = people;
        this.attachments = attachments;
        this.suggestions = suggestions;
        this.json = json;
        this.lateEntry = new LateEntryRule(lateAfterDays, clock.getZone());
    }

    public int lateAfterDays() {
        return lateEntry.lateAfterDays();
    }

    /** 补录: recorded more than the configured number of days after it happened, counted in business-zone (Beijing) dates. */
    boolean isLate(LocalDate occurredOn, Instant recordedAt) {
        return lateEntry.isLate(occurredOn, recordedAt);
    }

    /**
     * 补录 for a checked record: a record over several days (a training, a month of posts) happened until
     * its last day, so the days are counted from there; recorded the day after a month ends is on time.
     */
    private boolean isLate(Draft draft, Instant recordedAt) {
        return isLate(draft.occurredUntil() != null ? draft.occurredUntil() : draft.occurredOn(), recordedAt);
    }

    /** The record if it exists, is not deleted and lies in scope; otherwise 404. */
    public LedgerRecord get(DataScope scope, long id) {
        LedgerRecord record = getIncludingDeleted(scope, id);
        if (record.deleted()) {
            throw new NotFoundException("LedgerRecord", id);
        }
        return record;
    }

    /** Also a deleted record (for the administrator's restore list and history). */
    public LedgerRecord getIncludingDeleted(DataScope scope, long id) {
        LedgerRecord record = store.find(id).orElseThrow(() -> new NotFoundException("LedgerRecord", id));
        if (!scope.covers(store.unitPath(record.unitId()))) {
            throw new NotFoundException("LedgerRecord", id);
        }
        return record;
    }

    /**
     * A record entered by hand (form or API). A record of the same unit, date and title is the same
     * record by the rule the import follows (it skips such rows), so it is refused beside the title
     * rather than counted twice in every figure.
     */
    @Transactional
    public LedgerRecord create(DataScope scope, String kindCode, RecordCommand command) {
        scope.requireWritable();
        RecordKind kind = kinds.get(kindCode);
        Draft draft = checker.check(scope, kind, command);
        if (!store.existingKeys(kind.code(), List.of(new NaturalKey(draft.unitId(), draft.occurredOn(), draft.title())))
                .isEmpty()) {
            throw new LedgerValidationException(List.of(new Violation("title", "ledger.error.duplicate")));
        }
        return insert(scope, kind, draft, clock.instant());
    }

    /**
     * A record and its files from one submit, in one transaction: a refused file (or a storage fault)
     * undoes the record as well, so the ledger never holds a record without the photos the user
     * believes they attached, and the form can be sent again as it is. Each file is checked by content
     * and stored through the evidence module as {@link #attach} does; the refusal names the file.
     */
    @Transactional
    public LedgerRecord createWithFiles(DataScope scope, String kindCode, RecordCommand command, List<MultipartFile> files) {
        LedgerRecord record = create(scope, kindCode, command);
        for (MultipartFile file : files) {
            try {
                attach(scope, record.id(), file);
            } catch (RuleViolationException e) {
                throw new FileRefused(file.getOriginalFilename(), e);
            }
        }
        return record;
    }

    /** A file of a new record refused (or not stored): its name and why; the record was not saved. */
    public static final class FileRefused extends RuntimeException {
        private final String filename;
        private final transient RuleViolationException reason;

        FileRefused(String filename, RuleViolationException reason) {
            super(reason);
            this.filename = filename;
            this.reason = reason;
        }

        public String filename() {
            return filename;
        }

        public RuleViolationException reason() {
            return reason;
        }
    }

    /** With an explicit recorded-at, for imports and generated data that were recorded in the past. */
    @Transactional
    LedgerRecord create(DataScope scope, String kindCode, RecordCommand command, Instant recordedAt) {
        scope.requireWritable();
        RecordKind kind = kinds.get(kindCode);
        return insert(scope, kind, checker.check(scope, kind, command), recordedAt);
    }

    private LedgerRecord insert(DataScope scope, RecordKind kind, Draft draft, Instant recordedAt) {
        long id = store.insert(kind, draft.unitId(), draft, recordedAt, scope.username(), isLate(draft, recordedAt));
        if (kind.hasAttendance()) {
            store.replaceAttendance(id, draft.attendance());
        }
        rollups.add(kind, List.of(id), 1);
        return store.find(id).orElseThrow();
    }

    /**
     * Checks a command with the same rules as the forms without writing anything: the problems, or an
     * empty list. A unit outside the scope is reported as a problem of {@code unitId}, not as a 404.
     */
    public List<Violation> validate(DataScope scope, String kindCode, RecordCommand command) {
        RecordKind kind = kinds.get(kindCode);
        try {
            checker.check(scope, kind, command);
            return List.of();
        } catch (LedgerValidationException e) {
            return e.violations();
        } catch (NotFoundException e) {
            return List.of(new Violation("unitId", "ledger.error.unitOutside"));
        }
    }

    /**
     * Those of the keys that name a live record of the kind, looked up in bulk (one query per unit
     * over the keys' date range) so that an import of many rows does not ask once per row.
     */
    public Set<NaturalKey> existing(String kindCode, Collection<NaturalKey> keys) {
        return store.existingKeys(kinds.get(kindCode).code(), keys);
    }

    /**
     * Checks many commands with the same rules as the forms, in one read-only transaction (so the
     * units and people they name are loaded once), without writing: the problems per command, in order.
     */
    public List<List<Violation>> validateAll(DataScope scope, String kindCode, List<RecordCommand> commands) {
        return checker.batch(() -> {
            List<List<Violation>> result = new ArrayList<>(commands.size());
            for (RecordCommand command : commands) {
                result.add(validate(scope, kindCode, command));
            }
            return result;
        });
    }

    /**
     * Creates all records in ONE transaction: the first refused record, or one whose natural key
     * already exists (or repeats within the list), rolls back every record before it. Each command is
     * checked once; the natural keys are looked up in bulk and the rows written with JDBC batches.
     * A record gets what a single create gives it: recorded at/by, 补录 flag, version 0.
     */
    @Transactional
    public int createAll(DataScope scope, String kindCode, List<RecordCommand> commands) {
        return insertChecked(scope, kindCode, commands, true);
    }

    /**
     * As {@link #createAll}, but a command whose natural key already names a live record is skipped
     * rather than refused (an import's rows that are already present): the number skipped.
     */
    @Transactional
    public int createMissing(DataScope scope, String kindCode, List<RecordCommand> commands) {
        scope.requireWritable();
        String kind = kinds.get(kindCode).code();
        Map<RecordCommand, NaturalKey> keys = new java.util.IdentityHashMap<>();
        for (RecordCommand c : commands) {
            if (c.unitId() != null && c.occurredOn() != null && RecordChecker.trim(c.title()) != null) {
                keys.put(c, new NaturalKey(c.unitId(), c.occurredOn(), c.title()));
            }
        }
        Set<NaturalKey> present = store.existingKeys(kind, keys.values());
        List<RecordCommand> missing = commands.stream().filter(c -> !present.contains(keys.get(c))).toList();
        insertChecked(scope, kindCode, missing, false);
        return commands.size() - missing.size();
    }

    /** {@code lookUp} false when the caller has just looked the keys up in this transaction. */
    private int insertChecked(DataScope scope, String kindCode, List<RecordCommand> commands, boolean lookUp) {
        scope.requireWritable();
        RecordKind kind = kinds.get(kindCode);
        Instant now = clock.instant();
        List<Draft> drafts = new ArrayList<>(commands.size());
        Set<NaturalKey> keys = new HashSet<>();
        checker.batch(() -> {
            for (RecordCommand command : commands) {
                Draft draft = checker.check(scope, kind, command);
                if (!keys.add(new NaturalKey(draft.unitId(), draft.occurredOn(), draft.title()))) {
                    throw new RuleViolationException("ledger.error.duplicate");
                }
                drafts.add(draft);
            }
            return null;
        });
        if (lookUp && !store.existingKeys(kind.code(), keys).isEmpty()) {
            throw new RuleViolationException("ledger.error.duplicate");
        }
        List<Boolean> late = drafts.stream().map(d -> isLate(d, now)).toList();
        long[] ids = store.insertAll(kind, drafts, late, now, scope.username());
        rollups.add(kind, java.util.Arrays.stream(ids).boxed().toList(), 1);
        return drafts.size();
    }

    /**
     * Corrects a record. The reason is required and the previous state is kept as a revision.
     * {@code expectedVersion}, when given, refuses a change based on a stale copy.
     */
    @Transactional
    public LedgerRecord update(DataScope scope, long id, RecordCommand command, String reason, Long expectedVersion) {
        scope.requireWritable();
        LedgerRecord before = get(scope, id);
        RecordKind kind = kinds.get(before.kind());
        List<Violation> problems = new ArrayList<>();
        String why = RecordChecker.trim(reason);
        if (why == null) {
            problems.add(new Violation("reason", "ledger.error.reasonRequired"));
        } else if (why.length() > 500) {
            problems.add(new Violation("reason", "ledger.error.tooLong", 500));
        }
        Draft draft;
        try {
            draft = checker.check(scope, kind, command, before.unitId());
        } catch (LedgerValidationException e) {
            problems.addAll(e.violations());
            throw new LedgerValidationException(problems);
        }
        if (!problems.isEmpty()) {
            throw new LedgerValidationException(problems);
        }
        if (expectedVersion != null && expectedVersion != before.version()) {
            throw new RuleViolationException("ledger.error.concurrentEdit");
        }
        Instant now = clock.instant();
        store.addRevision(id, now, scope.username(), "UPDATE", why, snapshot(before));
        // out with the old share (unit, date, sub-kind, sums, attendance may all change), in with the new
        rollups.add(kind, List.of(id), -1);
        if (!store.update(kind, id, before.version(), draft.unitId(), draft, isLate(draft, before.recordedAt()),
                now, scope.username())) {
            throw new RuleViolationException("ledger.error.concurrentEdit");
        }
        if (kind.hasAttendance()) {
            store.replaceAttendance(id, draft.attendance());
        }
        rollups.add(kind, List.of(id), 1);
        return store.find(id).orElseThrow();
    }

    /** Soft delete with a reason: the record disappears from lists and figures, and an administrator can restore it. */
    @Transactional
    public void delete(DataScope scope, long id, String reason) {
        scope.requireWritable();
        LedgerRecord record = get(scope, id);
        String why = requireReason(reason);
        Instant now = clock.instant();
        store.addRevision(id, now, scope.username(), "DELETE", why, snapshot(record));
        if (!store.markDeleted(id, record.version(), now, scope.username(), why)) {
            throw new RuleViolationException("ledger.error.concurrentEdit");
        }
        rollups.add(kinds.get(record.kind()), List.of(id), -1);
    }

    /** Brings a deleted record back; the caller has checked that the user is an administrator. */
    @Transactional
    public LedgerRecord restore(DataScope scope, long id, String reason) {
        scope.requireWritable();
        LedgerRecord record = getIncludingDeleted(scope, id);
        if (!record.deleted()) {
            throw new RuleViolationException("ledger.error.notDeleted");
        }
        String why = requireReason(reason);
        Instant now = clock.instant();
        store.addRevision(id, now, scope.username(), "RESTORE", why, snapshot(record));
        if (!store.restore(id, record.version(), now, scope.username())) {
            throw new RuleViolationException("ledger.error.concurrentEdit");
        }
        rollups.add(kinds.get(record.kind()), List.of(id), 1);
        return store.find(id).orElseThrow();
    }

    private static String requireReason(String reason) {
        String why = RecordChecker.trim(reason);
        if (why == null) {
            throw new LedgerValidationException(List.of(new Violation("reason", "ledger.error.reasonRequired")));
        }
        if (why.length() > 500) {
            throw new LedgerValidationException(List.of(new Violation("reason", "ledger.error.tooLong", 500)));
        }
        return why;
    }

    // ---- lists ----

    /** One keyset page, newest first. The filter's unit must lie in scope (404 otherwise). */
    public RecordPage list(DataScope scope, RecordFilter filter, String cursor, int size) {
        return page(scope, filter, cursor, size, false);
    }

    /** Deleted records in scope, for the administrator. */
    public RecordPage deleted(DataScope scope, RecordFilter filter, String cursor, int size) {
        return page(scope, filter, cursor, size, true);
    }

    /**
     * Every record of the filter, unit by unit in tree order and newest first within a unit, handed
     * to the sink one page of at most {@value #EXPORT_PAGE} at a time, so an export never holds the
     * whole list. 404 for a unit out of scope.
     * <p>
     * Why not the list's keyset pages: over a unit subtree (a sub-select or IN list of units) neither
     * H2 nor an index gives the date order, so every page gathers and sorts all remaining records —
     * quadratic for a large export. With one unit (an equality) and a window of dates, a page reads
     * just its window through the (kind, unit, date) index. The window widens while pages come back
     * small and narrows when a window holds more than a page; within a window the keyset cursor pages on.
     */
    public void forEachPage(DataScope scope, RecordFilter filter, java.util.function.Consumer<List<LedgerRecord>> sink) {
        String path = pathOf(scope, filter);
        RecordFilter f = checkKind(filter);
        for (long unitId : store.unitIdsUnder(path)) {
            LocalDate[] range = store.dateRange(unitId, f);
            if (range == null) {
                continue;
            }
            LocalDate oldest = range[0];
            LocalDate hi = range[1];
            long span = 31;
            while (!hi.isBefore(oldest)) {
                LocalDate lo = hi.minusDays(span - 1).isBefore(oldest) ? oldest : hi.minusDays(span - 1);
                RecordFilter window = new RecordFilter(f.kind(), null, lo, hi, f.q(), f.tag(), f.lateOnly());
                Cursor cursor = null;
                int pages = 0;
                int last;
                do {
                    List<LedgerRecord> rows = store.unitPage(unitId, window, cursor, EXPORT_PAGE);
                    last = rows.size();
                    if (!rows.isEmpty()) {
                        sink.accept(store.withDetails(rows));
                        LedgerRecord end = rows.get(rows.size() - 1);
                        cursor = new Cursor(end.occurredOn(), end.id());
                    }
                    pages++;
                } while (last == EXPORT_PAGE);
                if (pages > 1) {
                    span = Math.max(1, span / pages);
                } else if (last < EXPORT_PAGE / 2) {
                    span = Math.min(span * 2, 3660);
                }
                hi = lo.minusDays(1);
            }
        }
    }

    static final int EXPORT_PAGE = 1000;

    private RecordPage page(DataScope scope, RecordFilter filter, String cursor, int size, boolean deleted) {
        int limit = Math.max(1, Math.min(size, MAX_PAGE));
        String path = pathOf(scope, filter);
        List<Long> small = units.smallSubtreeIds(path, UNIT_BY_UNIT_MAX).orElse(null);
        List<LedgerRecord> rows = store.page(path, small, checkKind(filter), Cursor.parse(cursor), limit + 1, deleted);
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            LedgerRecord last = rows.get(limit - 1);
            next = new Cursor(last.occurredOn(), last.id()).toString();
        }
        return new RecordPage(store.withDetails(rows), next);
    }

    /**
     * Up to this many units, a page is read unit by unit (a township with its villages: ~21); a larger
     * subtree by date along one index. Measured at 3 M records (docs/performance.md): unit by unit costs
     * units × page, by date ~page × (ledger / subtree), so a county of 400+ units is faster by date.
     */
    static final int UNIT_BY_UNIT_MAX = 100;

    /** Counts per kind are exact up to this many; above it a list shows "超过 1000". */
    static final int COUNT_CAP = 1000;

    /**
     * Records per kind for the filter (whatever its kind), each counted up to {@value #COUNT_CAP}: a list's
     * tabs never count a whole county's or province's ledger.
     */
    public KindCounts countsByKind(DataScope scope, RecordFilter filter) {
        List<String> codes = kinds.all().stream().map(RecordKind::code).toList();
        Map<String, Long> counts = store.countsByKind(pathOf(scope, filter), filter, codes, COUNT_CAP);
        Map<String, Long> ordered = new LinkedHashMap<>();
        for (String code : codes) {
            ordered.put(code, counts.getOrDefault(code, 0L));
        }
        return new KindCounts(ordered, COUNT_CAP);
    }

    private RecordFilter checkKind(RecordFilter filter) {
        return filter.kind() == null ? filter : filter.withKind(kinds.get(filter.kind()).code());
    }

    String pathOf(DataScope scope, RecordFilter filter) {
        return filter.unitId() == null ? scope.unitPath() : units.get(scope, filter.unitId()).getPath();
    }

    // ---- history ----

    /** Every change of the record, oldest first, with the fields each one changed. */
    public List<Revision> history(DataScope scope, long id) {
        LedgerRecord current = getIncludingDeleted(scope, id);
        List<LedgerStore.RevisionRow> rows = store.revisions(id);
        List<Revision> revisions = new ArrayList<>();
        Map<String, Object> after = flatten(current);
        for (int i = rows.size() - 1; i >= 0; i--) {
            LedgerStore.RevisionRow row = rows.get(i);
            Map<String, Object> before = parse(row.snapshot());
            revisions.add(0, new Revision(row.revision(), row.changedAt(), row.changedBy(), row.action(), row.reason(),
                    diff(before, after)));
            after = before;
        }
        return revisions;
    }

    private static List<Change> diff(Map<String, Object> before, Map<String, Object> after) {
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<Change> changes = new ArrayList<>();
        for (String key : keys) {
            Object a = before.get(key);
            Object b = after.get(key);
            if (!Objects.equals(String.valueOf(a), String.valueOf(b))) {
                changes.add(new Change(key, a, b));
            }
        }
        return changes;
    }

    /** A record as a flat map of plain values: what a revision stores and what history compares. */
    static Map<String, Object> flatten(LedgerRecord record) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("unitId", record.unitId());
        map.put("occurredOn", str(record.occurredOn()));
        map.put("occurredUntil", str(record.occurredUntil()));
        map.put("title", record.title());
        map.put("notes", record.notes());
        map.put("tags", String.join(",", record.tags()));
        record.fields().forEach((name, value) -> map.put("fields." + name, value instanceof LocalDate d ? d.toString()
                : value instanceof java.math.BigDecimal b ? b.toPlainString() : value));
        if (!record.attendance().isEmpty()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (AttendanceEntry a : record.attendance()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("personId", a.personId());
                row.put("status", a.status());
                row.put("leaveReason", a.leaveReason());
                row.put("spoke", a.spoke());
                row.put("notesSubmitted", a.notesSubmitted());
                rows.add(row);
            }
            map.put("attendance", rows);
        }
        map.put("deleted", record.deleted());
        return map;
    }

    private String snapshot(LedgerRecord record) {
        Map<String, Object> map = flatten(record);
        try {
            String text = json.writeValueAsString(map);
            // Long texts are capped at 4000 characters each, so this only trims pathological records.
            if (text.length() > 20000) {
                map.replaceAll((k, v) -> v instanceof String s && s.length() > 1000 ? s.substring(0, 1000) + "…" : v);
                text = json.writeValueAsString(map);
            }
            return text;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> parse(String snapshot) {
        try {
            return json.readValue(snapshot, new TypeReference<LinkedHashMap<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }

    // ---- attachments ----

    /** Stores an evidence file for the record; a refused file leaves neither a row nor a file. */
    @Transactional
    public Attachment attach(DataScope scope, long recordId, MultipartFile file) {
        scope.requireWritable();
        LedgerRecord record = get(scope, recordId);
        Attachment stored = attachments.store(record.unitId(), scope.username(), file);
        store.attach(recordId, stored.getId(), clock.instant(), scope.username());
        return stored;
    }

    @Transactional
    void attach(DataScope scope, long recordId, Attachment stored) {
        store.attach(recordId, stored.getId(), clock.instant(), scope.username());
    }

    /**
     * Takes a file off a record (a wrong photo, or one to be replaced), with a reason, as a revision
     * of the record that names the file: nothing leaves the evidence silently. The stored file
     * itself is kept, as every stored evidence file is.
     */
    @Transactional
    public void detach(DataScope scope, long recordId, long attachmentId, String reason) {
        scope.requireWritable();
        LedgerRecord record = get(scope, recordId);
        String why = requireReason(reason);
        Attachment file = attachment(scope, attachmentId);
        if (!store.detach(recordId, attachmentId)) {
            throw new NotFoundException("Attachment", attachmentId);
        }
        // the revision's reason names the file: the history reads "移除附件 … 签到表.png：拍错了"
        store.addRevision(recordId, clock.instant(), scope.username(), "DETACH", file.getFileName() + "：" + why,
                snapshot(record));
    }

    public List<Attachment> attachments(DataScope scope, long recordId) {
        getIncludingDeleted(scope, recordId);
        return store.attachmentIds(recordId).stream().map(attachments::get).toList();
    }

    /** An attachment of a record the user may read; 404 for anything else. */
    public Attachment attachment(DataScope scope, long attachmentId) {
        long recordId = store.recordOfAttachment(attachmentId).orElseThrow(() -> new NotFoundException("Attachment", attachmentId));
        get(scope, recordId);
        return attachments.get(attachmentId);
    }

    // ---- people and choices ----

    /** Who to pre-fill a study session's attendance with. */
    public List<Person> suggestedAttendees(DataScope scope, long unitId, RecordKind kind) {
        OrgUnit unit = units.get(scope, unitId);
        return suggestions.orderedStream().map(s -> s.suggest(scope, unit, kind)).filter(l -> !l.isEmpty()).findFirst()
                .orElse(List.of());
    }

    /** People who may be chosen for a record of the unit: its own and, where the user sees it, its township's. */
    public List<Person> peopleFor(DataScope scope, long unitId) {
        OrgUnit unit = units.get(scope, unitId);
        List<Person> result = new ArrayList<>(people.peopleOf(scope, unit.getId()));
        units.townshipOf(unit).filter(t -> !t.getId().equals(unit.getId())).filter(scope::covers)
                .ifPresent(t -> result.addAll(people.peopleOf(scope, t.getId())));
        return result;
    }

    /** Any person's name, for showing a record the user may already read. */
    public String personName(Long personId) {
        if (personId == null) {
            return null;
        }
        try {
            return people.get(units.systemReader("person-names"), personId).getName();
        } catch (NotFoundException e) {
            return "#" + personId;
        }
    }
}
