package org.luoshi.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.luoshi.web.NotFoundException;
import org.luoshi.web.RuleViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drafting, editing, versions and the submission workflow of reports. Every method takes the
 * caller's scope first; a report outside it, or a draft seen by the county, is 404.
 */
@Service
@Transactional
class ReportService {

    private final ReportRepository reports;
    private final ReportVersionRepository versions;
    private final ReportEventRepository events;
    private final OrgUnitService units;
    private final ReportFigures figures;
    private final ObjectMapper json;
    private final Clock clock;
    private final org.luoshi.inspection.Notifications notifications;
    private final org.springframework.context.MessageSource messages;
    private final ReportSources sources;
    private final org.springframework.context.ApplicationEventPublisher published;

    ReportService(ReportRepository reports, ReportVersionRepository versions, ReportEventRepository events,
            OrgUnitService units, ReportFigures figures, ObjectMapper json, Clock clock, org.luoshi.inspection.Notifications notifications, org.springframework.context.MessageSource messages,
            ReportSources sources, org.springframework.context.ApplicationEventPublisher published) {
        this.published = published;
        this.sources = sources;
        this.messages = messages;
        this.notifications = notifications;
        this.clock = clock;
        this.reports = reports;
        this.versions = versions;
        this.events = events;
        this.units = units;
        this.figures = figures;
        this.json = json;
    }

    /** Who is asking: their scope, and whether they review for the county (they never see drafts). */
    record Viewer(DataScope scope) {

        /** Reads as the reviewer of the reports sent up (the right, from the role table). */
        boolean reviewer() {
            return scope.may(org.luoshi.org.Permission.REPORT_REVIEW);
        }

        String username() {
            return scope.username();
        }
    }

    @Transactional(readOnly = true)
    public List<Report> list(Viewer viewer) {
        List<Long> ids = units.tree(viewer.scope()).stream().map(OrgUnit::getId).toList();
        List<Report> all = reports.findByOrgUnitIdInOrderByYearDescIdDesc(ids);
        return viewer.reviewer() ? all.stream().filter(r -> r.getStatus() != ReportStatus.DRAFT).toList() : all;
    }

    /** Submissions waiting for the county, newest first. */
    @Transactional(readOnly = true)
    public List<Report> inbox(Viewer viewer, boolean all) {
        List<Long> ids = units.tree(viewer.scope()).stream().map(OrgUnit::getId).toList();
        return reports.findByOrgUnitIdInAndStatusInOrderByUpdatedAtDesc(ids, all
                ? EnumSet.of(ReportStatus.SUBMITTED, ReportStatus.RETURNED, ReportStatus.ACCEPTED)
                : EnumSet.of(ReportStatus.SUBMITTED));
    }

    /** The annual reports every township sends each year (the self-inspection report answers a directive instead). */
    static final java.util.Set<ReportKind> ANNUAL = EnumSet.of(ReportKind.RESPONSIBILITY, ReportKind.PROPAGANDA_SUMMARY);

    /** A township of the viewer's subtree and the annual reports it has not sent for the year. */
    record Unreported(OrgUnit township, List<ReportKind> missing) {
    }

    /**
     * The active townships of the viewer's subtree that have not sent every annual report of the year.
     * Sent means with the county or accepted: a returned report is back with the township, and a draft
     * was never sent. Two queries (the townships, then their annual reports of the year), whatever
     * their number.
     */
    @Transactional(readOnly = true)
    public List<Unreported> unreported(Viewer viewer, int year) {
        List<OrgUnit> townships = units.ofKind(viewer.scope(), OrgUnitKind.TOWNSHIP).stream().filter(OrgUnit::isActive)
                .toList();
        if (townships.isEmpty()) {
            return List.of();
        }
        Map<Long, java.util.Set<ReportKind>> sent = new java.util.HashMap<>();
        for (Report r : reports.findByOrgUnitIdInAndYearAndKindInAndStatusIn(
                townships.stream().map(OrgUnit::getId).toList(), year, ANNUAL,
                EnumSet.of(ReportStatus.SUBMITTED, ReportStatus.ACCEPTED))) {
            sent.computeIfAbsent(r.getOrgUnitId(), k -> EnumSet.noneOf(ReportKind.class)).add(r.getKind());
        }
        List<Unreported> result = new ArrayList<>();
        for (OrgUnit township : townships) {
            java.util.Set<ReportKind> done = sent.getOrDefault(township.getId(), java.util.Set.of());
            List<ReportKind> missing = ANNUAL.stream().filter(k -> !done.contains(k)).toList();
            if (!missing.isEmpty()) {
                result.add(new Unreported(township, missing));
            }
        }
        return result;
    }

    @Transactional(readOnly = true)
    public Report get(Viewer viewer, long id) {
        Report report = reports.findById(id).orElseThrow(() -> new NotFoundException("Report", id));
        OrgUnit unit = units.getUnchecked(report.getOrgUnitId());
        if (!viewer.scope().covers(unit) || (viewer.reviewer() && report.getStatus() == ReportStatus.DRAFT)) {
            throw new NotFoundException("Report", id);
        }
        return report;
    }

    /** The townships the viewer may write reports for. */
    @Transactional(readOnly = true)
    public List<OrgUnit> townships(DataScope scope) {
        OrgUnit own = units.getUnchecked(scope.unitId());
        if (own.getKind() == OrgUnitKind.TOWNSHIP) {
            return List.of(own);
        }
        return units.ofKind(scope, OrgUnitKind.TOWNSHIP);
    }

    public Report create(DataScope scope, ReportCommands.Create command) {
        scope.requireWritable();
        OrgUnit township = units.get(scope, command.townshipId());
        if (township.getKind() != OrgUnitKind.TOWNSHIP) {
            throw new RuleViolationException("report.notTownship", township.getName());
        }
        String directive = blankToNull(command.directiveNumber());
        if (command.kind() == ReportKind.SELF_INSPECTION) {
            // written from a recorded self-inspection, citing a recorded directive
            directive = sources.check(scope, township, command.year(), command.inspectionId(), command.directiveRecordId());
        }
        boolean exists = command.kind() == ReportKind.SELF_INSPECTION
                ? reports.existsByOrgUnitIdAndKindAndYearAndDirectiveNumberAndPreviousIdIsNull(township.getId(),
                        command.kind(), command.year(), directive)
                : reports.existsByOrgUnitIdAndKindAndYearAndPreviousIdIsNull(township.getId(), command.kind(),
                        command.year());
        if (exists) {
            throw new RuleViolationException("report.exists", township.getName(), command.year());
        }
        String addressee = command.addressee() == null ? defaultAddressee(township) : blankToNull(command.addressee());
        Instant now = clock.instant();
        Report report = reports.save(new Report(township.getId(), command.kind(), command.year(), directive, addressee,
                ReportDraft.title(command.kind(), township.getName(), command.year()),
                ReportText.unitName(township.getName()), LocalDate.ofInstant(now, clock.getZone()), scope.username(), now));
        if (command.kind() == ReportKind.SELF_INSPECTION) {
            report.writtenFrom(command.inspectionId(), command.directiveRecordId());
        }
        ReportContent content = draft(report, township).build();
        saveVersion(report, content, "report.note.generated", scope.username());
        events.save(new ReportEvent(report.getId(), ReportEvent.Action.CREATE, scope.username(), null, 1, now));
        return report;
    }

    @Transactional(readOnly = true)
    public ReportVersion latest(Report report) {
        return versions.findFirstByReportIdOrderByNumberDesc(report.getId())
                .orElseThrow(() -> new NotFoundException("ReportVersion", report.getId()));
    }

    @Transactional(readOnly = true)
    public ReportContent content(ReportVersion version) {
        try {
            return json.readValue(version.getContent(), ReportContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable report content " + version.getId(), e);
        }
    }

    @Transactional(readOnly = true)
    public List<ReportVersion> versions(Viewer viewer, long id) {
        get(viewer, id);
        return versions.findByReportIdOrderByNumberDesc(id);
    }

    @Transactional(readOnly = true)
    public ReportVersion version(Viewer viewer, long id, int number) {
        get(viewer, id);
        return versions.findByReportIdAndNumber(id, number)
                .orElseThrow(() -> new NotFoundException("ReportVersion", number));
    }

    @Transactional(readOnly = true)
    public List<ReportEvent> history(Viewer viewer, long id) {
        get(viewer, id);
        return events.findByReportIdOrderByAtAscIdAsc(id);
    }

    /** Saves the user's text as a new version; the figures are not touched. */
    public ReportVersion save(Viewer viewer, long id, ReportCommands.Save command) {
        Report report = writable(viewer, id);
        ReportVersion latest = latest(report);
        if (command.expectedVersion() != null && command.expectedVersion() != latest.getNumber()) {
            throw new RuleViolationException("report.staleVersion", latest.getNumber(), latest.getSavedBy());
        }
        report.describe(command.title().strip(), blankToNull(command.addressee()), command.unitName().strip(),
                command.reportDate(), report.getKind() == ReportKind.SELF_INSPECTION
                        ? Objects.requireNonNullElse(blankToNull(command.directiveNumber()), report.getDirectiveNumber())
                        : report.getDirectiveNumber(), clock.instant());
        ReportContent content = content(latest).withTexts(command.texts() == null ? Map.of() : command.texts());
        return saveVersion(report, content, "report.note.saved", viewer.username());
    }

    /** Refreshes every generated sentence from the current figures and keeps the user's text. */
    public ReportVersion regenerate(Viewer viewer, long id) {
        Report report = writable(viewer, id);
        ReportContent previous = content(latest(report));
        ReportContent fresh = draft(report, units.getUnchecked(report.getOrgUnitId())).build().keepingTextOf(previous);
        return saveVersion(report, fresh, "report.note.regenerated", viewer.username());
    }

    /** The figures the report states, straight from the port. */
    @Transactional(readOnly = true)
    public FigureSet figures(Viewer viewer, long id) {
        Report report = get(viewer, id);
        return figures.figures(report.getOrgUnitId(), report.getYear());
    }

    /**
     * Settles a figure without records: its sentence says 本年度无… or is left out (a new version).
     * Only a figure that is missing in the latest version can be settled.
     */
    public ReportVersion resolve(Viewer viewer, long id, String figureKey, ReportContent.Resolution resolution) {
        Report report = writable(viewer, id);
        ReportContent content = content(latest(report));
        boolean missing = content.blocks().stream().flatMap(b -> b.lines().stream()).flatMap(List::stream)
                .anyMatch(p -> p.missing() && figureKey.equals(p.figure()));
        if (!missing) {
            throw new RuleViolationException("report.resolve.notMissing");
        }
        return saveVersion(report, content.resolving(figureKey, resolution), "report.note.resolved", viewer.username());
    }

    /**
     * Types a figure over by hand (a new version); a blank value takes the override back and states
     * the records' figure again, as regeneration does.
     */
    public ReportVersion override(Viewer viewer, long id, String figureKey, String value) {
        Report report = writable(viewer, id);
        ReportContent content = content(latest(report));
        boolean stated = content.blocks().stream().flatMap(b -> b.lines().stream()).flatMap(List::stream)
                .anyMatch(p -> figureKey.equals(p.figure()));
        if (!stated) {
            throw new RuleViolationException("report.override.unknown");
        }
        if (value != null && value.strip().length() > 50) {
            throw new RuleViolationException("report.override.tooLong");
        }
        ReportContent changed = content.overriding(figureKey, value);
        if (value == null || value.isBlank()) {
            changed = draft(report, units.getUnchecked(report.getOrgUnitId())).build().keepingTextOf(changed);
        }
        return saveVersion(report, changed, "report.note.overridden", viewer.username());
    }

    public Report submit(Viewer viewer, long id) {
        Instant now = clock.instant();
        Report report = writable(viewer, id);
        requireNoMarkers(report);
        // the party secretary's 审定 of this very version comes first
        if (approval(report).isEmpty()) {
            throw new RuleViolationException("report.approvalRequired");
        }
        report.submit(viewer.username(), now);
        events.save(new ReportEvent(id, ReportEvent.Action.SUBMIT, viewer.username(), null, latest(report).getNumber(), now));
        published.publishEvent(new ReportReviewed(id, "SUBMIT", viewer.username(), null));
        return report;
    }

    /** A report goes up (or is approved to go up) only when every 【待补充】 has been filled, settled or deleted. */
    private void requireNoMarkers(Report report) {
        Map<String, List<String>> markers = content(latest(report)).markers();
        if (!markers.isEmpty()) {
            List<String> all = markers.values().stream().flatMap(List::stream).toList();
            throw new RuleViolationException("report.markersLeft", all.size(), String.join("；", all.subList(0, Math.min(3, all.size())))
                    + (all.size() > 3 ? "……" : ""));
        }
    }

    /**
     * 审定: the township's party secretary approves the latest version before the officer submits it. Nobody
     * approves a report they wrote or last saved (invariant 4); a later save is a new version and needs a new
     * 审定, so what goes up is what was approved.
     */
    public Report approve(Viewer viewer, long id, String comment) {
        viewer.scope().require(org.luoshi.org.Permission.REPORT_APPROVE);
        Instant now = clock.instant();
        Report report = get(viewer, id);
        if (!report.getStatus().editable()) {
            throw new RuleViolationException("report.approve.notDraft");
        }
        ReportVersion latest = latest(report);
        if (viewer.username().equals(report.getCreatedBy()) || viewer.username().equals(latest.getSavedBy())) {
            throw new RuleViolationException("report.approve.own");
        }
        if (approval(report).isPresent()) {
            throw new RuleViolationException("report.approve.already", latest.getNumber());
        }
        requireNoMarkers(report);
        events.save(new ReportEvent(id, ReportEvent.Action.APPROVE, viewer.username(), blankToNull(comment),
                latest.getNumber(), now));
        tellTownship(report, "report.notice.approved", comment == null || comment.isBlank() ? "" : comment.strip());
        return report;
    }

    /**
     * The 审定 that lets the latest version go up: an approval of that version number with no return after it
     * (a returned report is approved again, changed or not).
     */
    @Transactional(readOnly = true)
    java.util.Optional<ReportEvent> approval(Report report) {
        return approvalAmong(events.findByReportIdOrderByAtAscIdAsc(report.getId()), latest(report).getNumber());
    }

    /**
     * Of these reports, the editable ones whose latest version has no 审定 yet ({@link #approval}), in two
     * queries for all of them: the home page's card asks this of every report of the township.
     */
    @Transactional(readOnly = true)
    public java.util.Set<Long> awaitingApproval(List<Report> reports) {
        List<Long> ids = reports.stream().filter(r -> r.getStatus().editable()).map(Report::getId).toList();
        if (ids.isEmpty()) {
            return java.util.Set.of();
        }
        Map<Long, Integer> latest = new java.util.HashMap<>();
        versions.latestNumbers(ids).forEach(row -> latest.put((Long) row[0], (Integer) row[1]));
        Map<Long, List<ReportEvent>> byReport = events.findByReportIdInOrderByAtAscIdAsc(ids).stream()
                .collect(java.util.stream.Collectors.groupingBy(ReportEvent::getReportId));
        return ids.stream().filter(id -> latest.containsKey(id)
                        && approvalAmong(byReport.getOrDefault(id, List.of()), latest.get(id)).isEmpty())
                .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    private static java.util.Optional<ReportEvent> approvalAmong(List<ReportEvent> history, int latest) {
        ReportEvent found = null;
        for (ReportEvent e : history) {
            if (e.getAction() == ReportEvent.Action.APPROVE && Integer.valueOf(latest).equals(e.getVersionNo())) {
                found = e;
            } else if (e.getAction() == ReportEvent.Action.RETURN) {
                found = null;
            }
        }
        return java.util.Optional.ofNullable(found);
    }

    public Report returnToTownship(Viewer viewer, long id, String comment) {
        Instant now = clock.instant();
        Report report = reviewable(viewer, id);
        if (comment == null || comment.isBlank()) {
            throw new RuleViolationException("report.commentRequired");
        }
        report.returnToTownship(now);
        events.save(new ReportEvent(id, ReportEvent.Action.RETURN, viewer.username(), comment.strip(),
                latest(report).getNumber(), now));
        tellTownship(report, "report.notice.returned", comment.strip());
        published.publishEvent(new ReportReviewed(id, "RETURN", viewer.username(), comment.strip()));
        return report;
    }

    public Report accept(Viewer viewer, long id, String comment) {
        Instant now = clock.instant();
        Report report = reviewable(viewer, id);
        report.accept(now);
        events.save(new ReportEvent(id, ReportEvent.Action.ACCEPT, viewer.username(), blankToNull(comment),
                latest(report).getNumber(), now));
        tellTownship(report, "report.notice.accepted", comment == null || comment.isBlank() ? "" : comment.strip());
        published.publishEvent(new ReportReviewed(id, "ACCEPT", viewer.username(), blankToNull(comment)));
        return report;
    }

    /** The township's officers learn of the county's decision from their notices, with a link to the report. */
    private void tellTownship(Report report, String key, String comment) {
        notifications.notify(report.getOrgUnitId(), "TOWNSHIP_OFFICER",
                messages.getMessage(key, new Object[] {report.getTitle(), comment}, java.util.Locale.SIMPLIFIED_CHINESE),
                "/report/" + report.getId());
    }

    /** A change after acceptance: a new submission (a new draft) that starts from the accepted text. */
    public Report revise(Viewer viewer, long id) {
        viewer.scope().requireWritable();
        Report accepted = get(viewer, id);
        if (accepted.getStatus() != ReportStatus.ACCEPTED) {
            throw new RuleViolationException("report.reviseOnlyAccepted");
        }
        if (reports.existsByPreviousId(id)) {
            throw new RuleViolationException("report.alreadyRevised");
        }
        Report next = reports.save(accepted.revisionBy(viewer.username(), LocalDate.now(clock), clock.instant()));
        ReportContent content = content(latest(accepted));
        saveVersion(next, content, "report.note.revised", viewer.username());
        events.save(new ReportEvent(next.getId(), ReportEvent.Action.REVISE, viewer.username(),
                "#" + accepted.getId(), 1, clock.instant()));
        events.save(new ReportEvent(accepted.getId(), ReportEvent.Action.REVISE, viewer.username(),
                "#" + next.getId(), null, clock.instant()));
        return next;
    }

    /** Paragraph by paragraph differences between two versions. */
    @Transactional(readOnly = true)
    public List<Difference> compare(Viewer viewer, long id, int from, int to) {
        ReportContent a = content(version(viewer, id, from));
        ReportContent b = content(version(viewer, id, to));
        List<Difference> differences = new ArrayList<>();
        for (ReportContent.Block block : b.blocks()) {
            ReportContent.Block old = a.block(block.key());
            String before = old == null ? "" : render(old);
            String after = render(block);
            differences.add(new Difference(block.key(), block.heading(), before, after, !before.equals(after)));
        }
        return differences;
    }

    record Difference(String key, String heading, String before, String after, boolean changed) {
    }

    private static String render(ReportContent.Block block) {
        List<String> all = new ArrayList<>(block.lineTexts());
        all.addAll(block.paragraphs());
        return String.join("\n", all);
    }

    /** The finished self-inspections a 自查报告 may be written from (this year's and last year's). */
    @Transactional(readOnly = true)
    public List<ReportSources.Option> inspectionOptions(DataScope scope, List<OrgUnit> townships) {
        return sources.inspectionOptions(scope, townships, LocalDate.now(clock).getYear());
    }

    /** The directives the townships recorded, for a 自查报告 to cite. */
    @Transactional(readOnly = true)
    public List<ReportSources.Option> directiveOptions(List<OrgUnit> townships) {
        return sources.directiveOptions(townships);
    }

    ReportDraft draft(Report report, OrgUnit township) {
        return new ReportDraft(report.getKind(), township.getName(), report.getYear(), sources.of(report, township),
                figures.figures(township.getId(), report.getYear()));
    }

    String townshipName(Report report) {
        return units.getUnchecked(report.getOrgUnitId()).getName();
    }

    private Report writable(Viewer viewer, long id) {
        viewer.scope().requireWritable();
        Report report = get(viewer, id);
        report.requireEditable();
        return report;
    }

    private Report reviewable(Viewer viewer, long id) {
        if (!viewer.reviewer()) {
            throw new org.springframework.security.access.AccessDeniedException("reviewers only");
        }
        Report report = get(viewer, id);
        // a township reports to its own county: a city or province reviewer above reads the report, but the
        // county accepts or returns it
        OrgUnit township = units.getUnchecked(report.getOrgUnitId());
        if (units.countyOf(township).map(c -> c.getId() != viewer.scope().unitId()).orElse(false)) {
            throw new org.luoshi.web.DeniedException("report.reviewedByCounty");
        }
        if (viewer.username().equals(report.getCreatedBy()) || viewer.username().equals(report.getSubmittedBy())) {
            throw new RuleViolationException("report.ownReport");
        }
        return report;
    }

    private ReportVersion saveVersion(Report report, ReportContent content, String note, String username) {
        Instant now = clock.instant();
        int number = versions.findFirstByReportIdOrderByNumberDesc(report.getId()).map(v -> v.getNumber() + 1).orElse(1);
        try {
            report.touch(now);
            return versions.save(new ReportVersion(report.getId(), number, json.writeValueAsString(content), note,
                    username, now));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The propaganda department of the township's own county (not the root: above it may sit a city). */
    private String defaultAddressee(OrgUnit township) {
        return units.countyOf(township).map(county -> ReportText.countyDepartment(county.getName())).orElse(null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
