package org.luoshi.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A deterministic stand-in for the ledger and assessment in tests: records held in memory per
 * township, figures computed from them the way the real port will (counts, sums, shares). A
 * category without records is MISSING, as the real port must report it. A test that wants it in
 * place of the real figures imports {@link Config}; it names its records for the appendix too.
 */
class RecordedFigures implements ReportFigures, EvidenceRecords {

    /** Replaces the ledger-backed figures in the tests that import it (a context of their own). */
    @TestConfiguration(proxyBeanMethods = false)
    static class Config {

        @Bean
        @Primary
        RecordedFigures recordedFigures() {
            return new RecordedFigures();
        }
    }

    enum Kind {
        COMMITTEE("会议", "党委会专题研究意识形态工作"), JUDGEMENT("会议", "意识形态形势研判会"), LETTER("责任书", "签订意识形态工作责任书"),
        STUDY("学习", "理论学习中心组集中学习"), SEMINAR("学习", "中心组专题研讨"), OUTREACH("宣讲", "理论宣讲进村"),
        MEDIA("上稿", "新闻稿件刊发"), OPINION("舆情", "网络舆情处置"), VENUE_CHECK("阵地检查", "文化阵地巡查"),
        ACTIVITY("活动", "文化惠民活动"), VOLUNTEER("志愿服务", "志愿服务活动"), AWARD("评选表彰", "评选表彰先进");

        final String label;
        final String subject;

        Kind(String label, String subject) {
            this.label = label;
            this.subject = subject;
        }
    }

    /**
     * One ledger record. Fields unused by a kind stay 0/null: present/expected/speakers for study,
     * level/medium for media, onTime for opinion cases, faultsFixed for venue checks, hours/volunteers for volunteering.
     */
    record Rec(long id, Kind kind, LocalDate date, int present, int expected, int speakers, String level, String medium,
            boolean onTime, int faultsFixed, BigDecimal hours, int volunteers) {

        EvidenceLink link() {
            return new EvidenceLink(date + " " + kind.name().toLowerCase() + " #" + id, "/ledger/records/" + id);
        }
    }

    record Member(String name, String post, String seat) {
    }

    record Township(List<Rec> records, List<Member> members, List<FigureItem> unmet, List<FigureItem> open,
            int closed, int population) {
    }

    private final Map<Long, Township> townships = new ConcurrentHashMap<>();

    void put(long townshipId, Township township) {
        townships.put(townshipId, township);
    }

    void clear(long townshipId) {
        townships.remove(townshipId);
    }

    /** Each record's kind and a title of its own: the subject and its place among the records of its kind (第3次). */
    @Override
    public Map<String, EvidenceRecords.EvidenceRecord> describe(long townshipId, int year, java.util.Collection<String> hrefs) {
        Township t = townships.get(townshipId);
        Map<String, EvidenceRecords.EvidenceRecord> described = new java.util.HashMap<>();
        if (t == null) {
            return described;
        }
        Map<Kind, Integer> seen = new EnumMap<>(Kind.class);
        for (Rec r : t.records().stream().sorted(java.util.Comparator.comparing(Rec::date).thenComparing(Rec::id)).toList()) {
            int k = seen.merge(r.kind(), 1, Integer::sum);
            String href = r.link().href();
            if (hrefs.contains(href)) {
                described.put(href, new EvidenceRecords.EvidenceRecord(r.date(), r.kind().label,
                        r.kind().subject + "（第" + k + "次）", false));
            }
        }
        return described;
    }

    @Override
    public FigureSet figures(long townshipId, int year) {
        Township t = townships.get(townshipId);
        if (t == null) {
            return FigureSet.empty(townshipId, year);
        }
        List<Rec> recs = t.records().stream().filter(r -> r.date().getYear() == year).toList();
        Map<FigureName, Figure> f = new EnumMap<>(FigureName.class);
        count(f, FigureName.COMMITTEE_MEETING_COUNT, recs, Kind.COMMITTEE);
        count(f, FigureName.JUDGEMENT_MEETING_COUNT, recs, Kind.JUDGEMENT);
        count(f, FigureName.RESPONSIBILITY_LETTER_COUNT, recs, Kind.LETTER);
        count(f, FigureName.STUDY_CENTRAL_GROUP_COUNT, recs, Kind.STUDY);
        count(f, FigureName.SEMINAR_COUNT, recs, Kind.SEMINAR);
        count(f, FigureName.OUTREACH_COUNT, recs, Kind.OUTREACH);
        count(f, FigureName.VENUES_CHECKED, recs, Kind.VENUE_CHECK);
        count(f, FigureName.ACTIVITY_COUNT, recs, Kind.ACTIVITY);
        count(f, FigureName.AWARD_COUNT, recs, Kind.AWARD);
        count(f, FigureName.OPINION_CASES_TOTAL, recs, Kind.OPINION);
        // recorded cases here are all closed
        count(f, FigureName.OPINION_CASES_CLOSED, recs, Kind.OPINION);
        List<Rec> study = of(recs, r -> r.kind() == Kind.STUDY || r.kind() == Kind.SEMINAR);
        List<Rec> central = of(recs, r -> r.kind() == Kind.STUDY);
        if (!central.isEmpty()) {
            // 中心组学习出勤率: central-group sessions only, as the glossary defines it
            int present = central.stream().mapToInt(Rec::present).sum();
            int expected = central.stream().mapToInt(Rec::expected).sum();
            f.put(FigureName.ATTENDANCE_RATE, Figure.percent(BigDecimal.valueOf(present * 100L)
                    .divide(BigDecimal.valueOf(expected), 1, RoundingMode.HALF_UP), links(central)));
        }
        if (!study.isEmpty()) {
            f.put(FigureName.SPEAKERS_COUNT, Figure.count(study.stream().mapToInt(Rec::speakers).sum(), links(study)));
        }
        List<Rec> media = of(recs, r -> r.kind() == Kind.MEDIA);
        if (!media.isEmpty()) {
            f.put(FigureName.MEDIA_BY_LEVEL, Figure.list(breakdown(media, true), List.of()));
            f.put(FigureName.MEDIA_BY_MEDIUM, Figure.list(breakdown(media, false), List.of()));
        }
        List<Rec> opinion = of(recs, r -> r.kind() == Kind.OPINION);
        if (!opinion.isEmpty()) {
            List<Rec> onTime = of(opinion, Rec::onTime);
            f.put(FigureName.OPINION_CASES_ON_TIME, Figure.count(onTime.size(), links(onTime)));
        }
        List<Rec> checks = of(recs, r -> r.kind() == Kind.VENUE_CHECK);
        if (!checks.isEmpty()) {
            List<Rec> fixed = of(checks, r -> r.faultsFixed() > 0);
            f.put(FigureName.FAULTS_FIXED, Figure.count(checks.stream().mapToInt(Rec::faultsFixed).sum(), links(fixed)));
        }
        List<Rec> volunteering = of(recs, r -> r.kind() == Kind.VOLUNTEER);
        if (!volunteering.isEmpty()) {
            BigDecimal hours = volunteering.stream().map(Rec::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
            f.put(FigureName.VOLUNTEER_HOURS, Figure.decimal(hours, links(volunteering)));
            int volunteers = volunteering.stream().mapToInt(Rec::volunteers).max().orElse(0);
            f.put(FigureName.VOLUNTEER_COVERAGE, Figure.percent(BigDecimal.valueOf(volunteers * 100L)
                    .divide(BigDecimal.valueOf(t.population()), 1, RoundingMode.HALF_UP), links(volunteering)));
        }
        if (!t.members().isEmpty()) {
            f.put(FigureName.LEADING_GROUP_MEMBERS, Figure.list(t.members().stream()
                    .map(m -> FigureItem.of(m.name(), m.seat() + "，" + m.post(),
                            new EvidenceLink(m.name(), "/responsibility/groups")))
                    .toList(), List.of()));
        }
        if (t.unmet() != null) {
            f.put(FigureName.UNMET_INDICATORS, Figure.list(t.unmet(), List.of(new EvidenceLink("量化考评", "/assessment"))));
        }
        if (t.open() != null) {
            f.put(FigureName.OPEN_FINDINGS, Figure.list(t.open(), List.of()));
            f.put(FigureName.CLOSED_FINDINGS, Figure.count(t.closed(), List.of(new EvidenceLink("整改", "/inspection"))));
            f.put(FigureName.PROBLEMS, Figure.list(t.open().stream().map(i -> FigureItem.of(i.label() + "的问题",
                    "由宣传委员负责，" + year + "年12月31日前完成（正在整改）", i.evidence().toArray(EvidenceLink[]::new)))
                    .toList(), List.of()));
        }
        if (t.unmet() != null) {
            f.put(FigureName.BEHIND_INDICATORS, Figure.list(List.of(FigureItem.of("理论宣讲覆盖所有村（社区）",
                    "截至12月20日，全年目标7，实际5", new EvidenceLink("量化考评", "/assessment"))), List.of()));
        }
        // The figures these rendering tests do not model get one plain value each (the real ones are
        // tested against the database in LedgerReportFiguresTest), so that a marker means what it says.
        for (FigureName name : NOT_MODELLED) {
            if (f.containsKey(name)) {
                continue;
            }
            EvidenceLink link = new EvidenceLink(name.key(), "/ledger");
            f.put(name, switch (name.kind()) {
                case COUNT -> Figure.count(2, List.of(link));
                case DECIMAL -> Figure.decimal(BigDecimal.valueOf(3), List.of(link));
                case PERCENT -> Figure.percent(BigDecimal.valueOf(50), List.of(link));
                default -> Figure.list(List.of(new FigureItem("模拟项目", "3月1日", 2L, List.of(link))), List.of(link));
            });
        }
        return new FigureSet(townshipId, year, f);
    }

    /** The figures the fake's records do not model (names, lists, responsibility). */
    static final java.util.Set<FigureName> NOT_MODELLED = java.util.EnumSet.range(FigureName.PRIMARY_RESPONSIBLE,
            FigureName.HIGHLIGHTS);

    private static void count(Map<FigureName, Figure> f, FigureName name, List<Rec> recs, Kind kind) {
        List<Rec> of = of(recs, r -> r.kind() == kind);
        if (!of.isEmpty()) {
            f.put(name, Figure.count(of.size(), links(of)));
        }
    }

    private static List<FigureItem> breakdown(List<Rec> media, boolean byLevel) {
        Map<String, List<Rec>> groups = new LinkedHashMap<>();
        for (Rec r : media) {
            groups.computeIfAbsent(byLevel ? r.level() : r.medium(), k -> new ArrayList<>()).add(r);
        }
        return groups.entrySet().stream().map(e -> FigureItem.counted(e.getKey(), e.getValue().size(), links(e.getValue())))
                .toList();
    }

    private static List<Rec> of(List<Rec> recs, Predicate<Rec> test) {
        return recs.stream().filter(test).toList();
    }

    private static List<EvidenceLink> links(List<Rec> recs) {
        return recs.stream().map(Rec::link).toList();
    }

    /** A year of demo ledger records (about 2,000) for a township, the same for the same seed. */
    static Township demoYear(int year, long seed) {
        Random random = new Random(seed);
        List<Rec> recs = new ArrayList<>();
        long[] id = {seed * 100_000};
        String[] levels = {"国家级", "省级", "市级", "县级"};
        String[] media = {"报刊", "新媒体", "广播电视", "学习强国"};
        for (int day = 0; day < LocalDate.of(year, 12, 31).getDayOfYear(); day++) {
            LocalDate date = LocalDate.of(year, 1, 1).plusDays(day);
            int n = 3 + random.nextInt(5);
            for (int i = 0; i < n; i++) {
                Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
                int expected = 12;
                int present = kind == Kind.STUDY || kind == Kind.SEMINAR ? 9 + random.nextInt(4) : 0;
                recs.add(new Rec(++id[0], kind, date, present, present > 0 ? expected : 0,
                        present > 0 ? random.nextInt(5) : 0, levels[random.nextInt(4)], media[random.nextInt(4)],
                        random.nextInt(10) > 0, kind == Kind.VENUE_CHECK ? random.nextInt(2) : 0,
                        BigDecimal.valueOf(random.nextInt(40), 1), 300 + random.nextInt(200)));
            }
        }
        List<Member> members = List.of(new Member("陈立新", "党委书记", "组长"), new Member("周敏", "宣传委员", "副组长"),
                new Member("王海", "文化站站长", "成员"));
        List<FigureItem> unmet = List.of(FigureItem.of("中心组专题研讨每季度至少1次", "目标 4 次，实际 3 次"));
        List<FigureItem> open = List.of(FigureItem.of("村村响广播2处喇叭损坏", "整改期限 " + year + "-12-31",
                new EvidenceLink("检查问题", "/inspection/findings/1")));
        return new Township(recs, members, unmet, open, 5, 32_640);
    }
}
