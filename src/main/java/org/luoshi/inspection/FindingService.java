package org.luoshi.inspection;

import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.luoshi.evidence.Attachment;
import org.luoshi.evidence.AttachmentService;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.luoshi.org.Person;
import org.luoshi.org.Post;
import org.luoshi.org.PostKind;
import org.luoshi.org.PostService;
import org.luoshi.web.NotFoundException;
import org.luoshi.web.RuleViolationException;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Findings and their rectification. Every change goes through here, is checked against the state
 * machine in {@link Finding}, the caller's scope and role, and is written to the timeline.
 * Other modules raise findings (a red indicator, a venue fault) with {@link #raiseFinding}.
 */
@Service
@Transactional(readOnly = true)
public class FindingService {

    /** The timeline entries that are rectification work, as opposed to raising or re-checking. */
    private static final java.util.Set<RectificationEvent.Action> REWORK_ACTIONS = java.util.EnumSet.of(
            RectificationEvent.Action.PLANNED, RectificationEvent.Action.STARTED, RectificationEvent.Action.NOTE,
            RectificationEvent.Action.EVIDENCE, RectificationEvent.Action.SUBMITTED);

    /** Rows fetched per query when exporting; package-private so a test can page through a few rows. */
    int exportPageSize = 1_000;

    private final FindingRepository findings;
    private final EvidenceRepository evidence;
    private final RectificationEventRepository events;
    private final OrgUnitService units;
    private final PostService posts;
    private final AttachmentService attachments;
    private final Notifications notifications;
    private final OverdueRule overdue;
    private final Clock clock;
    private final MessageSource messages;
    private final LedgerLinks ledgerLinks;

    FindingService(FindingRepository findings, EvidenceRepository evidence, RectificationEventRepository events,
            OrgUnitService units, PostService posts, AttachmentService attachments, Notifications notifications,
            OverdueRule overdue, Clock clock, MessageSource messages, LedgerLinks ledgerLinks) {
        this.ledgerLinks = ledgerLinks;
        this.findings = findings;
        this.evidence = evidence;
        this.events = events;
        this.units = units;
        this.posts = posts;
        this.attachments = attachments;
        this.notifications = notifications;
        this.overdue = overdue;
        this.clock = clock;
        this.messages = messages;
    }

    /**
     * Raises a finding on behalf of the system (a red indicator, a venue fault …): it becomes one
     * rectification task, owned by the post, raised by the unit's upper level.
     *
     * @param ownerPostId a post of the unit or of a unit above it (not the county)
     * @param reference free text pointing at the origin, e.g. an indicator code and period
     * @return the id of the new finding
     */
    @Transactional
    public long raiseFinding(FindingSource source, long unitId, String title, String detail, long ownerPostId,
            LocalDate deadline, String reference) {
        return raise(source, unitId, title, detail, ownerPostId, deadline, reference, null).getId();
    }

    /**
     * Like {@link #raiseFinding(FindingSource, long, String, String, long, LocalDate, String)}, at most
     * once per origin: when a finding with {@code originKey} exists already, nothing is raised.
     *
     * @param originKey what the finding comes from, e.g. {@code IND:12:ZZ-02:2026-H1}; unique, at most 120 characters
     * @return the id of the new finding, or empty if the origin has its finding already
     */
    @Transactional
    public Optional<Long> raiseFinding(FindingSource source, long unitId, String title, String detail, long ownerPostId,
            LocalDate deadline, String reference, String originKey) {
        if (findings.existsByOriginKey(originKey)) {
            return Optional.empty();
        }
        return Optional.of(raise(source, unitId, title, detail, ownerPostId, deadline, reference, originKey).getId());
    }

    private Finding raise(FindingSource source, long unitId, String title, String detail, long ownerPostId,
            LocalDate deadline, String reference, String originKey) {
        DataScope system = units.systemScope("system-findings");
        OrgUnit unit = units.getUnchecked(unitId);
        long raiser = unit.getParentId() == null ? unit.getId() : unit.getParentId();
        FindingCategory category = source == FindingSource.VENUE_FAULT ? FindingCategory.POSITION : FindingCategory.OTHER;
        return create(system, source, category, unit, raiser, title, detail, ownerPostId, deadline, "system", null,
                null, reference, null, originKey);
    }

    /** Creates a finding and its task; the owner post must belong to the unit or a unit above it. */
    @Transactional
    Finding create(DataScope scope, FindingSource source, FindingCategory category, OrgUnit unit, long raisedByUnitId,
            String title, String detail, long ownerPostId, LocalDate deadline, String username, Long inspectionId,
            Long itemId, String reference, Long referencedFindingId) {
        return create(scope, source, category, unit, raisedByUnitId, title, detail, ownerPostId, deadline, username,
                inspectionId, itemId, reference, referencedFindingId, null);
    }

    private Finding create(DataScope scope, FindingSource source, FindingCategory category, OrgUnit unit,
            long raisedByUnitId, String title, String detail, long ownerPostId, LocalDate deadline, String username,
            Long inspectionId, Long itemId, String reference, Long referencedFindingId, String originKey) {
        checkOwner(scope, unit, ownerPostId);
        Finding finding = new Finding(source, category == null ? FindingCategory.OTHER : category, unit.getId(),
                raisedByUnitId, title, detail, ownerPostId, deadline, username, clock.instant());
        finding.origin(inspectionId, itemId, reference, referencedFindingId);
        finding.originKey(originKey);
        findings.save(finding);
        record(finding, RectificationEvent.Action.RAISED, null, RectificationState.OPEN, detail, username);
        notifyOwner(finding, "inspection.notify.raised", finding.getTitle(), finding.getDeadline());
        return finding;
    }

    /**
     * Findings of a unit's subtree raised in [from, to), open and closed, for reports. The unit
     * must be in the caller's scope (404 otherwise).
     */
    public java.util.List<FindingSummary> summaries(DataScope scope, long unitId, LocalDate from, LocalDate to) {
        OrgUnit unit = units.get(scope, unitId);
        java.time.Instant start = from.atStartOfDay(clock.getZone()).toInstant();
        java.time.Instant end = to.atStartOfDay(clock.getZone()).toInstant();
        List<Long> subtree = units.unitIds(unit.getPath(), false);
        Specification<Finding> spec = (root, query, cb) -> {
            return cb.and(root.get("unitId").in(subtree), cb.greaterThanOrEqualTo(root.get("raisedAt"), start),
                    cb.lessThan(root.get("raisedAt"), end));
        };
        return rows(findings.findAll(spec, Sort.by("raisedAt", "id"))).stream().map(r -> {
            Finding f = r.finding();
            return new FindingSummary(f.getId(), f.getSource().name(), f.getCategory().name(), f.getUnitId(),
                    r.unitName(), f.getTitle(), f.getDetail(), f.getMeasures(), f.getState().name(), f.getDeadline(),
                    r.urgency() == Urgency.OVERDUE, f.getRaisedAt(),
                    f.getState() == RectificationState.PASSED ? f.getRecheckedAt() : null, r.ownerTitle(), r.holderName(),
                    f.getInspectionId());
        }).toList();
    }

    Finding get(Actor actor, long id) {
        Finding finding = findings.findById(id).orElseThrow(() -> new NotFoundException("Finding", id));
        units.get(actor.scope(), finding.getUnitId());
        return finding;
    }

    FindingRow row(Actor actor, long id) {
        return rows(List.of(get(actor, id))).get(0);
    }

    /**
     * One keyset page of findings, by deadline then id: the next page starts after the last row of
     * this one, so a list of thousands costs the same on every page (no offset to skip).
     */
    FindingPage search(Actor actor, FindingFilter filter, String cursor, int size) {
        int limit = Math.max(1, Math.min(size, FindingPage.MAX_SIZE));
        FindingPage.Key after = FindingPage.Key.parse(cursor);
        Specification<Finding> spec = spec(actor, filter);
        if (after != null) {
            spec = spec.and((root, query, cb) -> cb.or(cb.greaterThan(root.get("deadline"), after.deadline()),
                    cb.and(cb.equal(root.get("deadline"), after.deadline()), cb.greaterThan(root.get("id"), after.id()))));
        }
        List<Finding> found = findings.findBy(spec, q -> q.sortBy(Sort.by("deadline", "id")).limit(limit + 1).all());
        String next = null;
        if (found.size() > limit) {
            found = found.subList(0, limit);
            Finding last = found.get(limit - 1);
            next = new FindingPage.Key(last.getDeadline(), last.getId()).toString();
        }
        return new FindingPage(rows(found), next, cursor != null && !cursor.isBlank());
    }

    /**
     * The first findings (by deadline) whose title contains the text, in the scope: the header's search
     * across modules, whose "更多" opens the findings list with the same {@code q}.
     */
    public List<FindingHit> searchTitles(DataScope scope, String q, int limit) {
        Actor reader = new Actor(scope, "");
        return search(reader, FindingFilter.titled(q), null, limit).rows().stream()
                .map(r -> new FindingHit(r.finding().getId(), r.finding().getTitle(), r.unitName(), r.finding().getDeadline(),
                        r.finding().getState().name()))
                .toList();
    }

    /** How many findings match the filter, shown above the keyset pages. */
    long count(Actor actor, FindingFilter filter) {
        return findings.count(spec(actor, filter));
    }

    /**
     * Every finding of the filter, by unit, deadline and id, handed over one keyset page at a time so
     * that an export has no row limit and never holds the whole list.
     */
    void exportPages(Actor actor, FindingFilter filter, PageConsumer consumer) throws java.io.IOException {
        Specification<Finding> base = spec(actor, filter);
        Finding last = null;
        while (true) {
            Specification<Finding> spec = base;
            if (last != null) {
                long unitId = last.getUnitId();
                LocalDate deadline = last.getDeadline();
                long id = last.getId();
                spec = spec.and((root, query, cb) -> cb.or(cb.greaterThan(root.get("unitId"), unitId),
                        cb.and(cb.equal(root.get("unitId"), unitId), cb.or(cb.greaterThan(root.get("deadline"), deadline),
                                cb.and(cb.equal(root.get("deadline"), deadline), cb.greaterThan(root.get("id"), id))))));
            }
            List<Finding> page = findings.findBy(spec,
                    q -> q.sortBy(Sort.by("unitId", "deadline", "id")).limit(exportPageSize).all());
            if (page.isEmpty()) {
                return;
            }
            consumer.accept(rows(page));
            if (page.size() < exportPageSize) {
                return;
            }
            last = page.get(page.size() - 1);
        }
    }

    /** Receives one page of an export. */
    interface PageConsumer {
        void accept(List<FindingRow> rows) throws java.io.IOException;
    }

    List<FindingRow> ofInspection(Actor actor, long inspectionId) {
        return rows(findings.findByInspectionIdOrderByIdAsc(inspectionId).stream()
                .filter(f -> actor.scope().covers(units.getUnchecked(f.getUnitId()))).toList());
    }

    List<RectificationEvent> timeline(Actor actor, long id) {
        get(actor, id);
        return events.findByFindingIdOrderByOccurredAtAscIdAsc(id);
    }

    List<EvidenceView> evidence(Actor actor, long id) {
        get(actor, id);
        return evidence.findByFindingIdOrderByIdAsc(id).stream()
                .map(e -> new EvidenceView(e, e.getAttachmentId() == null ? null : attachments.get(e.getAttachmentId())))
                .toList();
    }

    Attachment attachment(Actor actor, long findingId, long evidenceId) {
        get(actor, findingId);
        Evidence e = evidence.findById(evidenceId).filter(x -> x.getFindingId() == findingId && x.getAttachmentId() != null)
                .orElseThrow(() -> new NotFoundException("Evidence", evidenceId));
        return attachments.get(e.getAttachmentId());
    }

    /** Rectification work (plan, notes, evidence, submit) is the unit's own: writing roles only. */
    boolean mayWork(Actor actor, Finding finding) {
        return actor.scope().writable() && !finding.isLocked() && finding.getState() != RectificationState.SUBMITTED;
    }

    /** Only the upper level re-checks, and never anyone who worked on the rectification. */
    boolean mayRecheck(Actor actor, Finding finding) {
        return actor.supervises() && finding.getState() == RectificationState.SUBMITTED
                && !actor.username().equals(finding.getSubmittedBy()) && !workedOn(actor, finding)
                && isUpperLevel(actor, finding);
    }

    /**
     * Whether the actor appears in the task's timeline as author of rectification work (plan, start,
     * progress note, evidence, submission): the re-check is a second pair of eyes, so none of them may do it.
     */
    private boolean workedOn(Actor actor, Finding finding) {
        return events.existsByFindingIdAndActorAndActionIn(finding.getId(), actor.username(), REWORK_ACTIONS);
    }

    @Transactional
    Finding plan(Actor actor, long id, long ownerPostId, LocalDate deadline, String measures, String reason,
            Long expectedVersion) {
        actor.requireWritable();
        Finding finding = get(actor, id);
        finding.requireEditable();
        org.luoshi.web.StaleEditException.check(expectedVersion, finding.getVersion(), () -> "整改期限 "
                + finding.getDeadline() + (finding.getMeasures() == null ? "" : "，整改措施“" + finding.getMeasures() + "”"));
        OrgUnit unit = units.getUnchecked(finding.getUnitId());
        checkOwner(actor.scope(), unit, ownerPostId);
        boolean deadlineMoved = !deadline.equals(finding.getDeadline());
        if (deadlineMoved && (reason == null || reason.isBlank())) {
            throw new RuleViolationException("inspection.rectification.reasonForDeadline");
        }
        StringBuilder note = new StringBuilder();
        if (deadlineMoved) {
            note.append(msg("inspection.event.deadlineMoved", finding.getDeadline(), deadline)).append(' ');
        }
        if (ownerPostId != finding.getOwnerPostId()) {
            note.append(msg("inspection.event.ownerChanged", postTitle(finding.getOwnerPostId()), postTitle(ownerPostId)))
                    .append(' ');
        }
        if (reason != null && !reason.isBlank()) {
            note.append(reason.strip());
        }
        finding.plan(ownerPostId, deadline, blankToNull(measures), clock.instant());
        if (deadlineMoved) {
            finding.warned(Urgency.NONE);
        }
        record(finding, RectificationEvent.Action.PLANNED, finding.getState(), finding.getState(),
                note.toString().strip(), actor.username());
        return finding;
    }

    @Transactional
    Finding start(Actor actor, long id, String note) {
        actor.requireWritable();
        Finding finding = get(actor, id);
        RectificationState from = finding.getState();
        finding.start(clock.instant());
        record(finding, RectificationEvent.Action.STARTED, from, finding.getState(), blankToNull(note), actor.username());
        return finding;
    }

    @Transactional
    Finding note(Actor actor, long id, String note) {
        actor.requireWritable();
        Finding finding = get(actor, id);
        finding.requireEditable();
        record(finding, RectificationEvent.Action.NOTE, finding.getState(), finding.getState(), note.strip(),
                actor.username());
        return finding;
    }

    @Transactional
    Evidence addAttachment(Actor actor, long id, MultipartFile file) {
        actor.requireWritable();
        Finding finding = get(actor, id);
        finding.requireEditable();
        return attach(actor, finding, attachments.store(finding.getUnitId(), actor.username(), file));
    }

    /** Evidence from a stream (start-up jobs, imports). */
    @Transactional
    Evidence addAttachment(Actor actor, long id, String fileName, java.io.InputStream content) throws java.io.IOException {
        actor.requireWritable();
        Finding finding = get(actor, id);
        finding.requireEditable();
        return attach(actor, finding, attachments.store(finding.getUnitId(), actor.username(), fileName, content));
    }

    private Evidence attach(Actor actor, Finding finding, Attachment stored) {
        long id = finding.getId();
        Evidence e = evidence.save(new Evidence(id, stored.getId(), null, actor.username(), clock.instant()));
        record(finding, RectificationEvent.Action.EVIDENCE, finding.getState(), finding.getState(), stored.getFileName(),
                actor.username());
        return e;
    }

    @Transactional
    Evidence addLedgerRecord(Actor actor, long id, long ledgerRecordId) {
        actor.requireWritable();
        Finding finding = get(actor, id);
        finding.requireEditable();
        ledgerLinks.check(actor.scope(), ledgerRecordId);
        Evidence e = evidence.save(new Evidence(id, null, ledgerRecordId, actor.username(), clock.instant()));
        record(finding, RectificationEvent.Action.EVIDENCE, finding.getState(), finding.getState(),
                msg("inspection.event.ledgerRecord", ledgerRecordId), actor.username());
        return e;
    }

    @Transactional
    Finding submit(Actor actor, long id, String note) {
        actor.requireWritable();
        Finding finding = get(actor, id);
        if (finding.getState() == RectificationState.IN_PROGRESS && evidence.countByFindingId(id) == 0) {
            throw new RuleViolationException("inspection.rectification.evidenceRequired");
        }
        RectificationState from = finding.getState();
        finding.submit(actor.username(), clock.instant());
        record(finding, RectificationEvent.Action.SUBMITTED, from, finding.getState(), note.strip(), actor.username());
        OrgUnit raiser = units.getUnchecked(finding.getRaisedByUnitId());
        notifications.notify(raiser.getId(), officeRole(raiser),
                msgZh("inspection.notify.submitted", unitName(finding.getUnitId()), finding.getTitle()), link(finding));
        return finding;
    }

    @Transactional
    Finding recheck(Actor actor, long id, boolean passed, String reason) {
        actor.requireSupervisor();
        Finding finding = get(actor, id);
        if (finding.getState() == RectificationState.SUBMITTED) {
            if (actor.username().equals(finding.getSubmittedBy())) {
                throw new RuleViolationException("inspection.recheck.own");
            }
            if (workedOn(actor, finding)) {
                throw new RuleViolationException("inspection.recheck.workedOn");
            }
            if (!isUpperLevel(actor, finding)) {
                throw new RuleViolationException("inspection.recheck.notUpperLevel");
            }
        }
        RectificationState from = finding.getState();
        finding.recheck(passed, actor.username(), clock.instant());
        record(finding, passed ? RectificationEvent.Action.PASSED : RectificationEvent.Action.FAILED, from,
                finding.getState(), reason.strip(), actor.username());
        notifyOwner(finding, passed ? "inspection.notify.passed" : "inspection.notify.failed", finding.getTitle(),
                reason.strip());
        return finding;
    }

    /** A locked task stays as it is; a problem found again later is a new finding that points at it. */
    @Transactional
    Finding followUp(Actor actor, long id, String title, String detail, LocalDate deadline) {
        actor.requireSupervisor();
        Finding old = get(actor, id);
        if (!isUpperLevel(actor, old) && !actor.scope().writable()) {
            throw new org.springframework.security.access.AccessDeniedException("not upper level");
        }
        OrgUnit unit = units.getUnchecked(old.getUnitId());
        return create(actor.scope(), FindingSource.OTHER, old.getCategory(), unit, actor.scope().unitId(), title, detail,
                old.getOwnerPostId(), deadline, actor.username(), null, old.getItemId(), null, old.getId());
    }

    FindingCounts counts(Actor actor) {
        long open = 0;
        long overdueCount = 0;
        long near = 0;
        long submitted = 0;
        for (Object[] r : findings.countByUnitAndState(units.unitIds(actor.scope().unitPath(), false), overdue.today(),
                overdue.nearUntil())) {
            RectificationState state = (RectificationState) r[1];
            if (state != RectificationState.PASSED) {
                open += ((Number) r[2]).longValue();
            }
            if (state == RectificationState.SUBMITTED) {
                submitted += ((Number) r[2]).longValue();
            }
            overdueCount += r[3] == null ? 0 : ((Number) r[3]).longValue();
            near += r[4] == null ? 0 : ((Number) r[4]).longValue();
        }
        return new FindingCounts(open, overdueCount, near, submitted);
    }

    /**
     * Rates per unit one level below the user (townships for the county, villages and departments
     * for a township), plus the user's own unit for the findings raised on it directly.
     */
    List<UnitRate> rates(Actor actor) {
        OrgUnit own = units.get(actor.scope(), actor.scope().unitId());
        List<OrgUnit> buckets = new ArrayList<>();
        buckets.add(own);
        buckets.addAll(units.children(actor.scope(), own.getId()));
        Map<Long, String> paths = units.tree(actor.scope()).stream()
                .collect(Collectors.toMap(OrgUnit::getId, OrgUnit::getPath));
        Map<Long, long[]> sums = new LinkedHashMap<>();
        buckets.forEach(b -> sums.put(b.getId(), new long[4]));
        // the units of the tree are the scope's subtree: their ids limit the counts
        for (Object[] r : findings.countByUnitAndState(paths.keySet(), overdue.today(), overdue.nearUntil())) {
            String path = paths.get((Long) r[0]);
            if (path == null) {
                continue;
            }
            OrgUnit bucket = buckets.stream().skip(1).filter(b -> path.startsWith(b.getPath())).findFirst().orElse(own);
            long[] s = sums.get(bucket.getId());
            long n = ((Number) r[2]).longValue();
            s[0] += n;
            if (r[1] == RectificationState.PASSED) {
                s[1] += n;
            } else {
                s[2] += n;
            }
            s[3] += r[3] == null ? 0 : ((Number) r[3]).longValue();
        }
        return buckets.stream().map(b -> {
            long[] s = sums.get(b.getId());
            return new UnitRate(b.getId(), b.getName(), s[0], s[1], s[2], s[3]);
        }).filter(r -> r.unitId() != own.getId() || r.total() > 0).toList();
    }

    /** One township's overdue rectifications (its villages' included); {@code unitId} null for those raised above townships. */
    record OverdueAt(Long unitId, String unitName, long overdue) {
    }

    /**
     * Overdue rectifications (past their deadline by the business clock, not passed) of the user's
     * subtree by township, most first, townships without any left out; findings on units above the
     * townships (a county's own department) are summed in one row with a null unit. One grouped query.
     */
    List<OverdueAt> overdueByTownship(Actor actor) {
        List<OrgUnit> townships = units.ofKind(actor.scope(), OrgUnitKind.TOWNSHIP);
        Map<Long, String> paths = units.tree(actor.scope()).stream()
                .collect(Collectors.toMap(OrgUnit::getId, OrgUnit::getPath));
        Map<Long, Long> byTownship = new HashMap<>();
        long above = 0;
        for (Object[] r : findings.countByUnitAndState(paths.keySet(), overdue.today(), overdue.nearUntil())) {
            long n = r[3] == null ? 0 : ((Number) r[3]).longValue();
            String path = paths.get((Long) r[0]);
            if (n == 0 || path == null) {
                continue;
            }
            Optional<OrgUnit> township = townships.stream().filter(t -> path.startsWith(t.getPath())).findFirst();
            if (township.isPresent()) {
                byTownship.merge(township.get().getId(), n, Long::sum);
            } else {
                above += n;
            }
        }
        List<OverdueAt> rows = new ArrayList<>(townships.stream().filter(t -> byTownship.containsKey(t.getId()))
                .map(t -> new OverdueAt(t.getId(), t.getName(), byTownship.get(t.getId()))).toList());
        rows.sort(java.util.Comparator.comparingLong(OverdueAt::overdue).reversed()
                .thenComparing(OverdueAt::unitName));
        if (above > 0) {
            rows.add(new OverdueAt(null, null, above));
        }
        return rows;
    }

    Urgency urgency(Finding finding) {
        return overdue.urgency(finding);
    }

    /** Posts that may own a finding of this unit: the unit's own and those of the units above it up to the township. */
    List<Post> ownerCandidates(Actor actor, long unitId) {
        OrgUnit unit = units.get(actor.scope(), unitId);
        List<Post> result = new ArrayList<>();
        OrgUnit current = unit;
        while (current != null && current.getKind() != OrgUnitKind.COUNTY) {
            result.addAll(posts.postsOf(units.systemReader("finding-owners"), current.getId()));
            current = current.getParentId() == null ? null : units.getUnchecked(current.getParentId());
        }
        return result;
    }

    /** The current holders of posts, for showing "宣传委员（张建国）". */
    Map<Long, Person> holders(List<Long> postIds) {
        return posts.currentHolders(postIds);
    }

    private boolean isUpperLevel(Actor actor, Finding finding) {
        OrgUnit unit = units.getUnchecked(finding.getUnitId());
        return actor.scope().covers(unit) && !unit.getPath().equals(actor.scope().unitPath());
    }

    private void checkOwner(DataScope scope, OrgUnit unit, long ownerPostId) {
        Post post = posts.get(units.systemReader("finding-owners"), ownerPostId);
        OrgUnit postUnit = units.getUnchecked(post.getOrgUnitId());
        // a finding is owned at the township or below, never by a county, city or province post
        if (!unit.getPath().startsWith(postUnit.getPath()) || postUnit.getKind().oversees()
                || !(scope.covers(postUnit) || scope.covers(unit))) {
            throw new RuleViolationException("inspection.finding.ownerNotInUnit");
        }
    }

    private Specification<Finding> spec(Actor actor, FindingFilter filter) {
        String path = filter.unitId() == null ? actor.scope().unitPath()
                : units.get(actor.scope(), filter.unitId()).getPath();
        // the subtree's unit ids from org (which alone reads its table), not a subquery on OrgUnit
        List<Long> subtree = units.unitIds(path, false);
        LocalDate today = overdue.today();
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(root.get("unitId").in(subtree));
            if (filter.source() != null) {
                where.add(cb.equal(root.get("source"), filter.source()));
            }
            if (filter.category() != null) {
                where.add(cb.equal(root.get("category"), filter.category()));
            }
            if (filter.state() != null) {
                where.add(cb.equal(root.get("state"), filter.state()));
            }
            if (filter.q() != null && !filter.q().isBlank()) {
                // a title holds the finding's words; its detail may be long and is not searched
                String text = filter.q().strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\")
                        .replace("%", "\\%").replace("_", "\\_");
                where.add(cb.like(cb.lower(root.get("title")), "%" + text + "%", '\\'));
            }
            if (filter.overdue() != null) {
                Predicate late = cb.and(cb.notEqual(root.get("state"), RectificationState.PASSED),
                        cb.lessThan(root.get("deadline"), today));
                where.add(filter.overdue() ? late : cb.not(late));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    private List<FindingRow> rows(List<Finding> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Map<Long, String> unitNames = new HashMap<>();
        Map<Long, String> postTitles = new HashMap<>();
        List<Long> postIds = list.stream().map(Finding::getOwnerPostId).distinct().toList();
        Map<Long, Person> holders = posts.currentHolders(postIds);
        return list.stream().map(f -> new FindingRow(f,
                unitNames.computeIfAbsent(f.getUnitId(), this::unitName),
                postTitles.computeIfAbsent(f.getOwnerPostId(), this::postTitle),
                Optional.ofNullable(holders.get(f.getOwnerPostId())).map(Person::getName).orElse(null),
                overdue.urgency(f))).toList();
    }

    private String unitName(long unitId) {
        return units.getUnchecked(unitId).getName();
    }

    private String postTitle(long postId) {
        return posts.get(units.systemReader("finding-owners"), postId).getTitle();
    }

    private void record(Finding finding, RectificationEvent.Action action, RectificationState from,
            RectificationState to, String note, String username) {
        events.save(new RectificationEvent(finding.getId(), action, from, to, note, username, clock.instant()));
    }

    /** Tells the owner's unit and the responsible leader (the township's 党委书记 post) about a task. */
    @Transactional
    void notifyOwner(Finding finding, String key, Object... args) {
        OrgUnit unit = units.getUnchecked(finding.getUnitId());
        String holder = posts.currentHolder(finding.getOwnerPostId()).map(Person::getName).orElse("");
        String owner = postTitle(finding.getOwnerPostId()) + (holder.isEmpty() ? "" : "（" + holder + "）");
        Object[] full = new Object[args.length + 2];
        full[0] = unit.getName();
        full[1] = owner;
        System.arraycopy(args, 0, full, 2, args.length);
        String text = msgZh(key, full);
        notifications.notify(unit.getId(), officeRole(unit), text, link(finding));
        units.townshipOf(unit).ifPresent(township -> {
            String leader = posts.postsOf(units.systemReader("finding-owners"), township.getId()).stream()
                    .filter(p -> p.getKind() == PostKind.SECRETARY).findFirst()
                    .flatMap(p -> posts.currentHolder(p.getId())).map(Person::getName).orElse("");
            notifications.notify(township.getId(), Actor.TOWNSHIP_LEADER,
                    (leader.isEmpty() ? "" : leader + "：") + text, link(finding));
        });
    }

    static String officeRole(OrgUnit unit) {
        return switch (unit.getKind()) {
            case PROVINCE, CITY, COUNTY -> Actor.COUNTY_REVIEWER;
            case TOWNSHIP -> Actor.TOWNSHIP_OFFICER;
            case VILLAGE, DEPARTMENT -> Actor.VILLAGE_CLERK;
        };
    }

    static String link(Finding finding) {
        return "/inspection/findings/" + finding.getId();
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    /** Notifications are stored as text, in Chinese, whoever triggered them. */
    private String msgZh(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
