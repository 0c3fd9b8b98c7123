package org.luoshi.request;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.luoshi.inspection.Notifications;
import org.luoshi.ledger.LedgerStatistics;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.luoshi.org.Permission;
import org.luoshi.evidence.ContentCheck;
import org.luoshi.evidence.FileType;
import org.luoshi.web.UploadException;
import org.luoshi.report.ReportRequests;
import org.luoshi.report.ReportReviewed;
import org.luoshi.web.NotFoundException;
import org.luoshi.web.RuleViolationException;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Requests (报送任务) and their answers, always through a {@link DataScope}.
 *
 * <p>The county (a user with {@code county:oversee}) sends a request to townships of its subtree and
 * decides on the answers; a township's writer ({@code report:write}) answers its own. A request another
 * county sent, or another township's answer, answers 404. Figures are read from the ledger's statistics
 * API, never typed: the township sees them prefilled, may type over one (marked, with a note), and
 * submits in one step; what it submitted is stored, and what the county accepted is locked.
 */
@Service
@Transactional(readOnly = true)
class RequestService {

    /** Notices go to the townships' officers, the readers of their unit's notices (the notification mechanism's address). */
    static final String OFFICERS = "TOWNSHIP_OFFICER";

    private final ReportingTaskRepository tasks;
    private final TaskAnswerRepository answers;
    private final OrgUnitService units;
    private final LedgerStatistics ledger;
    private final Notifications notifications;
    private final MessageSource messages;
    private final Clock clock;
    private final ReportRequests reports;
    private final TaskSheetRepository sheets;
    private final ContentCheck contentCheck;

    RequestService(ReportingTaskRepository tasks, TaskAnswerRepository answers, OrgUnitService units,
            LedgerStatistics ledger, Notifications notifications, MessageSource messages, Clock clock,
            ReportRequests reports, TaskSheetRepository sheets, ContentCheck contentCheck) {
        this.reports = reports;
        this.sheets = sheets;
        this.contentCheck = contentCheck;
        this.tasks = tasks;
        this.answers = answers;
        this.units = units;
        this.ledger = ledger;
        this.notifications = notifications;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * @param reportKind a report kind (report.ReportKind's name) for a report request, or null for a table
     * @param questions free questions answered in text (a table's, beside or instead of its measures)
     */
    record Command(String title, String instructions, LocalDate from, LocalDate to, List<Measure> measures,
            LocalDate deadline, List<Long> townshipIds, String reportKind, List<String> questions, byte[] template,
            String templateName) {

        Command(String title, String instructions, LocalDate from, LocalDate to, List<Measure> measures,
                LocalDate deadline, List<Long> townshipIds) {
            this(title, instructions, from, to, measures, deadline, townshipIds, null, List.of(), null, null);
        }
    }

    /** A figure as the township sees it before submitting: the records' figure and where to check it. */
    record Prefill(Measure measure, BigDecimal fromRecords, String recordsUrl) {
    }

    /** A township's row of a request: its answer, whether it is late, what it typed by hand. */
    record AnswerRow(ReportingTask task, TaskAnswer answer, OrgUnit township, boolean late, long typedOver) {
    }

    record TaskSummary(ReportingTask task, long answered, long late, long notAnswered) {
    }

    record Burden(OrgUnit township, long received, long answered, long fromRecords, long typed, long lateEntries,
            Double averageDaysToAnswer) {
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    ZoneId zone() {
        return clock.getZone();
    }

    /** Whether the user's unit sends requests: a county, city or province user who oversees (to the townships below). */
    boolean maySend(DataScope scope) {
        if (!scope.may(Permission.COUNTY_OVERSEE)) {
            return false;
        }
        return units.getUnchecked(scope.unitId()).getKind().oversees();
    }

    /** The townships a user may send to: active townships of their subtree. */
    List<OrgUnit> recipients(DataScope scope) {
        return units.ofKind(scope, OrgUnitKind.TOWNSHIP).stream().filter(OrgUnit::isActive).toList();
    }

    @Transactional
    ReportingTask send(DataScope scope, Command c) {
        if (!maySend(scope)) {
            throw new AccessDeniedException("only the county sends requests");
        }
        if (c.from().isAfter(c.to())) {
            throw new RuleViolationException("request.error.period");
        }
        if (c.deadline().isBefore(today())) {
            throw new RuleViolationException("request.error.deadlinePast");
        }
        String kind = c.reportKind() == null || c.reportKind().isBlank() ? null : c.reportKind();
        List<String> questions = c.questions() == null ? List.of() : c.questions();
        if (kind != null) {
            if (!ReportRequests.requestableKinds().contains(kind)) {
                throw RuleViolationException.at("reportKind", "request.error.reportKind");
            }
            // a township's report covers a year: the request's period must lie within one
            if (c.from().getYear() != c.to().getYear()) {
                throw RuleViolationException.at("to", "request.error.reportYear");
            }
        }
        List<Measure> measures = c.measures();
        boolean withTemplate = c.template() != null && c.template().length > 0;
        if (withTemplate) {
            if (kind != null || !questions.isEmpty()) {
                throw RuleViolationException.at("template", "request.error.templateAlone");
            }
            checkXlsx(c.template(), c.templateName(), "template");
            // the measures asked are those the county named cells after (and any it ticked besides)
            java.util.LinkedHashSet<Measure> named = new java.util.LinkedHashSet<>(c.measures());
            named.addAll(SheetTemplate.namedCells(c.template()).keySet());
            if (named.size() == c.measures().size()) {
                throw RuleViolationException.at("template", "request.error.templateNoNames");
            }
            measures = List.copyOf(named);
        } else if (kind == null && c.measures().isEmpty() && questions.isEmpty()) {
            throw RuleViolationException.at("measures", "request.validation.measures");
        }
        Set<Long> chosen = c.townshipIds() == null ? Set.of() : Set.copyOf(c.townshipIds());
        List<OrgUnit> to = recipients(scope).stream().filter(t -> chosen.isEmpty() || chosen.contains(t.getId())).toList();
        if (to.isEmpty()) {
            throw new RuleViolationException("request.error.noTownships");
        }
        ReportingTask task = tasks.saveAndFlush(new ReportingTask(scope.unitId(), c.title().strip(),
                c.instructions() == null || c.instructions().isBlank() ? null : c.instructions().strip(), c.from(), c.to(),
                kind != null ? List.of() : measures, c.deadline(), scope.username(), clock.instant())
                .askingForReport(kind).askingQuestions(kind != null ? List.of() : questions));
        if (withTemplate) {
            sheets.save(new TaskSheet(task.getId(), null, ContentCheck.safeName(c.templateName()), c.template(),
                    scope.username(), clock.instant()));
        }
        for (OrgUnit township : to) {
            TaskAnswer answer = answers.save(new TaskAnswer(task.getId(), township.getId()));
            notifications.notify(township.getId(), OFFICERS, zh("request.notify.sent", task.getTitle(), task.getDeadline()),
                    "/requests/answers/" + answer.getId());
        }
        answers.flush();
        return task;
    }

    /** The requests the user's unit sent, newest first, with how many townships answered, late, not yet. */
    List<TaskSummary> sent(DataScope scope) {
        List<ReportingTask> own = tasks.findByOwnerUnitIdOrderByCreatedAtDescIdDesc(scope.unitId());
        Map<Long, List<TaskAnswer>> byTask = answers.findByTaskIdIn(own.stream().map(ReportingTask::getId).toList())
                .stream().collect(Collectors.groupingBy(TaskAnswer::getTaskId));
        List<TaskSummary> summaries = new ArrayList<>();
        for (ReportingTask task : own) {
            List<TaskAnswer> list = byTask.getOrDefault(task.getId(), List.of());
            long answered = list.stream().filter(TaskAnswer::isAnswered).count();
            long late = list.stream().filter(a -> late(task, a)).count();
            summaries.add(new TaskSummary(task, answered, late, list.size() - answered));
        }
        return summaries;
    }

    /** The answers addressed to the user's own township, newest first. */
    List<AnswerRow> received(DataScope scope) {
        OrgUnit own = units.getUnchecked(scope.unitId());
        if (own.getKind() != OrgUnitKind.TOWNSHIP) {
            return List.of();
        }
        List<TaskAnswer> list = answers.findByTownshipIdOrderByIdDesc(own.getId());
        Map<Long, ReportingTask> byId = tasks.findByIdIn(list.stream().map(TaskAnswer::getTaskId).toList()).stream()
                .collect(Collectors.toMap(ReportingTask::getId, t -> t));
        return list.stream().map(a -> row(byId.get(a.getTaskId()), a, own)).toList();
    }

    ReportingTask task(DataScope scope, long id) {
        ReportingTask task = tasks.findById(id).orElseThrow(() -> new NotFoundException("ReportingTask", id));
        if (task.getOwnerUnitId() != scope.unitId() && !scope.covers(units.getUnchecked(task.getOwnerUnitId()))) {
            throw new NotFoundException("ReportingTask", id);
        }
        return task;
    }

    /** The townships' rows of a request, in tree order. */
    List<AnswerRow> rows(DataScope scope, ReportingTask task) {
        List<TaskAnswer> list = answers.findByTaskIdOrderByIdAsc(task.getId());
        Map<Long, String> paths = units.paths(list.stream().map(TaskAnswer::getTownshipId).toList());
        return list.stream().sorted(java.util.Comparator.comparing(a -> paths.getOrDefault(a.getTownshipId(), "")))
                .map(a -> row(task, a, units.getUnchecked(a.getTownshipId()))).toList();
    }

    private AnswerRow row(ReportingTask task, TaskAnswer a, OrgUnit township) {
        return new AnswerRow(task, a, township, late(task, a), a.getFigures().stream().filter(TaskFigure::isTypedOver).count());
    }

    /** Whether the user belongs to the township (its own unit is the township or below): who answers for it. */
    static boolean ownTownship(DataScope scope, OrgUnit township) {
        return scope.unitPath().startsWith(township.getPath());
    }

    /** Late: submitted after the deadline (Beijing date), or not submitted and the deadline has passed. */
    boolean late(ReportingTask task, TaskAnswer a) {
        LocalDate answeredOn = a.getSubmittedAt() == null ? null : a.getSubmittedAt().atZone(zone()).toLocalDate();
        return answeredOn != null ? answeredOn.isAfter(task.getDeadline()) : today().isAfter(task.getDeadline());
    }

    /** An answer, to its township (any reader of it) or to the county that sent the request. */
    TaskAnswer answer(DataScope scope, long answerId) {
        TaskAnswer a = answers.findById(answerId).orElseThrow(() -> new NotFoundException("TaskAnswer", answerId));
        ReportingTask task = tasks.findById(a.getTaskId()).orElseThrow();
        boolean township = scope.covers(units.getUnchecked(a.getTownshipId()));
        boolean sender = task.getOwnerUnitId() == scope.unitId();
        if (!township && !sender) {
            throw new NotFoundException("TaskAnswer", answerId);
        }
        return a;
    }

    ReportingTask taskOf(TaskAnswer a) {
        return tasks.findById(a.getTaskId()).orElseThrow();
    }

    /** The figures of the township's records for the request's measures and period: what the form shows. */
    List<Prefill> prefill(ReportingTask task, OrgUnit township) {
        List<Prefill> list = new ArrayList<>();
        for (Measure m : task.getMeasures()) {
            list.add(new Prefill(m, m.of(ledger, township.getPath(), task.getPeriodFrom(), task.getPeriodTo()),
                    recordsUrl(m, township, task)));
        }
        return list;
    }

    /** The ledger list behind a figure: the township's records of the measure's kind in the period. */
    static String recordsUrl(Measure m, OrgUnit township, ReportingTask task) {
        return UriComponentsBuilder.fromPath("/ledger/" + m.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .queryParam("unitId", township.getId()).queryParam("from", task.getPeriodFrom())
                .queryParam("to", task.getPeriodTo()).build().toUriString();
    }

    /**
     * Submits the answer in one step. A figure the township left as shown is taken from the records as
     * they are now (so a record added meanwhile counts); a different figure is kept as typed, with its
     * note. Answers of the township only, and only while open or returned.
     *
     * @param typed per measure, the figure in the form (blank or equal to {@code shown}: the records')
     * @param shown per measure, the records' figure the form showed
     */
    @Transactional
    TaskAnswer submit(DataScope scope, long answerId, Map<Measure, BigDecimal> typed, Map<Measure, BigDecimal> shown,
            Map<Measure, String> notes, String explanation) {
        return submit(scope, answerId, typed, shown, notes, List.of(), explanation);
    }

    /** @param replies the text replies to the free questions, in their order (each one required) */
    @Transactional
    TaskAnswer submit(DataScope scope, long answerId, Map<Measure, BigDecimal> typed, Map<Measure, BigDecimal> shown,
            Map<Measure, String> notes, List<String> replies, String explanation) {
        TaskAnswer a = answerable(scope, answerId);
        OrgUnit township = units.getUnchecked(a.getTownshipId());
        ReportingTask task = taskOf(a);
        if (task.isForReport()) {
            throw new RuleViolationException("request.error.reportRequest");
        }
        List<String> replied = new ArrayList<>();
        for (int i = 0; i < task.getQuestions().size(); i++) {
            String reply = i < replies.size() ? replies.get(i) : null;
            if (reply == null || reply.isBlank()) {
                throw RuleViolationException.at("replies[" + i + "]", "request.validation.reply");
            }
            replied.add(reply.strip());
        }
        List<TaskFigure> figures = new ArrayList<>();
        for (Prefill p : prefill(task, township)) {
            BigDecimal value = typed.get(p.measure());
            BigDecimal before = shown.get(p.measure());
            boolean kept = value == null || same(value, before) || same(value, p.fromRecords());
            String note = notes.get(p.measure());
            note = note == null || note.isBlank() ? null : note.strip();
            if (!kept && note == null) {
                throw new RuleViolationException("request.error.noteRequired", zh("request.measure." + p.measure().name()));
            }
            figures.add(new TaskFigure(p.measure(), p.fromRecords(), kept ? null : value, note));
        }
        a.submit(figures, replied, blankToNull(explanation), scope.username(), clock.instant());
        return answers.saveAndFlush(a);
    }

    /** The township's own answer, while it may still answer (open or returned). */
    private TaskAnswer answerable(DataScope scope, long answerId) {
        scope.require(Permission.REPORT_WRITE);
        TaskAnswer a = answer(scope, answerId);
        if (!ownTownship(scope, units.getUnchecked(a.getTownshipId()))) {
            throw new AccessDeniedException("not this township's answer");
        }
        if (a.getStatus() == AnswerStatus.ACCEPTED) {
            throw new RuleViolationException("request.error.accepted");
        }
        if (a.getStatus() == AnswerStatus.SUBMITTED) {
            throw new RuleViolationException("request.error.submitted");
        }
        return a;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * The report answering a report request. The township's writer, opening its open answer, finds its
     * report of the kind and year linked, generated from its records by the report module if it had
     * none; anyone else sees the report linked so far (none before the township opened it).
     */
    @Transactional
    Optional<ReportRequests.Linked> report(DataScope scope, TaskAnswer a) {
        ReportingTask task = taskOf(a);
        if (!task.isForReport()) {
            return Optional.empty();
        }
        boolean open = a.getStatus() == AnswerStatus.OPEN || a.getStatus() == AnswerStatus.RETURNED;
        // the township's own writer only: a village clerk's scope does not cover the township's report
        boolean writer = scope.unitId() == a.getTownshipId() && scope.may(Permission.REPORT_WRITE);
        if (open && writer) {
            ReportRequests.Linked linked = reports.findOrGenerate(scope, a.getTownshipId(), task.getReportKind(),
                    task.getReportYear());
            if (!Long.valueOf(linked.id()).equals(a.getReportId())) {
                TaskAnswer managed = answers.findById(a.getId()).orElseThrow();
                managed.answeredBy(linked.id());
                answers.saveAndFlush(managed);
            }
            return Optional.of(linked);
        }
        // a draft is the township's own: the county sees the report once it was sent
        return a.getReportId() == null || a.getStatus() == AnswerStatus.OPEN ? Optional.empty()
                : reports.find(a.getTownshipId(), task.getReportKind(), task.getReportYear());
    }

    /**
     * Answers a report request in one step: the township's report goes for review (the report module's
     * own submission, refused while 【待补充】 markers remain) and the answer is submitted with it. A
     * report already under review or accepted answers as it stands: it is not reviewed twice.
     */
    @Transactional
    TaskAnswer submitReport(DataScope scope, long answerId, String explanation) {
        TaskAnswer a = answerable(scope, answerId);
        ReportingTask task = taskOf(a);
        if (!task.isForReport()) {
            throw new RuleViolationException("request.error.notReportRequest");
        }
        if (scope.unitId() != a.getTownshipId()) {
            throw new AccessDeniedException("the township's own writer submits its report");
        }
        ReportRequests.Linked linked = reports.findOrGenerate(scope, a.getTownshipId(), task.getReportKind(),
                task.getReportYear());
        a.answeredBy(linked.id());
        // submitted first, so that the report's submission below finds the answer already in step
        a.submit(List.of(), List.of(), blankToNull(explanation), scope.username(), clock.instant());
        answers.saveAndFlush(a);
        if (linked.editable()) {
            reports.submit(scope, linked.id());
        }
        return a;
    }

    /** Whether the request carries an Excel template (answered by uploading the filled copy). */
    boolean hasTemplate(ReportingTask task) {
        return sheets.existsByTaskIdAndAnswerIdIsNull(task.getId());
    }

    /** The same content check as every upload, in the words of this form: an .xlsx without macros. */
    private void checkXlsx(byte[] content, String name, String field) {
        try {
            contentCheck.check(content, ContentCheck.safeName(name), java.util.Set.of(FileType.XLSX));
        } catch (UploadException e) {
            throw RuleViolationException.at(field, "request.error.notXlsx");
        }
    }

    /** A sheet to download, with its file name. */
    record Sheet(String fileName, byte[] content) {
    }

    /**
     * The answer's sheet: for the township while it may answer, the template with the named cells filled
     * from its records as they are now; otherwise (the county, or after submitting) the copy it submitted.
     */
    Sheet sheet(DataScope scope, TaskAnswer a) {
        ReportingTask task = taskOf(a);
        TaskSheet template = sheets.findByTaskIdAndAnswerIdIsNull(task.getId())
                .orElseThrow(() -> new NotFoundException("TaskSheet", a.getId()));
        OrgUnit township = units.getUnchecked(a.getTownshipId());
        boolean open = a.getStatus() == AnswerStatus.OPEN || a.getStatus() == AnswerStatus.RETURNED;
        if (open && ownTownship(scope, township)) {
            Map<Measure, BigDecimal> figures = new java.util.EnumMap<>(Measure.class);
            prefill(task, township).forEach(p -> figures.put(p.measure(), p.fromRecords()));
            return new Sheet(township.getName() + "-" + template.fileName(), SheetTemplate.fill(template.content(), figures));
        }
        TaskSheet filled = sheets.findByAnswerId(a.getId()).orElseThrow(() -> new NotFoundException("TaskSheet", a.getId()));
        return new Sheet(filled.fileName(), filled.content());
    }

    /**
     * Submits the township's filled copy of the template: an .xlsx passing the content check, whose named
     * cells still hold the ledger's figures; a named cell changed is taken as typed over only with the
     * explanation saying why (marked as such wherever it shows). The file is kept for the county.
     */
    @Transactional
    TaskAnswer submitSheet(DataScope scope, long answerId, byte[] content, String fileName, String explanation) {
        TaskAnswer a = answerable(scope, answerId);
        ReportingTask task = taskOf(a);
        if (!hasTemplate(task)) {
            throw new RuleViolationException("request.error.noTemplate");
        }
        if (content == null || content.length == 0) {
            throw RuleViolationException.at("file", "request.error.fileRequired");
        }
        checkXlsx(content, fileName, "file");
        Map<Measure, BigDecimal> cells = SheetTemplate.read(content);
        Map<Measure, CellReferenceText> where = new java.util.EnumMap<>(Measure.class);
        SheetTemplate.namedCells(content).forEach((m, ref) -> where.put(m, new CellReferenceText(ref.formatAsString())));
        String why = blankToNull(explanation);
        List<TaskFigure> figures = new ArrayList<>();
        for (Prefill p : prefill(task, units.getUnchecked(a.getTownshipId()))) {
            if (!cells.containsKey(p.measure())) {
                throw RuleViolationException.at("file", "request.error.sheetNameLost", zh("request.measure." + p.measure().name()));
            }
            BigDecimal value = cells.get(p.measure());
            boolean kept = (value == null && p.fromRecords() == null) || same(value, p.fromRecords());
            if (!kept && value == null) {
                throw RuleViolationException.at("file", "request.error.sheetBlank", where.get(p.measure()).text(),
                        zh("request.measure." + p.measure().name()));
            }
            if (!kept && why == null) {
                throw RuleViolationException.at("explanation", "request.error.sheetTypedOver", where.get(p.measure()).text(),
                        zh("request.measure." + p.measure().name()));
            }
            figures.add(new TaskFigure(p.measure(), p.fromRecords(), kept ? null : value, kept ? null : why));
        }
        a.submit(figures, List.of(), why, scope.username(), clock.instant());
        String name = ContentCheck.safeName(fileName);
        TaskSheet filled = sheets.findByAnswerId(a.getId()).orElse(null);
        if (filled == null) {
            sheets.save(new TaskSheet(task.getId(), a.getId(), name, content, scope.username(), clock.instant()));
        } else {
            filled.replace(name, content, scope.username(), clock.instant());
        }
        return answers.saveAndFlush(a);
    }

    private record CellReferenceText(String text) {
    }

    /**
     * A report answering a request is reviewed once, by the report module: its submission, return and
     * acceptance (on the report page or through the request page) carry the answer along.
     */
    @EventListener
    @Transactional
    void onReportReviewed(ReportReviewed e) {
        for (TaskAnswer a : answers.findByReportId(e.reportId())) {
            switch (e.action()) {
                case "SUBMIT" -> {
                    if (a.getStatus() == AnswerStatus.OPEN || a.getStatus() == AnswerStatus.RETURNED) {
                        a.submit(List.of(), List.of(), a.getExplanation(), e.username(), clock.instant());
                    }
                }
                case "RETURN" -> {
                    if (a.getStatus() == AnswerStatus.SUBMITTED) {
                        a.returnWith(e.comment(), e.username(), clock.instant());
                    }
                }
                case "ACCEPT" -> {
                    if (a.getStatus() == AnswerStatus.SUBMITTED) {
                        a.accept(e.username(), clock.instant());
                    }
                }
                default -> {
                    continue;
                }
            }
            answers.save(a);
        }
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a != null && b != null && a.compareTo(b) == 0;
    }

    @Transactional
    TaskAnswer returnAnswer(DataScope scope, long answerId, String reason) {
        TaskAnswer a = decidable(scope, answerId);
        if (a.getReportId() != null) {
            // the report's review: the report module returns it, tells the township, and the answer follows
            reports.returnToTownship(scope, a.getReportId(), reason.strip());
            return answers.findById(answerId).orElseThrow();
        }
        a.returnWith(reason.strip(), scope.username(), clock.instant());
        ReportingTask task = taskOf(a);
        notifications.notify(a.getTownshipId(), OFFICERS, zh("request.notify.returned", task.getTitle(), reason.strip()),
                "/requests/answers/" + a.getId());
        return answers.saveAndFlush(a);
    }

    @Transactional
    TaskAnswer accept(DataScope scope, long answerId) {
        TaskAnswer a = decidable(scope, answerId);
        if (a.getReportId() != null && !reports.get(scope, a.getReportId()).accepted()) {
            reports.accept(scope, a.getReportId());
            return answers.findById(answerId).orElseThrow();
        }
        // a table, or a report the county had already accepted (it is not reviewed twice)
        a.accept(scope.username(), clock.instant());
        notifications.notify(a.getTownshipId(), OFFICERS, zh("request.notify.accepted", taskOf(a).getTitle()),
                "/requests/answers/" + a.getId());
        return answers.saveAndFlush(a);
    }

    private TaskAnswer decidable(DataScope scope, long answerId) {
        scope.require(Permission.COUNTY_OVERSEE);
        TaskAnswer a = answer(scope, answerId);
        if (taskOf(a).getOwnerUnitId() != scope.unitId()) {
            throw new AccessDeniedException("only the sender decides on an answer");
        }
        if (a.getStatus() != AnswerStatus.SUBMITTED) {
            throw new RuleViolationException(a.getStatus() == AnswerStatus.ACCEPTED ? "request.error.accepted"
                    : "request.error.notSubmitted");
        }
        return a;
    }

    /**
     * Reminds the townships that have not answered: before the deadline that it is near, after it that
     * it has passed. Through the notification mechanism, at most once a day per answer.
     *
     * @return how many townships were reminded
     */
    @Transactional
    int remind(DataScope scope, long taskId) {
        scope.require(Permission.COUNTY_OVERSEE);
        ReportingTask task = task(scope, taskId);
        if (task.getOwnerUnitId() != scope.unitId()) {
            throw new AccessDeniedException("only the sender reminds");
        }
        return remind(task);
    }

    /** Writes the reminders (the class reads by default: on PostgreSQL a read-only transaction refuses them). */
    @Transactional
    int remind(ReportingTask task) {
        return remind(task, clock);
    }

    /** The reminders as of the clock's day (the scheduled job's, which tests may set). */
    @Transactional
    int remind(ReportingTask task, Clock clock) {
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        int reminded = 0;
        for (TaskAnswer a : answers.findByTaskIdOrderByIdAsc(task.getId())) {
            boolean open = a.getStatus() == AnswerStatus.OPEN || a.getStatus() == AnswerStatus.RETURNED;
            boolean today_ = a.getRemindedAt() != null && a.getRemindedAt().atZone(zone).toLocalDate().equals(today);
            if (!open || today_) {
                continue;
            }
            String key = today.isAfter(task.getDeadline()) ? "request.notify.overdue" : "request.notify.near";
            notifications.notify(a.getTownshipId(), OFFICERS, zh(key, task.getTitle(), task.getDeadline()),
                    "/requests/answers/" + a.getId());
            a.reminded(clock.instant());
            reminded++;
        }
        return reminded;
    }

    /** How many requests each township of the user's scope received in the year (by the request's date, Beijing time). */
    Map<Long, Long> receivedIn(DataScope scope, int year) {
        Set<Long> visible = units.ofKind(scope, OrgUnitKind.TOWNSHIP).stream().map(OrgUnit::getId)
                .collect(Collectors.toSet());
        Map<Long, Long> counts = new HashMap<>();
        answers.findByTaskIdIn(tasksOf(year)).stream().filter(a -> visible.contains(a.getTownshipId()))
                .forEach(a -> counts.merge(a.getTownshipId(), 1L, Long::sum));
        return counts;
    }

    /** The requests sent in a year (Beijing time). A county sends tens a year, so they are read whole. */
    private List<Long> tasksOf(int year) {
        return tasks.findAll().stream().filter(t -> t.getCreatedAt().atZone(zone()).getYear() == year)
                .map(ReportingTask::getId).toList();
    }

    /**
     * The burden of requests on each township of the user's subtree in a year: requests received, answered,
     * figures taken from the records vs typed by hand, records entered as 补录, and the mean days from a
     * request to its answer. The evidence that the platform takes paperwork away rather than adding it.
     */
    List<Burden> burden(DataScope scope, int year) {
        List<ReportingTask> ofYear = tasks.findAll().stream()
                .filter(t -> t.getCreatedAt().atZone(zone()).getYear() == year).toList();
        Map<Long, ReportingTask> byId = ofYear.stream().collect(Collectors.toMap(ReportingTask::getId, t -> t));
        Map<Long, List<TaskAnswer>> byTownship = answers.findByTaskIdIn(byId.keySet()).stream()
                .collect(Collectors.groupingBy(TaskAnswer::getTownshipId));
        List<Burden> rows = new ArrayList<>();
        for (OrgUnit township : units.ofKind(scope, OrgUnitKind.TOWNSHIP)) {
            List<TaskAnswer> list = byTownship.getOrDefault(township.getId(), List.of());
            List<TaskAnswer> answered = list.stream().filter(a -> a.getSubmittedAt() != null).toList();
            long typed = answered.stream().flatMap(a -> a.getFigures().stream()).filter(TaskFigure::isTypedOver).count();
            long all = answered.stream().mapToLong(a -> a.getFigures().size()).sum();
            Double days = answered.isEmpty() ? null : answered.stream()
                    .mapToDouble(a -> java.time.Duration.between(byId.get(a.getTaskId()).getCreatedAt(), a.getSubmittedAt())
                            .toMinutes() / 1440.0)
                    .average().orElse(0);
            rows.add(new Burden(township, list.size(), answered.size(), all - typed, typed,
                    ledger.lateEntries(township.getPath(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)),
                    days == null ? null : Math.round(days * 10) / 10.0));
        }
        return rows;
    }

    /** Stored text and notices are in Chinese, whoever pressed the button. */
    private String zh(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }
}
