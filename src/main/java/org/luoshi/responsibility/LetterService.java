package org.luoshi.responsibility;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.luoshi.evidence.Attachment;
import org.luoshi.evidence.AttachmentService;
import org.luoshi.ledger.LedgerKind;
import org.luoshi.ledger.LedgerStatistics;
import org.luoshi.ledger.Selection;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.luoshi.web.NotFoundException;
import org.luoshi.web.RuleViolationException;
import org.luoshi.web.StaleEditException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * 意识形态工作责任书: which villages and departments of a township signed this year's letter, and
 * the signing records with their scans. A village user sees their own unit's letter only.
 */
@Service
@Transactional(readOnly = true)
public class LetterService {

    private final LetterRepository letters;
    private final OrgUnitService units;
    private final Townships townships;
    private final AttachmentService attachments;
    private final Clock clock;
    private final LedgerStatistics ledger;

    LetterService(LetterRepository letters, OrgUnitService units, Townships townships, AttachmentService attachments, Clock clock,
            LedgerStatistics ledger) {
        this.ledger = ledger;
        this.clock = clock;
        this.letters = letters;
        this.units = units;
        this.townships = townships;
        this.attachments = attachments;
    }

    /**
     * Every active village and department of the township with its letter for the year, and how many
     * signed out of how many are due. A user below the township sees only the units in their scope.
     */
    public LetterStatus status(DataScope scope, long townshipId, int year) {
        OrgUnit township = readableTownship(scope, townshipId);
        Map<Long, ResponsibilityLetter> byUnit = letters.findByOrgUnitIdAndYear(townshipId, year).stream()
                .collect(Collectors.toMap(ResponsibilityLetter::getCounterpartUnitId, Function.identity()));
        List<LetterRow> rows = dueUnits(township).stream()
                .filter(scope::covers)
                .map(u -> row(u, byUnit.get(u.getId())))
                .toList();
        int signed = (int) rows.stream().filter(LetterRow::signed).count();
        return new LetterStatus(township.getId(), township.getName(), year, rows, signed, rows.size());
    }

    /**
     * 责任书签订率 of many townships at once (township id → signed and due), by the same rule as
     * {@link #status}: the township's own active villages and departments, and its signed letters with
     * them. Two queries however many townships, for the evaluation and the county ranking.
     */
    public Map<Long, LetterCount> counts(DataScope scope, java.util.Collection<Long> townshipIds, int year) {
        Map<Long, List<OrgUnit>> children = units.children(scope, townshipIds);
        java.util.Set<Long> signed = letters.findByOrgUnitIdInAndYear(townshipIds, year).stream()
                .filter(l -> l.getSignedOn() != null).map(ResponsibilityLetter::getCounterpartUnitId)
                .collect(Collectors.toSet());
        Map<Long, LetterCount> counts = new java.util.HashMap<>();
        for (Long township : townshipIds) {
            List<OrgUnit> due = children.getOrDefault(township, List.of()).stream().filter(LetterService::due).toList();
            counts.put(township, new LetterCount((int) due.stream().filter(u -> signed.contains(u.getId())).count(),
                    due.size()));
        }
        return counts;
    }

    /** Signed out of due letters of a township and year. */
    public record LetterCount(int signed, int due) {
    }

    /** Who signs a letter with the township each year: its own active villages and departments. */
    private static boolean due(OrgUnit unit) {
        return unit.isActive() && (unit.getKind() == OrgUnitKind.VILLAGE || unit.getKind() == OrgUnitKind.DEPARTMENT);
    }

    /** The township a user may read letters of: one in scope, or the one their own village belongs to. */
    public Optional<OrgUnit> defaultTownship(DataScope scope) {
        Optional<OrgUnit> first = townships.inScope(scope).stream().findFirst();
        return first.isPresent() ? first : units.townshipOf(units.getUnchecked(scope.unitId()));
    }

    public LetterRow row(DataScope scope, long townshipId, long counterpartId, int year) {
        OrgUnit township = readableTownship(scope, townshipId);
        OrgUnit counterpart = counterpart(scope, township, counterpartId);
        return row(counterpart, letters.findByCounterpartUnitIdAndYear(counterpartId, year).orElse(null));
    }

    /**
     * Records (or corrects) the signing of the letter for a counterpart and year, with an optional
     * scan; one letter per counterpart and year, so a second signing updates the first.
     */
    @Transactional
    public LetterRow sign(DataScope scope, LetterCommand command, MultipartFile scan) {
        return sign(scope, command, scan, null);
    }

    /**
     * As {@link #sign(DataScope, LetterCommand, MultipartFile)}, from the copy the user opened: its
     * version, or {@link #UNSIGNED} when there was no letter yet. A letter saved by someone else since is
     * refused ({@link StaleEditException}); null is not checked (an older API client).
     */
    @Transactional
    public LetterRow sign(DataScope scope, LetterCommand command, MultipartFile scan, Long expectedVersion) {
        Instant now = clock.instant();
        scope.requireWritable();
        OrgUnit township = townships.get(scope, command.townshipId());
        OrgUnit counterpart = counterpart(scope, township, command.counterpartUnitId());
        if (!datesValid(command.signedOn(), command.year())) {
            throw new RuleViolationException("responsibility.letter.signedOn.invalid", command.year());
        }
        Optional<ResponsibilityLetter> saved = letters.findByCounterpartUnitIdAndYear(counterpart.getId(), command.year());
        // two people recording the first signing at once: the second finds the first's letter and is told so
        saved.ifPresent(l -> StaleEditException.check(expectedVersion, l.getVersion(),
                () -> "签订日期 " + l.getSignedOn() + "，签订人“" + l.getSignerName() + "”"));
        ResponsibilityLetter letter = saved
                .orElseGet(() -> new ResponsibilityLetter(township.getId(), counterpart.getId(), command.year(), now));
        letter.sign(command.signedOn(), command.signerName(), command.note(), now);
        letters.save(letter);
        if (scan != null && !scan.isEmpty()) {
            letter.attachScan(attachments.store(township.getId(), scope.username(), scan).getId(), now);
        }
        return row(counterpart, letter);
    }

    /** One letter of a joint signing: its row on the form, the counterpart, who signed, the version opened. */
    public record BulkEntry(int row, long counterpartUnitId, String signerName, Long expectedVersion) {
    }

    /** A 会议 record of the township the letters may name as the meeting where they were signed. */
    public record MeetingOption(long id, LocalDate on, String title) {
    }

    /** The township's meetings (会议 in the ledger) of the year, newest first: where letters are signed. */
    public List<MeetingOption> meetingOptions(DataScope scope, long townshipId, int year) {
        OrgUnit township = townships.get(scope, townshipId);
        return ledger.rows(Selection.of(township.getPath(), LedgerKind.MEETING, LocalDate.of(year, 1, 1),
                        LocalDate.of(year, 12, 31)), List.of(), 500).stream()
                .sorted(java.util.Comparator.comparing(LedgerStatistics.RecordRow::occurredOn).reversed())
                .map(r -> new MeetingOption(r.id(), r.occurredOn(), r.title())).toList();
    }

    /** Who signed each counterpart's letter the year before (counterpart id → name): the likely signer again. */
    public Map<Long, String> lastSigners(DataScope scope, long townshipId, int year) {
        townships.get(scope, townshipId);
        return letters.findByOrgUnitIdAndYear(townshipId, year - 1).stream().filter(ResponsibilityLetter::isSigned)
                .collect(Collectors.toMap(ResponsibilityLetter::getCounterpartUnitId, ResponsibilityLetter::getSignerName,
                        (a, b) -> a));
    }

    /**
     * 集中签订: the letters of several villages and departments signed on one date at one meeting (a 会议
     * record of the township in the letter's year, optional), in one transaction. Each letter goes through
     * {@link #sign(DataScope, LetterCommand, MultipartFile, Long)} with the version the user opened; when
     * any is refused nothing is saved and every refusal is told beside its row ({@link LettersRefused}),
     * so that the user corrects or unchecks those rows and submits again, rather than having to find
     * out which half was saved.
     *
     * @return how many letters were signed
     */
    @Transactional
    public int signAll(DataScope scope, long townshipId, int year, LocalDate signedOn, Long meetingRecordId,
            List<BulkEntry> entries) {
        scope.requireWritable();
        townships.get(scope, townshipId);
        if (meetingRecordId != null && meetingOptions(scope, townshipId, year).stream()
                .noneMatch(m -> m.id() == meetingRecordId)) {
            throw RuleViolationException.at("meetingRecordId", "responsibility.letter.bulk.meetingOutside", year);
        }
        if (entries.isEmpty()) {
            throw new RuleViolationException("responsibility.letter.bulk.noneChosen");
        }
        List<org.luoshi.web.FieldRefusal.Message> refused = new java.util.ArrayList<>();
        Map<Integer, Long> current = new java.util.HashMap<>();
        for (BulkEntry e : entries) {
            String field = "rows[" + e.row() + "].signerName";
            try {
                String note = letters.findByCounterpartUnitIdAndYear(e.counterpartUnitId(), year)
                        .map(ResponsibilityLetter::getNote).orElse(null);
                LetterRow row = sign(scope, new LetterCommand(townshipId, e.counterpartUnitId(), year, signedOn,
                        e.signerName(), note), null, e.expectedVersion());
                letters.findById(row.letterId()).orElseThrow().atMeeting(meetingRecordId);
            } catch (StaleEditException stale) {
                refused.add(new org.luoshi.web.FieldRefusal.Message(field, stale.messageKey(), stale.args()));
                current.put(e.row(), stale.currentVersion());
            } catch (RuleViolationException refusal) {
                refused.add(new org.luoshi.web.FieldRefusal.Message(field, refusal.messageKey(), refusal.args()));
            }
        }
        if (!refused.isEmpty()) {
            throw new LettersRefused(refused, current);
        }
        return entries.size();
    }

    @Transactional
    public LetterRow attachScan(DataScope scope, long letterId, MultipartFile scan) {
        scope.requireWritable();
        ResponsibilityLetter letter = letters.findById(letterId).orElseThrow(() -> new NotFoundException("Letter", letterId));
        OrgUnit township = townships.get(scope, letter.getOrgUnitId());
        letter.attachScan(attachments.store(township.getId(), scope.username(), scan).getId(), clock.instant());
        return row(units.get(scope, letter.getCounterpartUnitId()), letter);
    }

    /** The scan of a letter the user may see; 404 for any other letter or a letter without scan. */
    public Attachment scan(DataScope scope, long letterId) {
        ResponsibilityLetter letter = letters.findById(letterId).orElseThrow(() -> new NotFoundException("Letter", letterId));
        OrgUnit counterpart = units.getUnchecked(letter.getCounterpartUnitId());
        if (!scope.covers(counterpart) || letter.getAttachmentId() == null) {
            throw new NotFoundException("Letter", letterId);
        }
        return attachments.get(letter.getAttachmentId());
    }

    /** What is wrong with a signing date, if anything: in the future, or outside the letter's year. */
    Optional<DateProblem> dateProblem(LocalDate signedOn, Integer year) {
        if (signedOn == null || year == null) {
            return Optional.empty();
        }
        if (signedOn.isAfter(townships.today())) {
            return Optional.of(new DateProblem("responsibility.letter.signedOn.future", new Object[0]));
        }
        if (signedOn.getYear() != year) {
            return Optional.of(new DateProblem("responsibility.letter.signedOn.outsideYear", new Object[] {year}));
        }
        return Optional.empty();
    }

    /** A message key and its arguments, reported as a field error on {@code signedOn}. */
    record DateProblem(String code, Object[] args) {
    }

    private boolean datesValid(LocalDate signedOn, int year) {
        return signedOn != null && !signedOn.isAfter(townships.today()) && signedOn.getYear() == year;
    }

    private OrgUnit readableTownship(DataScope scope, long townshipId) {
        OrgUnit township = units.getUnchecked(townshipId);
        boolean above = scope.covers(township);
        boolean below = scope.unitPath().startsWith(township.getPath());
        if (township.getKind() != OrgUnitKind.TOWNSHIP || !(above || below)) {
            throw new NotFoundException("Township", townshipId);
        }
        return township;
    }

    /** A village or department directly under the township, active and in scope. */
    private OrgUnit counterpart(DataScope scope, OrgUnit township, long counterpartId) {
        OrgUnit unit = units.get(scope, counterpartId);
        if (!township.getId().equals(unit.getParentId()) || !unit.isActive()
                || (unit.getKind() != OrgUnitKind.VILLAGE && unit.getKind() != OrgUnitKind.DEPARTMENT)) {
            throw new RuleViolationException("responsibility.letter.counterpartOutside", unit.getName(), township.getName());
        }
        return unit;
    }

    private List<OrgUnit> dueUnits(OrgUnit township) {
        // A village user may read their own row of the township's list; status() filters the rows by
        // the caller's scope, so listing the township's children with a read-only scope reveals nothing more.
        DataScope reader = DataScope.readOnly("letters", township);
        return units.children(reader, township.getId()).stream().filter(LetterService::due).toList();
    }

    private static LetterRow row(OrgUnit unit, ResponsibilityLetter letter) {
        if (letter == null) {
            return new LetterRow(unit.getId(), unit.getName(), unit.getKind(), null, null, null, false, null, UNSIGNED, null);
        }
        return new LetterRow(unit.getId(), unit.getName(), unit.getKind(), letter.getId(), letter.getSignedOn(),
                letter.getSignerName(), letter.getAttachmentId() != null, letter.getNote(), letter.getVersion(),
                letter.getMeetingRecordId());
    }

    /** The version of a letter not yet recorded: saving over a letter recorded since is a stale save. */
    public static final long UNSIGNED = -1;

    /**
     * @param version the letter's version, or {@link #UNSIGNED}; sent back with a change
     * @param meetingRecordId the ledger's record of the meeting where it was signed, if one was named
     */
    public record LetterRow(long counterpartId, String counterpartName, OrgUnitKind kind, Long letterId,
            LocalDate signedOn, String signerName, boolean hasScan, String note, long version, Long meetingRecordId) {

        public boolean signed() {
            return signedOn != null;
        }
    }

    /** Letters of a township for a year: the rows, and signed out of due. */
    public record LetterStatus(long townshipId, String townshipName, int year, List<LetterRow> rows, int signed, int due) {

        public List<LetterRow> unsigned() {
            return rows.stream().filter(r -> !r.signed()).toList();
        }
    }

    public record LetterCommand(long townshipId, long counterpartUnitId, int year, LocalDate signedOn, String signerName,
            String note) {
    }
}
