package org.luoshi.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
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
import org.luoshi.ledger.LedgerFigure;
import org.luoshi.ledger.LedgerQueries;
import org.luoshi.ledger.RecordKind;
import org.luoshi.ledger.RecordKinds;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitService;
import org.luoshi.responsibility.LeadingGroupService;
import org.luoshi.responsibility.LetterService;
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
 * the inspection findings, each with aggregate queries and links to the records behind it. A kind
 * that is not registered, or a year without records of it, gives a MISSING figure with a Chinese
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
    private final LedgerQueries ledger;
    private final RecordKinds kinds;
    private final LeadingGroupService groups;
    private final LetterService letters;
    private final EvaluationService evaluations;
    private final FindingService findings;
    private final MessageSource messages;
    private final TransactionTemplate outside;

    LedgerReportFigures(OrgUnitService units, LedgerQueries ledger, RecordKinds kinds, LeadingGroupService groups,
            LetterService letters, EvaluationService evaluations, FindingService findings, MessageSource messages,
            PlatformTransactionManager transactions) {
        this.units = units;
        this.ledger = ledger;
        this.kinds = kinds;
        this.groups = groups;
        this.letters = letters;
        this.evaluations = evaluations;
        this.findings = findings;
        this.messages = messages;
        this.outside = new TransactionTemplate(transactions);
        this.outside.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
    }

    @Override
    public FigureSet figures(long townshipId, int year) {
        return outside.execute(status -> compute(townshipId, year));
    }

    private FigureSet compute(long townshipId, int year) {
        OrgUnit township = units.getUnchecked(townshipId);
        // The report module has already checked that the caller may read the township; the figures
        // are those of the whole township, whoever asks.
        DataScope scope = new DataScope("report", township.getId(), township.getPath(), false);
        Year y = new Year(scope, township, year, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        Map<FigureName, Figure> f = new EnumMap<>(FigureName.class);

        put(f, FigureName.LEADING_GROUP_MEMBERS, () -> leadingGroup(y));
        put(f, FigureName.RESPONSIBILITY_LETTER_COUNT, () -> letters(y));
        put(f, FigureName.COMMITTEE_MEETING_COUNT, () -> count(y, "MEETING", "subKind", "THEMATIC", "本年度党委会专题研究意识形态工作的会议记录"));
        put(f, FigureName.JUDGEMENT_MEETING_COUNT, () -> count(y, "MEETING", "subKind", "ANALYSIS", "本年度意识形态形势研判会议记录"));
        put(f, FigureName.STUDY_CENTRAL_GROUP_COUNT, () -> count(y, "STUDY_SESSION", "subKind", "CENTRAL_GROUP", "本年度理论学习中心组学习记录"));
        put(f, FigureName.SEMINAR_COUNT, () -> count(y, "STUDY_SESSION", "subKind", "SEMINAR", "本年度中心组专题研讨记录"));
        studyAttendance(y, f);
        put(f, FigureName.OUTREACH_COUNT, () -> count(y, "OUTREACH", null, null, "本年度理论宣讲记录"));
        put(f, FigureName.MEDIA_BY_LEVEL, () -> media(y, "level"));
        put(f, FigureName.MEDIA_BY_MEDIUM, () -> media(y, "medium"));
        put(f, FigureName.OPINION_CASES_TOTAL, () -> count(y, "OPINION_CASE", null, null, "本年度网络舆情登记记录"));
        put(f, FigureName.OPINION_CASES_ON_TIME, () -> opinionOnTime(y));
        put(f, FigureName.VENUES_CHECKED, () -> count(y, "VENUE_CHECK", null, null, "本年度宣传文化阵地检查记录"));
        put(f, FigureName.FAULTS_FIXED, () -> sum(y, "VENUE_CHECK", "faultsFixed", "本年度阵地检查及故障整改记录", false));
        put(f, FigureName.ACTIVITY_COUNT, () -> count(y, "ACTIVITY", null, null, "本年度文化、文体及节日活动记录"));
        put(f, FigureName.VOLUNTEER_HOURS, () -> sum(y, "VOLUNTEER_SERVICE", "hours", "本年度志愿服务时长记录", true));
        put(f, FigureName.VOLUNTEER_COVERAGE, () -> volunteerCoverage(y));
        put(f, FigureName.AWARD_COUNT, () -> count(y, "AWARD", null, null, "本年度评选表彰记录"));
        put(f, FigureName.UNMET_INDICATORS, () -> unmetIndicators(y));
        findings(y, f);
        return new FigureSet(townshipId, year, f);
    }

    private record Year(DataScope scope, OrgUnit township, int year, LocalDate from, LocalDate to) {
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

    private Figure leadingGroup(Year y) {
        List<LeadingGroupService.GroupMember> members = groups.members(y.scope(), y.township().getId());
        if (members.isEmpty()) {
            return Figure.missing("意识形态工作领导小组成员名单（尚未设立领导小组或未配备成员）");
        }
        EvidenceLink link = new EvidenceLink(y.township().getName() + "意识形态工作领导小组",
                "/responsibility/groups?townshipId=" + y.township().getId());
        List<FigureItem> items = members.stream().map(m -> FigureItem.of(
                m.holderName() != null ? m.holderName() : m.postTitle() + "（空缺）",
                message("responsibility.seatRole." + m.role().name()) + "，" + m.postTitle(), link)).toList();
        return Figure.list(items, List.of(link));
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

    private Figure count(Year y, String kind, String field, String value, String missing) {
        if (kinds.find(kind).isEmpty()) {
            return Figure.missing(missing + "（台账尚未设立此类记录）");
        }
        LedgerFigure figure = figure(y, kind, field, value);
        long n = ledger.count(y.scope(), figure);
        if (n == 0) {
            return Figure.missing(missing);
        }
        return Figure.count(n, evidence(y, figure));
    }

    private Figure sum(Year y, String kind, String field, String missing, boolean decimal) {
        if (kinds.find(kind).isEmpty()) {
            return Figure.missing(missing + "（台账尚未设立此类记录）");
        }
        LedgerFigure figure = LedgerFigure.of(kind, y.township().getId(), y.from(), y.to());
        if (ledger.count(y.scope(), figure) == 0) {
            return Figure.missing(missing);
        }
        BigDecimal total = ledger.sum(y.scope(), figure, field);
        return decimal ? Figure.decimal(total, evidence(y, figure)) : Figure.count(total.longValue(), evidence(y, figure));
    }

    private void studyAttendance(Year y, Map<FigureName, Figure> f) {
        LedgerFigure central = figure(y, "STUDY_SESSION", "subKind", "CENTRAL_GROUP");
        LedgerFigure seminar = figure(y, "STUDY_SESSION", "subKind", "SEMINAR");
        put(f, FigureName.ATTENDANCE_RATE, () -> {
            AttendanceFigure a = ledger.attendance(y.scope(), central);
            AttendanceFigure b = ledger.attendance(y.scope(), seminar);
            long listed = a.listed() + b.listed();
            if (listed == 0) {
                return Figure.missing("本年度中心组学习考勤记录");
            }
            BigDecimal rate = BigDecimal.valueOf((a.present() + b.present()) * 100L)
                    .divide(BigDecimal.valueOf(listed), 1, RoundingMode.HALF_UP);
            return Figure.percent(rate, join(evidence(y, central), evidence(y, seminar)));
        });
        put(f, FigureName.SPEAKERS_COUNT, () -> {
            long sessions = ledger.count(y.scope(), central) + ledger.count(y.scope(), seminar);
            if (sessions == 0) {
                return Figure.missing("本年度中心组学习交流发言记录");
            }
            long spoke = ledger.spoke(y.scope(), central) + ledger.spoke(y.scope(), seminar);
            if (spoke == 0) {
                return Figure.missing("中心组学习考勤中的交流发言记录");
            }
            return Figure.count(spoke, join(evidence(y, central), evidence(y, seminar)));
        });
    }

    /** Articles (篇, the sum of articleCount) per level or medium, in the order of the field's options. */
    private Figure media(Year y, String field) {
        RecordKind kind = kinds.get("MEDIA_PLACEMENT");
        LedgerFigure all = LedgerFigure.of("MEDIA_PLACEMENT", y.township().getId(), y.from(), y.to());
        if (ledger.count(y.scope(), all) == 0) {
            return Figure.missing("本年度新闻上稿记录");
        }
        List<FigureItem> items = new ArrayList<>();
        for (String option : kind.field(field).orElseThrow().options()) {
            LedgerFigure of = all.where(field, option);
            long articles = ledger.sum(y.scope(), of, "articleCount").longValue();
            if (articles > 0) {
                items.add(FigureItem.counted(message("ledger.field.MEDIA_PLACEMENT." + field + "." + option), articles,
                        records(y, of)));
            }
        }
        return Figure.list(items, List.of(listLink(y, "MEDIA_PLACEMENT")));
    }

    private Figure opinionOnTime(Year y) {
        LedgerFigure all = LedgerFigure.of("OPINION_CASE", y.township().getId(), y.from(), y.to());
        if (ledger.count(y.scope(), all) == 0) {
            return Figure.missing("本年度网络舆情处置记录");
        }
        LedgerFigure onTime = all.where("onTime", true);
        return Figure.count(ledger.count(y.scope(), onTime), evidence(y, onTime));
    }

    /** Members of the volunteer teams founded by the end of the year, in percent of the registered population. */
    private Figure volunteerCoverage(Year y) {
        Integer population = y.township().getRegisteredPopulation();
        if (population == null || population <= 0) {
            return Figure.missing("本镇户籍人口数（请在组织机构中填写）");
        }
        if (kinds.find("VOLUNTEER_TEAM").isEmpty()) {
            return Figure.missing("注册志愿者人数（台账尚未设立志愿服务队记录）");
        }
        LedgerFigure teams = LedgerFigure.of("VOLUNTEER_TEAM", y.township().getId(), null, y.to());
        if (ledger.count(y.scope(), teams) == 0) {
            return Figure.missing("志愿服务队及注册志愿者人数记录");
        }
        BigDecimal members = ledger.sum(y.scope(), teams, "members");
        BigDecimal percent = members.multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(population), 1,
                RoundingMode.HALF_UP);
        List<EvidenceLink> links = new ArrayList<>(records(y, teams));
        links.add(new EvidenceLink("户籍人口 " + population + " 人（组织机构）", "/org/units/" + y.township().getId()));
        return Figure.percent(percent, links);
    }

    /** Indicators that failed, or are late in a running period, on the evaluation date. */
    private Figure unmetIndicators(Year y) {
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
        List<FigureItem> items = new ArrayList<>();
        for (Evaluation evaluation : results) {
            for (IndicatorResult result : evaluation.indicators()) {
                if (result.status() != Status.FAILED && result.status() != Status.WARNING) {
                    continue;
                }
                String detail = result.periods().stream()
                        .filter(p -> p.status() == Status.FAILED || p.status() == Status.WARNING)
                        .map(LedgerReportFigures::periodDetail)
                        .reduce((a, b) -> a + "；" + b).orElse(result.missing() == null ? "" : result.missing());
                items.add(FigureItem.of(result.indicator().name(), detail,
                        new EvidenceLink(evaluation.setName() + "：" + result.indicator().name(), "/assessment/sets")));
            }
        }
        return Figure.list(items, List.of(new EvidenceLink("量化考评（" + asOf + "）", "/assessment/sets")));
    }

    private static String periodDetail(PeriodResult p) {
        String figures = "目标 " + plain(p.target()) + "，实际 " + (p.actual() == null ? "无数据" : plain(p.actual()));
        return p.label() + "：" + figures;
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
            return;
        }
        if (all.isEmpty()) {
            f.put(FigureName.OPEN_FINDINGS, Figure.missing("本年度督导检查问题记录"));
            f.put(FigureName.CLOSED_FINDINGS, Figure.missing("本年度督导检查问题记录"));
            return;
        }
        List<FindingSummary> closed = all.stream().filter(s -> s.closedAt() != null).toList();
        List<FigureItem> open = all.stream().filter(s -> s.closedAt() == null)
                .map(s -> FigureItem.of(s.title(), s.unitName() + (s.deadline() == null ? "" : "，整改期限 " + s.deadline())
                        + (s.overdue() ? "，已逾期" : ""), findingLink(s)))
                .toList();
        f.put(FigureName.OPEN_FINDINGS, Figure.list(open, List.of(new EvidenceLink("督导检查问题", "/inspection/findings"))));
        f.put(FigureName.CLOSED_FINDINGS, Figure.count(closed.size(), closed.stream()
                .map(LedgerReportFigures::findingLink).toList()));
    }

    private static EvidenceLink findingLink(FindingSummary s) {
        return new EvidenceLink(s.unitName() + "：" + s.title(), "/inspection/findings/" + s.id());
    }

    private static LedgerFigure figure(Year y, String kind, String field, String value) {
        LedgerFigure figure = LedgerFigure.of(kind, y.township().getId(), y.from(), y.to());
        return field == null ? figure : figure.where(field, value);
    }

    /** The filtered ledger list of the kind and year, then the newest records one by one. */
    private List<EvidenceLink> evidence(Year y, LedgerFigure figure) {
        List<EvidenceLink> links = new ArrayList<>();
        links.add(listLink(y, figure.kind()));
        links.addAll(records(y, figure));
        return links;
    }

    private List<EvidenceLink> records(Year y, LedgerFigure figure) {
        String kindLabel = message("ledger.kind." + figure.kind());
        return ledger.recordIds(y.scope(), figure, RECORD_LINKS).stream()
                .map(id -> new EvidenceLink(kindLabel + "记录 #" + id, "/ledger/records/" + id)).toList();
    }

    private EvidenceLink listLink(Year y, String kind) {
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
