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
import java.util.Set;
import java.util.stream.Collectors;
import org.luoshi.inspection.Notifications;
import org.luoshi.ledger.LedgerStatistics;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.luoshi.org.Permission;
import org.luoshi.web.NotFoundException;
import org.luoshi.web.RuleViolationException;
import org.springframework.context.MessageSource;
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

    RequestService(ReportingTaskRepository tasks, TaskAnswerRepository answers, OrgUnitService units,
            LedgerStatistics ledger, Notifications notifications, MessageSource messages, Clock clock) {
        this.tasks = tasks;
        this.answers = answers;
        this.units = units;
        this.ledger = ledger;
        this.notifications = notifications;
        this.messages = messages;
        this.clock = clock;
    }

    record Command(String title, String instructions, LocalDate from, LocalDate to, List<Measure> measures,
            LocalDate deadline, List<Long> townshipIds) {
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
        Set<Long> chosen = c.townshipIds() == null ? Set.of() : Set.copyOf(c.townshipIds());
        List<OrgUnit> to = recipients(scope).stream().filter(t -> chosen.isEmpty() || chosen.contains(t.getId())).toList();
        if (to.isEmpty()) {
            throw new RuleViolationException("request.error.noTownships");
        }
        ReportingTask task = tasks.saveAndFlush(new ReportingTask(scope.unitId(), c.title().strip(),
                c.instructions() == null || c.instructions().isBlank() ? null : c.instructions().strip(), c.from(), c.to(),
                c.measures(), c.deadline(), scope.username(), clock.instant()));
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
        scope.require(Permission.REPORT_WRITE);
        TaskAnswer a = answer(scope, answerId);
        OrgUnit township = units.getUnchecked(a.getTownshipId());
        if (!ownTownship(scope, township)) {
            throw new AccessDeniedException("not this township's answer");
        }
        if (a.getStatus() == AnswerStatus.ACCEPTED) {
            throw new RuleViolationException("request.error.accepted");
        }
        if (a.getStatus() == AnswerStatus.SUBMITTED) {
            throw new RuleViolationException("request.error.submitted");
        }
        ReportingTask task = taskOf(a);
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
        a.submit(figures, explanation == null || explanation.isBlank() ? null : explanation.strip(), scope.username(),
                clock.instant());
        return answers.saveAndFlush(a);
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a != null && b != null && a.compareTo(b) == 0;
    }

    @Transactional
    TaskAnswer returnAnswer(DataScope scope, long answerId, String reason) {
        TaskAnswer a = decidable(scope, answerId);
        a.returnWith(reason.strip(), scope.username(), clock.instant());
        ReportingTask task = taskOf(a);
        notifications.notify(a.getTownshipId(), OFFICERS, zh("request.notify.returned", task.getTitle(), reason.strip()),
                "/requests/answers/" + a.getId());
        return answers.saveAndFlush(a);
    }

    @Transactional
    TaskAnswer accept(DataScope scope, long answerId) {
        TaskAnswer a = decidable(scope, answerId);
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
        LocalDate today = today();
        int reminded = 0;
        for (TaskAnswer a : answers.findByTaskIdOrderByIdAsc(task.getId())) {
            boolean open = a.getStatus() == AnswerStatus.OPEN || a.getStatus() == AnswerStatus.RETURNED;
            boolean today_ = a.getRemindedAt() != null && a.getRemindedAt().atZone(zone()).toLocalDate().equals(today);
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
