package org.luoshi.report;

import static org.luoshi.ledger.LedgerTerms.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.luoshi.assessment.Evaluation;
import org.luoshi.assessment.EvaluationService;
import org.luoshi.assessment.IndicatorResult;
import org.luoshi.assessment.PeriodResult;
import org.luoshi.assessment.Status;
import org.luoshi.inspection.FindingService;
import org.luoshi.inspection.FindingSummary;
import org.luoshi.ledger.AttendanceFigure;
import org.luoshi.ledger.LedgerKind;
import org.luoshi.ledger.LedgerStatistics;
import org.luoshi.ledger.LedgerTally;
import org.luoshi.ledger.NewestRecord;
import org.luoshi.ledger.Selection;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitService;
import org.luoshi.responsibility.LeadingGroupService;
import org.luoshi.responsibility.LetterService;
import org.luoshi.responsibility.ResponsibilityKind;
import org.luoshi.responsibility.ResponsibilityService;
import org.luoshi.org.Person;
import org.luoshi.org.Post;
import org.luoshi.org.PostKind;
import org.luoshi.org.PostService;
import org.luoshi.ledger.Coverage;
import org.luoshi.web.RuleViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The figures of a report computed from the ledger, the leading group and letters, the assessment and
 * the inspection findings, each with aggregate queries and links to the records behind it. Each ledger
 * kind is read once per report: one query grouped by the fields the figures distinguish and one for the
 * newest records of each group. A year without records of a kind gives a MISSING figure with a Chinese
 * reason: the report then shows 【待补充】 rather than a number nobody recorded.
 *
 * <p>Runs outside the caller's transaction, each service in its own: a service that refuses (the
 * assessment answers 409 while it is not connected to the ledger) would otherwise mark the caller's
 * transaction, e.g. the one saving the report, rollback-only.
 */
@Component
class LedgerReportFigures implements ReportFigures {

    private static final Logger log = LoggerFactory.getLogger(LedgerReportFigures.class);

    /** Records linked one by one per figure; the filtered list link leads to the rest. */
    static final int RECORD_LINKS = 10;

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private final OrgUnitService units;
    private final LedgerStatistics ledger;
    private final LeadingGroupService groups;
    private final LetterService letters;
    private final EvaluationService evaluations;
    private final FindingService findings;
    private final MessageSource messages;
    private final TransactionTemplate outside;
    private final ResponsibilityService duties;
    private final PostService posts;

    LedgerReportFigures(OrgUnitService units, LedgerStatistics ledger, LeadingGroupService groups,
            LetterService letters, EvaluationService evaluations, FindingService findings, MessageSource messages,
            PlatformTransactionManager transactions, ResponsibilityService duties, PostService posts) {
        this.duties = duties;
        this.posts = posts;
        this.units = units;
        this.ledger = ledger;
        this.groups = groups;
        this.letters = letters;
        this.evaluations = evaluations;
        this.findings = findings;
        this.messages = messages;
        this.outside = new TransactionTemplate(transactions);
        this.outside.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
    }

    static final LedgerKind MEETING = LedgerKind.MEETING;
    static final LedgerKind STUDY_SESSION = LedgerKind.STUDY_SESSION;
    static final LedgerKind OUTREACH = LedgerKind.OUTREACH;
    static final LedgerKind MEDIA_PLACEMENT = LedgerKind.MEDIA_PLACEMENT;
    static final LedgerKind OPINION_CASE = LedgerKind.OPINION_CASE;
    static final LedgerKind VENUE_CHECK = LedgerKind.VENUE_CHECK;
    static final LedgerKind ACTIVITY = LedgerKind.ACTIVITY;
    static final LedgerKind VOLUNTEER_SERVICE = LedgerKind.VOLUNTEER_SERVICE;
    static final LedgerKind VOLUNTEER_TEAM = LedgerKind.VOLUNTEER_TEAM;
    static final LedgerKind AWARD = LedgerKind.AWARD;

    /** How each kind is tallied: one aggregate query grouped by these fields, summing those. */
    private static final Map<LedgerKind, List<String>> GROUP_BY = Map.of(MEETING, List.of(SUB_KIND),
            STUDY_SESSION, List.of(SUB_KIND), MEDIA_PLACEMENT, List.of(LEVEL, MEDIUM, STATE), OPINION_CASE, List.of(ON_TIME, CLOSED_ON),
            ACTIVITY, List.of(SUB_KIND, SESSIONS));
    private static final Map<LedgerKind, List<String>> SUMS = Map.of(MEDIA_PLACEMENT, List.of(ARTICLE_COUNT),
            VENUE_CHECK, List.of(FAULTS_FOUND, FAULTS_FIXED), VOLUNTEER_SERVICE, List.of(HOURS), VOLUNTEER_TEAM, List.of(MEMBERS));

    @Override
    public FigureSet figures(long townshipId, int year) {
        return outside.execute(status -> compute(townshipId, year));
    }

    private FigureSet compute(long townshipId, int year) {
        OrgUnit township = units.getUnchecked(townshipId);
        // The report module has already checked that the caller may read the township; the figures
        // are those of the whole township, whoever asks.
        DataScope scope = DataScope.readOnly("report", township);
        Year y = new Year(scope, township, year, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), new HashMap<>());
        Map<FigureName, Figure> f = new EnumMap<>(FigureName.class);

        put(f, FigureName.LEADING_GROUP_MEMBERS, () -> leadingGroup(y));
        put(f, FigureName.RESPONSIBILITY_LETTER_COUNT, () -> letters(y));
        put(f, FigureName.COMMITTEE_MEETING_COUNT, () -> count(y, MEETING, Map.of(SUB_KIND, THEMATIC), "本年度党委会专题研究意识形态工作的会议记录"));
        put(f, FigureName.JUDGEMENT_MEETING_COUNT, () -> count(y, MEETING, Map.of(SUB_KIND, ANALYSIS), "本年度意识形态形势研判会议记录"));
        put(f, FigureName.STUDY_CENTRAL_GROUP_COUNT, () -> count(y, STUDY_SESSION, Map.of(SUB_KIND, CENTRAL_GROUP), "本年度理论学习中心组学习记录"));
        put(f, FigureName.SEMINAR_COUNT, () -> count(y, STUDY_SESSION, Map.of(SUB_KIND, SEMINAR), "本年度中心组专题研讨记录"));
        studyAttendance(y, f);
        put(f, FigureName.OUTREACH_COUNT, () -> count(y, OUTREACH, Map.of(), "本年度理论宣讲记录"));
        put(f, FigureName.MEDIA_BY_LEVEL, () -> media(y, LEVEL));
        put(f, FigureName.MEDIA_BY_MEDIUM, () -> media(y, MEDIUM));
        put(f, FigureName.OPINION_CASES_TOTAL, () -> count(y, OPINION_CASE, Map.of(), "本年度网络舆情登记记录"));
        put(f, FigureName.OPINION_CASES_CLOSED, () -> opinionClosed(y));
        put(f, FigureName.OPINION_CASES_ON_TIME, () -> opinionOnTime(y));
        put(f, FigureName.VENUES_CHECKED, () -> count(y, VENUE_CHECK, Map.of(), "本年度宣传文化阵地检查记录"));
        put(f, FigureName.FAULTS_FIXED, () -> sum(y, VENUE_CHECK, FAULTS_FIXED, "本年度阵地检查及故障整改记录", false));
        put(f, FigureName.ACTIVITY_COUNT, () -> activitySessions(y));
        put(f, FigureName.VOLUNTEER_HOURS, () -> sum(y, VOLUNTEER_SERVICE, HOURS, "本年度志愿服务时长记录", true));
        put(f, FigureName.VOLUNTEER_COVERAGE, () -> volunteerCoverage(y));
        put(f, FigureName.AWARD_COUNT, () -> count(y, AWARD, Map.of(), "本年度评选表彰记录"));
        put(f, FigureName.UNMET_INDICATORS, () -> indicators(y, Status.FAILED));
        put(f, FigureName.BEHIND_INDICATORS, () -> indicators(y, Status.WARNING));
        findings(y, f);
        put(f, FigureName.PRIMARY_RESPONSIBLE, () -> responsible(y, ResponsibilityKind.PRIMARY));
        put(f, FigureName.DIRECT_RESPONSIBLE, () -> responsible(y, ResponsibilityKind.DIRECT));
        put(f, FigureName.DUAL_DUTY_COUNT, () -> dualDuties(y));
        put(f, FigureName.PROPAGANDA_STAFF, () -> staff(y));
        lettersDue(y, f);
        put(f, FigureName.THEMATIC_MEETINGS, () -> named(y, Selection.of(y.path(), MEETING, y.from(), y.to())
                .where(SUB_KIND, THEMATIC), List.of(TOPICS), r -> text(r.field(TOPICS), r.title())));
        put(f, FigureName.ANALYSIS_MEETINGS, () -> named(y, Selection.of(y.path(), MEETING, y.from(), y.to())
                .where(SUB_KIND, ANALYSIS), List.of(TOPICS), r -> text(r.field(TOPICS), r.title())));
        put(f, FigureName.STUDY_TOPICS, () -> named(y, Selection.of(y.path(), STUDY_SESSION, y.from(), y.to())
                .where(SUB_KIND, CENTRAL_GROUP, SEMINAR), List.of(TOPIC), r -> text(r.field(TOPIC), r.title())));
        outreachReach(y, f);
        put(f, FigureName.VENUES_BY_KIND, () -> grouped(y, Selection.of(y.path(), LedgerKind.VENUE, null, y.to()), SUB_KIND, null,
                "宣传文化阵地登记记录"));
        put(f, FigureName.FAULTS_FOUND, () -> sum(y, VENUE_CHECK, FAULTS_FOUND, "本年度阵地检查记录", false));
        put(f, FigureName.MEDIA_OUTLETS, () -> grouped(y, Selection.of(y.path(), MEDIA_PLACEMENT, y.from(), y.to())
                .where(STATE, PUBLISHED), OUTLET, ARTICLE_COUNT, "本年度刊发稿件记录"));
        put(f, FigureName.MEDIA_SUBMITTED, () -> {
            KindRows rows = rows(y, MEDIA_PLACEMENT);
            long sent = rows.sum(ARTICLE_COUNT, Map.of(STATE, SUBMITTED)).longValue()
                    + rows.sum(ARTICLE_COUNT, Map.of(STATE, ADOPTED)).longValue();
            return sent == 0 ? Figure.missing("本年度信息报送记录") : Figure.count(sent, evidence(y, MEDIA_PLACEMENT,
                    rows.ids(Map.of(STATE, SUBMITTED))));
        });
        put(f, FigureName.MEDIA_ADOPTED, () -> {
            KindRows rows = rows(y, MEDIA_PLACEMENT);
            long adopted = rows.sum(ARTICLE_COUNT, Map.of(STATE, ADOPTED)).longValue();
            return Figure.count(adopted, evidence(y, MEDIA_PLACEMENT, rows.ids(Map.of(STATE, ADOPTED))));
        });
        put(f, FigureName.MEDIA_CROSS, () -> mediaCross(y));
        put(f, FigureName.ACTIVITIES, () -> named(y, Selection.of(y.path(), ACTIVITY, y.from(), y.to())
                .whereIn(SUB_KIND, options(ACTIVITY, SUB_KIND, ANTI_PORN, CULTURE_MARKET)), List.of(SUB_KIND, SESSIONS),
                r -> r.title() + "（" + option(ACTIVITY, SUB_KIND, r.field(SUB_KIND))
                        + (r.field(SESSIONS) instanceof Number n && n.longValue() > 1 ? "，" + n + "场" : "") + "）"));
        put(f, FigureName.ANTI_PORN_CHECKS, () -> {
            KindRows rows = rows(y, ACTIVITY);
            long checks = rows.count(Map.of(SUB_KIND, ANTI_PORN)) + rows.count(Map.of(SUB_KIND, CULTURE_MARKET));
            return checks == 0 ? Figure.missing("本年度扫黄打非及文化市场检查记录")
                    : Figure.count(checks, evidence(y, ACTIVITY, rows.ids(Map.of(SUB_KIND, ANTI_PORN))));
        });
        put(f, FigureName.VOLUNTEER_TEAMS, () -> named(y, Selection.of(y.path(), VOLUNTEER_TEAM, null, y.to()), List.of(MEMBERS),
                r -> r.title() + (r.field(MEMBERS) instanceof Number n ? "（" + n + "人）" : "")));
        put(f, FigureName.VOLUNTEER_SERVICES, () -> count(y, VOLUNTEER_SERVICE, Map.of(), "本年度志愿服务记录"));
        put(f, FigureName.VOLUNTEER_BENEFICIARIES, () -> total(y, Selection.of(y.path(), VOLUNTEER_SERVICE, y.from(), y.to()),
                BENEFICIARIES, "本年度志愿服务受益人次记录"));
        put(f, FigureName.HONOURS_RECEIVED, () -> named(y, Selection.of(y.path(), AWARD, y.from(), y.to()).where(DIRECTION, RECEIVED),
                List.of(LEVEL, SUB_KIND),
                r -> r.title() + "（" + option(AWARD, LEVEL, r.field(LEVEL)) + "，" + option(AWARD, SUB_KIND, r.field(SUB_KIND)) + "）"));
        put(f, FigureName.AWARDS, () -> named(y, Selection.of(y.path(), AWARD, y.from(), y.to()).where(DIRECTION, GIVEN),
                List.of(LEVEL, SUB_KIND),
                r -> r.title() + "（" + option(AWARD, LEVEL, r.field(LEVEL)) + "，" + option(AWARD, SUB_KIND, r.field(SUB_KIND)) + "）"));
        put(f, FigureName.PUBLICITY_SPENDING, () -> spending(y));
        put(f, FigureName.SPENDING_TOTAL, () -> {
            Selection all = Selection.of(y.path(), LedgerKind.PUBLICITY_MATERIAL, y.from(), y.to());
            if (ledger.count(all) == 0) {
                return Figure.missing("本年度宣传品制作及宣传经费记录");
            }
            return Figure.decimal(ledger.sum(all, COST), List.of(listLink(y, LedgerKind.PUBLICITY_MATERIAL)));
        });
        put(f, FigureName.HIGHLIGHTS, () -> highlights(y));
        put(f, FigureName.MEETING_ATTENDANCE, () -> {
            AttendanceFigure a = ledger.attendance(Selection.of(y.path(), MEETING, y.from(), y.to()).where(SUB_KIND, THEMATIC));
            if (a.listed() == 0) {
                return Figure.missing("本年度党委会专题研究会议考勤记录");
            }
            return Figure.percent(BigDecimal.valueOf(a.present() * 100L).divide(BigDecimal.valueOf(a.listed()), 1,
                    RoundingMode.HALF_UP), List.of(listLink(y, MEETING)));
        });
        put(f, FigureName.OTHER_MEETINGS, () -> named(y, Selection.of(y.path(), MEETING, y.from(), y.to())
                .whereIn(SUB_KIND, options(MEETING, SUB_KIND, THEMATIC, ANALYSIS)), List.of(SUB_KIND, TOPICS),
                r -> option(MEETING, SUB_KIND, r.field(SUB_KIND)) + "，" + text(r.field(TOPICS), r.title())));
        put(f, FigureName.DIRECTIVES, () -> named(y, Selection.of(y.path(), LedgerKind.DIRECTIVE, y.from(), y.to()),
                List.of(ISSUER, DOC_NUMBER), r -> text(r.field(ISSUER), "") + "《" + r.title().replaceAll("^《|》$", "") + "》"
                        + (r.field(DOC_NUMBER) == null ? "" : "（" + r.field(DOC_NUMBER) + "）")));
        put(f, FigureName.REGULATIONS, () -> named(y, Selection.of(y.path(), LedgerKind.REGULATION, y.from(), y.to()), List.of(),
                r -> "《" + r.title().replaceAll("^《|》$", "") + "》"));
        put(f, FigureName.CULTURE_TEAMS, () -> named(y, Selection.of(y.path(), LedgerKind.CULTURE_TEAM, null, y.to()),
                List.of(MEMBERS), r -> r.title() + (r.field(MEMBERS) instanceof Number n ? "（" + n + "人）" : "")));
        put(f, FigureName.OTHER_STUDY, () -> {
            long n = ledger.count(Selection.of(y.path(), STUDY_SESSION, y.from(), y.to())
                    .whereIn(SUB_KIND, options(STUDY_SESSION, SUB_KIND, CENTRAL_GROUP, SEMINAR, CADRE_STUDY)));
            return n == 0 ? Figure.missing("本年度党课、三会一课等学习记录") : Figure.count(n, List.of(listLink(y, STUDY_SESSION)));
        });
        put(f, FigureName.OWN_ACCOUNTS, () -> grouped(y, Selection.of(y.path(), LedgerKind.NEW_MEDIA_OUTPUT, y.from(), y.to()),
                ACCOUNT, POSTS, "本年度政务新媒体发布记录"));
        Selection trainings = Selection.of(y.path(), STUDY_SESSION, y.from(), y.to()).where(SUB_KIND, CADRE_STUDY);
        put(f, FigureName.TRAININGS, () -> {
            long n = ledger.count(trainings);
            return n == 0 ? Figure.missing("本年度干部职工培训记录") : Figure.count(n, List.of(listLink(y, STUDY_SESSION)));
        });
        put(f, FigureName.TRAINED, () -> total(y, trainings, TRAINED_COUNT, "本年度培训参训人数记录"));
        put(f, FigureName.ELIGIBLE, () -> total(y, trainings, ELIGIBLE_COUNT, "本年度培训应训人数记录"));
        put(f, FigureName.PARTY_PAPER_ARTICLES, () -> {
            Selection paper = Selection.of(y.path(), MEDIA_PLACEMENT, y.from(), y.to()).where(STATE, PUBLISHED)
                    .where(PARTY_PAPER, true);
            return ledger.count(paper) == 0 ? Figure.missing("本年度党报刊发稿件记录")
                    : Figure.count(ledger.sum(paper, ARTICLE_COUNT).longValue(), List.of(listLink(y, MEDIA_PLACEMENT)));
        });
        put(f, FigureName.REGISTERED_VOLUNTEERS, () -> total(y, Selection.of(y.path(), VOLUNTEER_TEAM, null, y.to()),
                REGISTERED_VOLUNTEERS, "注册志愿者人数记录"));
        Selection checks = Selection.of(y.path(), VENUE_CHECK, y.from(), y.to());
        put(f, FigureName.VENUE_VISITORS, () -> total(y, checks, VISITORS, "本年度阵地接待群众记录"));
        put(f, FigureName.VENUE_GROUPS, () -> total(y, checks, GROUPS_RECEIVED, "本年度阵地接待团队记录"));
        put(f, FigureName.VENUE_BOOKINGS, () -> total(y, checks, BOOKINGS, "本年度阵地预约使用记录"));
        put(f, FigureName.INSPECTOR_TIMES, () -> total(y, Selection.of(y.path(), ACTIVITY, y.from(), y.to())
                .whereIn(SUB_KIND, List.copyOf(CHECKS)), INSPECTOR_TIMES, "本年度检查出动人次记录"));
        return new FigureSet(townshipId, year, f);
    }

    /** The township and year being reported on, with the ledger rows of each kind once read. */
    private record Year(DataScope scope, OrgUnit township, int year, LocalDate from, LocalDate to,
            Map<LedgerKind, KindRows> read) {

        String path() {
            return township.getPath();
        }
    }

    /**
     * What the queries over one kind returned: the tallies per group, the newest records of each
     * group and, for study sessions, the attendance per sub-kind; every figure of the kind is taken
     * from them.
     */
    private record KindRows(List<LedgerTally> tallies, List<NewestRecord> newest, Map<Object, AttendanceFigure> bySubKind) {

        AttendanceFigure attendance(String subKind) {
            return bySubKind.getOrDefault(subKind, new AttendanceFigure(0, 0, 0, 0));
        }

        long count(Map<String, ?> where) {
            return tallies.stream().filter(t -> in(t.group(), where)).mapToLong(LedgerTally::count).sum();
        }

        BigDecimal sum(String field, Map<String, ?> where) {
            return tallies.stream().filter(t -> in(t.group(), where)).map(t -> t.sum(field))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /** The newest records of the group, newest first, as many as a figure links one by one. */
        List<Long> ids(Map<String, ?> where) {
            return newest.stream().filter(r -> in(r.group(), where)).limit(RECORD_LINKS).map(NewestRecord::id).toList();
        }

        /** Records whose group has a value for the field (e.g. cases with a date closed). */
        long countFilled(String field) {
            return tallies.stream().filter(t -> t.group().get(field) != null).mapToLong(LedgerTally::count).sum();
        }

        List<Long> idsFilled(String field) {
            return newest.stream().filter(r -> r.group().get(field) != null).limit(RECORD_LINKS).map(NewestRecord::id).toList();
        }

        private static boolean in(Map<String, Object> group, Map<String, ?> where) {
            return where.entrySet().stream().allMatch(e -> e.getValue().equals(group.get(e.getKey())));
        }
    }

    /**
     * One aggregate query and one query for the evidence ids per kind (and one for the attendance of
     * study sessions), read once per report. The volunteer teams count from their founding up to the
     * end of the year, everything else within it.
     */
    private KindRows rows(Year y, LedgerKind kind) {
        KindRows rows = y.read().get(kind);
        if (rows == null) {
            LocalDate from = VOLUNTEER_TEAM == kind ? null : y.from();
            Selection all = Selection.of(y.township().getPath(), kind, from, y.to());
            List<String> groupBy = GROUP_BY.getOrDefault(kind, List.of());
            rows = new KindRows(ledger.tally(all, groupBy, SUMS.getOrDefault(kind, List.of())),
                    ledger.newestRecords(all, groupBy, RECORD_LINKS),
                    STUDY_SESSION == kind ? ledger.attendanceBy(all, SUB_KIND) : Map.of());
            y.read().put(kind, rows);
        }
        return rows;
    }

    /** One figure that fails for an unforeseen reason is reported missing; the other figures still count. */
    private static void put(Map<FigureName, Figure> f, FigureName name, Supplier<Figure> figure) {
        try {
            f.put(name, figure.get());
        } catch (RuntimeException e) {
            log.warn("figure {} could not be computed", name.key(), e);
            f.put(name, Figure.missing(name.missingDescription() + "（暂时无法统计）"));
        }
    }

    /**
     * The leading group's members as they stood at the end of the year: the seats, and who held each
     * seat's post on 31 December (or today, for the running year). A vacant seat is no member (it shows
     * on the needs-attention list instead).
     */
    private Figure leadingGroup(Year y) {
        LocalDate asOf = y.to().isBefore(evaluations.today()) ? y.to() : evaluations.today();
        List<LeadingGroupService.GroupMember> members = groups.membersOn(y.scope(), y.township().getId(), asOf);
        if (members.isEmpty()) {
            return Figure.missing("意识形态工作领导小组成员名单（尚未设立领导小组或未配备成员）");
        }
        EvidenceLink link = new EvidenceLink(y.township().getName() + "意识形态工作领导小组",
                "/responsibility/groups?townshipId=" + y.township().getId());
        List<FigureItem> items = members.stream().filter(m -> m.holderName() != null)
                .map(m -> FigureItem.of(m.holderName(),
                        message("responsibility.seatRole." + m.role().name()) + "，" + m.postTitle(), link))
                .toList();
        if (items.isEmpty()) {
            return Figure.missing("意识形态工作领导小组成员名单（领导小组的席位均空缺）");
        }
        return Figure.list(items, List.of(link));
    }

    /**
     * 活动场次 (glossary): the 场次 of the activities, a record without them counting as one; 扫黄打非
     * checks are enforcement, not cultural activities, and are left out.
     */
    private Figure activitySessions(Year y) {
        KindRows rows = rows(y, ACTIVITY);
        long sessions = 0;
        for (LedgerTally t : rows.tallies()) {
            if (!CHECKS.contains(t.group().get(SUB_KIND))) {
                sessions += t.count() * (t.group().get(SESSIONS) instanceof Number n ? n.longValue() : 1L);
            }
        }
        if (sessions == 0) {
            return Figure.missing("本年度文化、文体及节日活动记录");
        }
        List<Long> ids = rows.newest().stream().filter(r -> !CHECKS.contains(r.group().get(SUB_KIND)))
                .limit(RECORD_LINKS).map(NewestRecord::id).toList();
        return Figure.count(sessions, evidence(y, ACTIVITY, ids));
    }

    private Figure letters(Year y) {
        LetterService.LetterStatus status = letters.status(y.scope(), y.township().getId(), y.year());
        if (status.signed() == 0) {
            return Figure.missing(y.year() + "年意识形态工作责任书签订记录");
        }
        return Figure.count(status.signed(), List.of(new EvidenceLink(
                y.year() + "年责任书签订情况（已签 " + status.signed() + " / 应签 " + status.due() + "）",
                "/responsibility/letters?townshipId=" + y.township().getId() + "&year=" + y.year())));
    }

    private Figure count(Year y, LedgerKind kind, Map<String, ?> where, String missing) {
        KindRows rows = rows(y, kind);
        long n = rows.count(where);
        if (n == 0) {
            return Figure.missing(missing);
        }
        return Figure.count(n, evidence(y, kind, rows.ids(where)));
    }

    private Figure sum(Year y, LedgerKind kind, String field, String missing, boolean decimal) {
        KindRows rows = rows(y, kind);
        if (rows.count(Map.of()) == 0) {
            return Figure.missing(missing);
        }
        BigDecimal total = rows.sum(field, Map.of());
        List<EvidenceLink> evidence = evidence(y, kind, rows.ids(Map.of()));
        return decimal ? Figure.decimal(total, evidence) : Figure.count(total.longValue(), evidence);
    }

    private void studyAttendance(Year y, Map<FigureName, Figure> f) {
        Map<String, String> central = Map.of(SUB_KIND, CENTRAL_GROUP);
        Map<String, String> seminar = Map.of(SUB_KIND, SEMINAR);
        // 中心组学习出勤率 as the glossary defines it and indicator LL-03 and the chart count it: central-group
        // sessions only (a seminar's attendance is not the central group's), 出席 over 应到, 请假 not present.
        put(f, FigureName.ATTENDANCE_RATE, () -> {
            KindRows rows = rows(y, STUDY_SESSION);
            AttendanceFigure a = rows.attendance(CENTRAL_GROUP);
            if (a.listed() == 0) {
                return Figure.missing("本年度中心组学习考勤记录");
            }
            BigDecimal rate = BigDecimal.valueOf(a.present() * 100L)
                    .divide(BigDecimal.valueOf(a.listed()), 1, RoundingMode.HALF_UP);
            return Figure.percent(rate, evidence(y, STUDY_SESSION, rows.ids(central)));
        });
        put(f, FigureName.SPEAKERS_COUNT, () -> {
            KindRows rows = rows(y, STUDY_SESSION);
            long sessions = rows.count(central) + rows.count(seminar);
            if (sessions == 0) {
                return Figure.missing("本年度中心组学习交流发言记录");
            }
            long spoke = rows.attendance(CENTRAL_GROUP).spoke() + rows.attendance(SEMINAR).spoke();
            if (spoke == 0) {
                return Figure.missing("中心组学习考勤中的交流发言记录");
            }
            return Figure.count(spoke, join(evidence(y, STUDY_SESSION, rows.ids(central)),
                    evidence(y, STUDY_SESSION, rows.ids(seminar))));
        });
    }

    /** Articles (篇, the sum of articleCount) per level or medium, in the order of the field's options. */
    private Figure media(Year y, String field) {
        KindRows rows = rows(y, MEDIA_PLACEMENT);
        if (rows.count(Map.of()) == 0) {
            return Figure.missing("本年度新闻上稿记录");
        }
        List<FigureItem> items = new ArrayList<>();
        for (String option : MEDIA_PLACEMENT.definition().field(field).orElseThrow().options()) {
            // 上稿 (glossary): pieces the outlet published; submitted or adopted ones are 报送, told apart
            Map<String, String> where = Map.of(field, option, STATE, PUBLISHED);
            long articles = rows.sum(ARTICLE_COUNT, where).longValue();
            if (articles > 0) {
                String label = option(MEDIA_PLACEMENT, field, option);
                items.add(FigureItem.counted(label, articles, records(MEDIA_PLACEMENT, rows.ids(where))));
            }
        }
        return Figure.list(items, List.of(listLink(y, MEDIA_PLACEMENT)));
    }

    /** Cases with a date closed: the base of the on-time rate, as in the assessment (indicator WL-01). */
    private Figure opinionClosed(Year y) {
        KindRows rows = rows(y, OPINION_CASE);
        if (rows.count(Map.of()) == 0) {
            return Figure.missing("本年度网络舆情处置记录");
        }
        return Figure.count(rows.countFilled(CLOSED_ON), evidence(y, OPINION_CASE, rows.idsFilled(CLOSED_ON)));
    }

    private Figure opinionOnTime(Year y) {
        KindRows rows = rows(y, OPINION_CASE);
        if (rows.count(Map.of()) == 0) {
            return Figure.missing("本年度网络舆情处置记录");
        }
        Map<String, Boolean> onTime = Map.of(ON_TIME, true);
        return Figure.count(rows.count(onTime), evidence(y, OPINION_CASE, rows.ids(onTime)));
    }

    /** Members of the volunteer teams founded by the end of the year, in percent of the registered population. */
    private Figure volunteerCoverage(Year y) {
        long population = units.registeredPopulation(y.township());
        if (population <= 0) {
            return Figure.missing("本镇户籍人口数（请在组织机构中填写本镇或各村、社区的户籍人口）");
        }
        KindRows teams = rows(y, VOLUNTEER_TEAM);
        if (teams.count(Map.of()) == 0) {
            return Figure.missing("志愿服务队及注册志愿者人数记录");
        }
        BigDecimal members = teams.sum(MEMBERS, Map.of());
        BigDecimal percent = members.multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(population), 1,
                RoundingMode.HALF_UP);
        List<EvidenceLink> links = new ArrayList<>(records(VOLUNTEER_TEAM, teams.ids(Map.of())));
        links.add(new EvidenceLink("户籍人口 " + population + " 人（组织机构）", "/org/units/" + y.township().getId()));
        return Figure.percent(percent, links);
    }

    /** Indicators that failed, or are late in a running period, on the evaluation date. */
    /**
     * The indicators of the year with the given status: FAILED (the period is over and the target
     * was missed) or WARNING (the period is still running and the indicator is behind). A report
     * must not call an indicator missed while its period runs.
     */
    private Figure indicators(Year y, Status wanted) {
        LocalDate today = evaluations.today();
        LocalDate asOf = y.to().isBefore(today) ? y.to() : today;
        List<Evaluation> results;
        try {
            results = evaluations.evaluate(y.scope(), y.township().getId(), y.year(), asOf);
        } catch (RuleViolationException e) {
            return Figure.missing("本年度量化考评结果（考评模块尚未接入台账，暂不能计算未达标指标）");
        }
        if (results.isEmpty()) {
            return Figure.missing(y.year() + "年适用于本镇的量化考评指标体系");
        }
        String evaluationPage = "/assessment/evaluation?townshipId=" + y.township().getId() + "&year=" + y.year();
        List<FigureItem> items = new ArrayList<>();
        for (Evaluation evaluation : results) {
            for (IndicatorResult result : evaluation.indicators()) {
                if (result.status() != wanted) {
                    continue;
                }
                String detail = result.periods().stream()
                        .filter(p -> p.status() == wanted)
                        .map(p -> periodDetail(p, result.indicator().unit()))
                        .reduce((a, b) -> a + "；" + b).orElse(result.missing() == null ? "" : result.missing());
                if (wanted == Status.WARNING) {
                    detail = "截至" + ReportText.monthDay(asOf) + "，" + detail;
                }
                items.add(FigureItem.of(result.indicator().name(), detail,
                        new EvidenceLink(evaluation.setName() + "：" + result.indicator().name(), evaluationPage)));
            }
        }
        return Figure.list(items, List.of(new EvidenceLink("量化考评（截至" + ReportText.date(asOf) + "）", evaluationPage)));
    }

    /**
     * "第一季度目标4，实际2", "全年目标0.5小时/人，实际0.01小时/人": in words and in the indicator's unit,
     * the actual figure to two decimals at most (a per-resident rate of 0.0055 is 0.01 in prose).
     */
    private static String periodDetail(PeriodResult p, String unit) {
        return p.label() + "目标" + plain(p.target()) + unit + "，实际"
                + (p.actual() == null ? "无记录" : plain(p.actual().setScale(Math.min(2, Math.max(0, p.actual().scale())),
                        java.math.RoundingMode.HALF_UP)) + unit);
    }

    private static String plain(BigDecimal value) {
        return value == null ? "—" : value.stripTrailingZeros().toPlainString();
    }

    private void findings(Year y, Map<FigureName, Figure> f) {
        List<FindingSummary> all;
        try {
            all = findings.summaries(y.scope(), y.township().getId(), y.from(), y.to().plusDays(1));
        } catch (RuntimeException e) {
            log.warn("findings could not be read", e);
            f.put(FigureName.OPEN_FINDINGS, Figure.missing("督导检查问题及整改记录（暂时无法统计）"));
            f.put(FigureName.CLOSED_FINDINGS, Figure.missing("问题整改复查记录（暂时无法统计）"));
            f.put(FigureName.PROBLEMS, Figure.missing("检查发现的问题及整改记录（暂时无法统计）"));
            return;
        }
        if (all.isEmpty()) {
            f.put(FigureName.OPEN_FINDINGS, Figure.missing("本年度督导检查问题记录"));
            f.put(FigureName.CLOSED_FINDINGS, Figure.missing("本年度督导检查问题记录"));
            f.put(FigureName.PROBLEMS, Figure.list(List.of(), List.of()));
            return;
        }
        List<FindingSummary> closed = all.stream().filter(s -> s.closedAt() != null).toList();
        List<FigureItem> open = all.stream().filter(s -> s.closedAt() == null)
                .map(s -> FigureItem.of(s.title(), s.unitName() + (s.deadline() == null ? "" : "，整改期限 " + s.deadline())
                        + (s.overdue() ? "，已逾期" : ""), findingLink(s)))
                .toList();
        f.put(FigureName.OPEN_FINDINGS, Figure.list(open, List.of(new EvidenceLink("督导检查问题", "/inspection/findings"))));
        f.put(FigureName.PROBLEMS, Figure.list(all.stream().map(s -> FigureItem.of(problem(s), rectification(s), findingLink(s)))
                .toList(), List.of(new EvidenceLink("检查发现的问题及整改", "/inspection/findings"))));
        f.put(FigureName.CLOSED_FINDINGS, Figure.count(closed.size(), closed.stream()
                .map(LedgerReportFigures::findingLink).toList()));
    }

    /**
     * The problem as it was recorded: the finding's statement (what was found), not its title, which
     * for a self-inspection is the checklist norm with its number.
     */
    static String problem(FindingSummary s) {
        String statement = s.detail() == null || s.detail().isBlank() ? s.title() : s.detail().strip();
        statement = statement.replaceAll("[。；;，,\\s]+$", "");
        return s.unitName() != null && !s.unitName().endsWith("镇") && !s.unitName().endsWith("乡")
                && !s.unitName().endsWith("街道") ? s.unitName() + statement : statement;
    }

    /** Who rectifies it, by when, how, and where it stands: from the finding's own record. */
    static String rectification(FindingSummary s) {
        StringBuilder text = new StringBuilder();
        if (s.measures() != null && !s.measures().isBlank()) {
            text.append(s.measures().strip().replaceAll("[。；;，,\\s]+$", ""));
        } else {
            text.append("整改措施尚未填写");
        }
        if (s.ownerPost() != null) {
            text.append("，由").append(s.ownerPost()).append(s.ownerName() == null ? "" : s.ownerName()).append("负责");
        }
        if (s.deadline() != null) {
            text.append("，").append(ReportText.date(s.deadline())).append("前完成");
        }
        text.append(switch (s.state()) {
            case "PASSED" -> "（已整改到位并经复查）";
            case "SUBMITTED" -> "（已整改，待复查）";
            default -> s.overdue() ? "（已超过整改时限，正在整改）" : "（正在整改）";
        });
        return text.toString();
    }

    private static EvidenceLink findingLink(FindingSummary s) {
        return new EvidenceLink(s.unitName() + "：" + s.title(), "/inspection/findings/" + s.id());
    }

    private Figure responsible(Year y, ResponsibilityKind kind) {
        List<ResponsibilityService.DutyView> list = duties.list(y.scope(), y.township().getId()).stream()
                .filter(d -> d.kind() == kind).toList();
        if (list.isEmpty()) {
            return Figure.missing(kind == ResponsibilityKind.PRIMARY ? "第一责任人的责任分工" : "直接责任人的责任分工");
        }
        Map<Long, Person> holders = posts.holdersOn(list.stream().map(ResponsibilityService.DutyView::postId).toList(), y.to());
        EvidenceLink link = new EvidenceLink(y.township().getName() + "意识形态工作责任分工",
                "/responsibility/duties?townshipId=" + y.township().getId());
        return Figure.list(list.stream().map(d -> FigureItem.of(
                holders.containsKey(d.postId()) ? holders.get(d.postId()).getName() : "（空缺）", d.postTitle(), link)).toList(),
                List.of(link));
    }

    private Figure dualDuties(Year y) {
        long n = duties.list(y.scope(), y.township().getId()).stream().filter(d -> d.kind() == ResponsibilityKind.DUAL_DUTY)
                .count();
        if (n == 0) {
            return Figure.missing("班子成员“一岗双责”的责任分工");
        }
        return Figure.count(n, List.of(new EvidenceLink(y.township().getName() + "意识形态工作责任分工",
                "/responsibility/duties?townshipId=" + y.township().getId())));
    }

    /** 宣传委员、宣传干事 of the township and 宣传员 of its villages: posts held at the end of the year. */
    private Figure staff(Year y) {
        List<Post> all = new ArrayList<>(posts.postsOf(y.scope(), y.township().getId()));
        units.children(y.scope(), y.township().getId()).forEach(v -> all.addAll(posts.postsOf(y.scope(), v.getId())));
        List<PostKind> kinds = List.of(PostKind.PROPAGANDA_MEMBER, PostKind.PROPAGANDA_OFFICER, PostKind.PROPAGANDIST);
        List<Post> relevant = all.stream().filter(p -> p.isActive() && kinds.contains(p.getKind())).toList();
        Map<Long, Person> held = posts.holdersOn(relevant.stream().map(Post::getId).toList(), y.to());
        List<FigureItem> items = new ArrayList<>();
        for (PostKind kind : kinds) {
            long n = relevant.stream().filter(p -> p.getKind() == kind && held.containsKey(p.getId())).count();
            if (n > 0) {
                items.add(FigureItem.counted(message("org.postKind." + kind.name()), n, List.of()));
            }
        }
        if (items.isEmpty()) {
            return Figure.missing("宣传委员、宣传干事和村（社区）宣传员的岗位及任职记录");
        }
        return Figure.list(items, List.of(new EvidenceLink(y.township().getName() + "岗位与人员",
                "/org/people?unitId=" + y.township().getId())));
    }

    private void lettersDue(Year y, Map<FigureName, Figure> f) {
        try {
            LetterService.LetterStatus status = letters.status(y.scope(), y.township().getId(), y.year());
            EvidenceLink link = new EvidenceLink(y.year() + "年责任书签订情况",
                    "/responsibility/letters?townshipId=" + y.township().getId() + "&year=" + y.year());
            if (status.due() == 0) {
                f.put(FigureName.LETTERS_DUE, Figure.missing("应签订责任书的村（社区）和站所名单"));
                f.put(FigureName.LETTERS_UNSIGNED, Figure.missing("应签订责任书的村（社区）和站所名单"));
                return;
            }
            f.put(FigureName.LETTERS_DUE, Figure.count(status.due(), List.of(link)));
            f.put(FigureName.LETTERS_UNSIGNED, Figure.list(status.unsigned().stream()
                    .map(r -> FigureItem.of(r.counterpartName(), "", link)).toList(), List.of(link)));
        } catch (RuntimeException e) {
            log.warn("letters could not be read", e);
            f.put(FigureName.LETTERS_DUE, Figure.missing("应签订责任书的单位（暂时无法统计）"));
            f.put(FigureName.LETTERS_UNSIGNED, Figure.missing("应签订责任书的单位（暂时无法统计）"));
        }
    }

    /** 宣讲 villages reached out of all, and the audience: one coverage query, one sum. */
    private void outreachReach(Year y, Map<FigureName, Figure> f) {
        Selection outreach = Selection.of(y.path(), OUTREACH, y.from(), y.to());
        put(f, FigureName.VILLAGES_TOTAL, () -> {
            Coverage c = ledger.villagesReached(outreach);
            return c.total() == 0 ? Figure.missing("本镇村（社区）名册")
                    : Figure.count(c.total(), List.of(new EvidenceLink(y.township().getName() + "组织机构", "/org/units")));
        });
        put(f, FigureName.OUTREACH_VILLAGES, () -> {
            if (ledger.count(outreach) == 0) {
                return Figure.missing("本年度理论宣讲记录");
            }
            return Figure.count(ledger.villagesReached(outreach).covered(), evidence(y, OUTREACH, rows(y, OUTREACH).ids(Map.of())));
        });
        put(f, FigureName.OUTREACH_AUDIENCE, () -> total(y, outreach, AUDIENCE, "本年度宣讲受众人数记录"));
    }

    /** The sum of a numeric field; missing when no record has it filled in (not zero). */
    private Figure total(Year y, Selection s, String field, String missing) {
        List<LedgerStatistics.RecordRow> filled = ledger.rows(s.whereSet(field), List.of(), RECORD_LINKS);
        if (filled.isEmpty()) {
            return Figure.missing(missing);
        }
        return Figure.count(ledger.sum(s, field).longValue(),
                evidence(y, s.kind(), filled.stream().map(LedgerStatistics.RecordRow::id).toList()));
    }

    /**
     * Records named one by one ("3月12日，学习《…》"), in date order: every record of the year, not only
     * the newest, because a report that names topics or activities must not leave some out.
     */
    private Figure named(Year y, Selection s, List<String> fields, java.util.function.Function<LedgerStatistics.RecordRow, String> label) {
        List<LedgerStatistics.RecordRow> rows = ledger.rows(s, fields, NAMED_LIMIT);
        if (rows.isEmpty()) {
            return Figure.missing("本年度" + message("ledger.kind." + s.kind()) + "记录");
        }
        List<FigureItem> items = rows.stream().map(r -> FigureItem.of(label.apply(r), ReportText.monthDay(r.occurredOn()),
                recordLink(s.kind(), r))).toList();
        return Figure.list(items, List.of(listLink(y, s.kind())));
    }

    /** Activity sub-kinds that are checks (扫黄打非, 文化市场), not activities held: apart in 活动场次 and in the report. */
    static final java.util.Set<String> CHECKS = java.util.Set.of(ANTI_PORN, CULTURE_MARKET);

    /** At most this many records are named one by one in a sentence; more are counted, not listed. */
    static final int NAMED_LIMIT = 200;

    /** Records grouped by the value of a field, with their count or the sum of another field. */
    private Figure grouped(Year y, Selection s, String field, String sumField, String missing) {
        List<LedgerTally> tallies = ledger.tally(s, List.of(field), sumField == null ? List.of() : List.of(sumField));
        if (tallies.isEmpty()) {
            return Figure.missing(missing);
        }
        List<FigureItem> items = tallies.stream()
                .sorted(java.util.Comparator.comparingLong((LedgerTally t) -> sumField == null ? t.count() : t.sum(sumField).longValue())
                        .reversed())
                .map(t -> FigureItem.counted(option(s.kind(), field, t.group().get(field)),
                        sumField == null ? t.count() : t.sum(sumField).longValue(), List.of()))
                .toList();
        return Figure.list(items, List.of(listLink(y, s.kind())));
    }

    /** 上稿 by level and medium together ("省级报刊2篇"), the cross table a summary states in words. */
    private Figure mediaCross(Year y) {
        KindRows rows = rows(y, MEDIA_PLACEMENT);
        if (rows.count(Map.of()) == 0) {
            return Figure.missing("本年度新闻上稿记录");
        }
        List<FigureItem> items = new ArrayList<>();
        for (String level : MEDIA_PLACEMENT.enumFields().get(LEVEL)) {
            for (String medium : MEDIA_PLACEMENT.enumFields().get(MEDIUM)) {
                Map<String, String> where = Map.of(LEVEL, level, MEDIUM, medium, STATE, PUBLISHED);
                long articles = rows.sum(ARTICLE_COUNT, where).longValue();
                if (articles > 0) {
                    items.add(FigureItem.counted(option(MEDIA_PLACEMENT, LEVEL, level) + option(MEDIA_PLACEMENT, MEDIUM, medium),
                            articles, evidence(y, MEDIA_PLACEMENT, rows.ids(where))));
                }
            }
        }
        return Figure.list(items, List.of(listLink(y, MEDIA_PLACEMENT)));
    }

    private Figure spending(Year y) {
        Selection all = Selection.of(y.path(), LedgerKind.PUBLICITY_MATERIAL, y.from(), y.to());
        List<LedgerTally> tallies = ledger.tally(all, List.of(SUB_KIND), List.of(QUANTITY, COST));
        if (tallies.isEmpty()) {
            return Figure.missing("本年度宣传品制作及宣传经费记录");
        }
        List<FigureItem> items = tallies.stream().map(t -> new FigureItem(option(LedgerKind.PUBLICITY_MATERIAL, SUB_KIND,
                        t.group().get(SUB_KIND)),
                (t.sum(QUANTITY).signum() > 0 ? "数量" + t.sum(QUANTITY).toBigInteger() + "，" : "") + "金额"
                        + Figure.plain(t.sum(COST)) + "元", t.count(), List.of()))
                .toList();
        return Figure.list(items, List.of(listLink(y, LedgerKind.PUBLICITY_MATERIAL)));
    }

    /** Records of any kind the user tagged 亮点, kind by kind in date order. */
    private Figure highlights(Year y) {
        List<FigureItem> items = ledger.tagged(y.path(), y.from(), y.to(), HIGHLIGHT_TAG, NAMED_LIMIT).stream()
                .map(r -> FigureItem.of(r.title(), ReportText.monthDay(r.occurredOn()) + "，"
                        + message("ledger.kind." + r.kind()), recordLink(r.kind(), r.id(), r.occurredOn(), r.title())))
                .toList();
        if (items.isEmpty()) {
            return Figure.missing("标记为“亮点”的台账记录（在记录的标签中填“亮点”）");
        }
        return Figure.list(items, List.of());
    }

    /** The tag by which a user marks a record as a highlight of the year. */
    static final String HIGHLIGHT_TAG = "亮点";

    /** The options of a choice field other than those given. */
    private static List<String> options(LedgerKind kind, String field, String... except) {
        List<String> left = new ArrayList<>(kind.definition().field(field).orElseThrow().options());
        left.removeAll(List.of(except));
        return left;
    }

    /** The Chinese label of an option, e.g. 省级 for MEDIA_PLACEMENT.level=PROVINCIAL; free text as it is. */
    private String option(LedgerKind kind, String field, Object value) {
        if (value == null) {
            return "";
        }
        String key = "ledger.field." + kind + "." + field + "." + value;
        String label = messages.getMessage(key, null, null, ZH);
        // option labels read as prose ("学习强国等平台"): the form and the report say the same
        return label == null ? value.toString() : label;
    }

    private static String text(Object value, String fallback) {
        return value == null || value.toString().isBlank() ? fallback : value.toString().strip();
    }

    private EvidenceLink recordLink(LedgerKind kind, LedgerStatistics.RecordRow r) {
        return recordLink(kind, r.id(), r.occurredOn(), r.title());
    }

    private EvidenceLink recordLink(LedgerKind kind, long id, LocalDate on, String title) {
        return new EvidenceLink(ReportText.date(on) + " " + message("ledger.kind." + kind) + " " + title,
                "/ledger/records/" + id);
    }

    /** The filtered ledger list of the kind and year, then the newest records one by one. */
    private List<EvidenceLink> evidence(Year y, LedgerKind kind, List<Long> ids) {
        List<EvidenceLink> links = new ArrayList<>();
        links.add(listLink(y, kind));
        links.addAll(records(kind, ids));
        return links;
    }

    private List<EvidenceLink> records(LedgerKind kind, List<Long> ids) {
        String kindLabel = message("ledger.kind." + kind);
        return ids.stream().map(id -> new EvidenceLink(kindLabel + "记录 #" + id, "/ledger/records/" + id)).toList();
    }

    private EvidenceLink listLink(Year y, LedgerKind kind) {
        return new EvidenceLink(y.township().getName() + y.year() + "年" + message("ledger.kind." + kind) + "台账",
                "/ledger/" + kind + "?unitId=" + y.township().getId() + "&from=" + y.from() + "&to=" + y.to());
    }

    private static List<EvidenceLink> join(List<EvidenceLink> a, List<EvidenceLink> b) {
        List<EvidenceLink> all = new ArrayList<>(a);
        b.stream().filter(l -> !all.contains(l)).forEach(all::add);
        return all;
    }

    private String message(String key) {
        return messages.getMessage(key, null, key, ZH);
    }
}
