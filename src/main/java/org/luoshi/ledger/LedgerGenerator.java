package org.luoshi.ledger;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.luoshi.evidence.Attachment;
import org.luoshi.evidence.AttachmentService;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.luoshi.org.Person;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Generates a plausible ledger for townships: monthly 中心组 study with attendance, quarterly
 * seminars, party-committee and analysis meetings, directives, media placements, outreach to
 * villages and opinion cases, some of them entered late (补录) and a few with a photo. The same
 * seed gives the same ledger. Used by the demo data and, at larger scale, by benchmarks.
 *
 * <p>The facts added later (a placement's state and 党报 flag, the direction of an award, registered
 * volunteers, 文化市场 checks, the township's own new-media output, trainings with 应训 / 参训, the
 * attendance of 党委会) draw from a random sequence of their own per township, so that the records
 * generated before them stay exactly as they were for the same seed.
 */
@Component
public class LedgerGenerator {

    private static final String[] STUDY_TOPICS = {"学习党的创新理论最新成果", "学习新修订的党内法规", "学习意识形态工作责任制实施办法",
            "学习全县经济工作会议精神", "学习基层治理典型经验", "学习宣传思想文化工作要求", "学习乡村振兴有关政策",
            "学习网络意识形态安全知识", "学习党史专题材料", "学习作风建设有关规定"};
    private static final String[] OUTLETS = {"人民日报客户端", "省报", "省广播电视台", "市日报", "市融媒体中心", "县融媒体中心",
            "学习强国", "县政府网站"};
    private static final String[] LEVELS = {"NATIONAL", "PROVINCIAL", "MUNICIPAL", "COUNTY"};
    private static final String[] MEDIA = {"PRINT", "NEW_MEDIA", "TV_RADIO", "PLATFORM"};
    private static final String[] STORIES = {"村里的新图书室开放了", "志愿者帮助留守老人收秋粮", "文艺队排演新节目迎新春",
            "农家书屋成了孩子们的乐园", "移风易俗新风吹进村", "道德评议会评出好媳妇", "乡村夜校开课了", "产业路修到了果园边"};
    private static final String[] CHANNELS = {"网络论坛", "短视频平台", "县长信箱", "热线电话", "群众来访"};
    private static final String[] CATEGORIES = {"民生诉求", "环境卫生", "道路交通", "政策咨询", "安全隐患"};
    private static final String[] OPINION_TOPICS = {"反映集市周边停车混乱", "询问医保缴费时间", "反映河道垃圾未及时清理",
            "反映路灯损坏", "询问危房改造补助政策", "反映噪声扰民"};
    private static final String[] LEAVE_REASONS = {"外出参加县里会议", "病假", "下村处理急事", "外出培训"};
    /** Outlets of the list above that are party papers (党报) or their own apps. */
    private static final List<String> PARTY_PAPERS = List.of("人民日报客户端", "省报", "市日报");
    /** A placement's state by its number in the year: mostly published, some only submitted or adopted. */
    private static final String[] STATES = {LedgerTerms.PUBLISHED, LedgerTerms.PUBLISHED, LedgerTerms.SUBMITTED,
            LedgerTerms.PUBLISHED, LedgerTerms.ADOPTED, LedgerTerms.PUBLISHED, LedgerTerms.PUBLISHED, LedgerTerms.SUBMITTED};

    private final LedgerService ledger;
    private final OrgUnitService units;
    private final AttachmentService attachments;
    private final JdbcClient jdbc;
    private final Clock clock;

    LedgerGenerator(LedgerService ledger, OrgUnitService units, AttachmentService attachments, JdbcClient jdbc, Clock clock) {
        this.clock = clock;
        this.ledger = ledger;
        this.units = units;
        this.attachments = attachments;
        this.jdbc = jdbc;
    }

    /** Whether the unit's subtree holds any ledger record (so that generating twice is avoided). */
    @Transactional(readOnly = true)
    public boolean hasRecords(long unitId) {
        String path = units.getUnchecked(unitId).getPath();
        return jdbc.sql("select count(*) from ledger_record r where r.unit_path like :p").param("p", LedgerStore.likePrefix(path))
                .query(Long.class).single() > 0;
    }

    /** Generates {@code years} calendar years (the last one up to today) for each township; returns the number of records. */
    @Transactional
    public int generate(List<Long> townshipIds, int years, long seed) {
        return generate(townshipIds, LocalDate.of(LocalDate.now(clock).getYear() - years + 1, 1, 1), seed);
    }

    /**
     * Generates the work from {@code from} up to today for each township; returns the number of
     * records. Registers (阵地, teams) are dated earlier, as they were set up before.
     */
    @Transactional
    public int generate(List<Long> townshipIds, LocalDate from, long seed) {
        Random random = new Random(seed);
        DataScope system = units.systemScope("demo-ledger");
        LocalDate today = LocalDate.now(clock);
        int count = 0;
        for (Long townshipId : townshipIds) {
            OrgUnit township = units.getUnchecked(townshipId);
            List<OrgUnit> villages = units.subtree(system, townshipId).stream()
                    .filter(u -> u.getKind() == OrgUnitKind.VILLAGE).toList();
            List<Person> cadres = ledger.suggestedAttendees(system, townshipId, null);
            Random facts = new Random(seed * 47 + townshipId);
            WorkYear work = new WorkYear(system, township, villages, from, today, new Random(seed * 31 + townshipId), facts);
            for (int year = from.getYear(); year <= today.getYear(); year++) {
                count += year(system, township, villages, cadres, year, from, today, random, facts);
                count += work.year(year);
            }
        }
        return count;
    }

    private int year(DataScope system, OrgUnit township, List<OrgUnit> villages, List<Person> cadres, int year, LocalDate from,
            LocalDate today, Random random, Random facts) {
        Gen gen = new Gen(system, township.getId(), from, today, random);
        Gen more = new Gen(system, township.getId(), from, today, facts);
        List<Long> directives = new ArrayList<>();
        for (int month : new int[] {2, 4, 7, 10}) {
            LocalDate on = LocalDate.of(year, month, 3 + random.nextInt(20));
            Long id = gen.add("DIRECTIVE", on, List.of("上级文件"), "关于做好" + (month <= 6 ? "上半年" : "下半年") + "宣传思想工作的通知",
                    Map.of("issuer", "青禾县委宣传部", "docNumber", "青宣发〔" + year + "〕" + (month + random.nextInt(5)) + "号",
                            "requirements", "结合实际抓好传达学习，按时报送工作情况。"), List.of());
            if (id != null) {
                directives.add(id);
            }
        }
        Long chair = cadres.isEmpty() ? null : cadres.get(0).getId();
        int[] thematic = random.nextBoolean() ? new int[] {3, 7, 11} : new int[] {3, 8};
        for (int month : thematic) {
            Map<String, Object> fields = new HashMap<>(Map.of("subKind", "THEMATIC", "topics", "专题研究部署意识形态工作",
                    "decisions", "明确责任分工，按季度开展研判。"));
            if (chair != null) {
                fields.put("chair", chair);
            }
            if (!directives.isEmpty()) {
                fields.put("directive", directives.get(random.nextInt(directives.size())));
            }
            // who attended the 党委会: the committee, from the facts' own sequence
            gen.add("MEETING", LocalDate.of(year, month, 5 + random.nextInt(20)), List.of(), "党委会专题研究意识形态工作", fields,
                    attendance(cadres, facts));
        }
        for (int month : new int[] {6, 12}) {
            Map<String, Object> fields = new HashMap<>(Map.of("subKind", "ANALYSIS", "topics", "分析本阶段意识形态领域形势"));
            if (chair != null) {
                fields.put("chair", chair);
            }
            gen.add("MEETING", LocalDate.of(year, month, 10 + random.nextInt(15)), List.of(), "意识形态工作形势研判会", fields, List.of());
        }
        for (int month = 1; month <= 12; month++) {
            String topic = STUDY_TOPICS[random.nextInt(STUDY_TOPICS.length)];
            Long id = gen.add("STUDY_SESSION", LocalDate.of(year, month, 8 + random.nextInt(15)), List.of("中心组"), "理论学习中心组集中学习",
                    Map.of("subKind", "CENTRAL_GROUP", "topic", topic, "materials", "学习材料汇编"), attendance(cadres, random));
            if (id != null && random.nextInt(4) == 0) {
                gen.photo(id);
            }
            if (month % 3 == 0) {
                gen.add("STUDY_SESSION", LocalDate.of(year, month, 20 + random.nextInt(8)), List.of("中心组", "研讨"), "中心组专题研讨",
                        Map.of("subKind", "SEMINAR", "topic", topic, "speakers", "班子成员交流发言"), attendance(cadres, random));
            }
        }
        for (int i = 0; i < 16; i++) {
            String level = LEVELS[Math.min(3, random.nextInt(5) == 0 ? random.nextInt(2) : 1 + random.nextInt(3))];
            String outlet = OUTLETS[random.nextInt(OUTLETS.length)];
            Map<String, Object> fields = new HashMap<>(Map.of("outlet", outlet, "level", level,
                    "medium", MEDIA[random.nextInt(MEDIA.length)], "articleCount", 1 + (random.nextInt(6) == 0 ? 1 : 0),
                    "merged", random.nextInt(8) == 0));
            String link = "https://news.example.cn/" + year + "/" + (1000 + random.nextInt(9000));
            String state = STATES[i % STATES.length];
            fields.put(LedgerTerms.STATE, state);
            fields.put(LedgerTerms.PARTY_PAPER, PARTY_PAPERS.contains(outlet));
            if (LedgerTerms.PUBLISHED.equals(state)) {
                fields.put("link", link);
            }
            gen.add("MEDIA_PLACEMENT", LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28)), List.of(),
                    STORIES[random.nextInt(STORIES.length)], fields, List.of());
        }
        for (int i = 0; i < 8 && !villages.isEmpty(); i++) {
            OrgUnit village = villages.get(random.nextInt(villages.size()));
            gen.add("OUTREACH", LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28)), List.of("宣讲"),
                    "理论宣讲进" + village.getName(), Map.of("lecturers", "镇宣讲团成员", "village", village.getId(),
                            "audience", 30 + random.nextInt(150)), List.of());
        }
        for (int i = 0; i < 5; i++) {
            LocalDate on = LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28));
            Map<String, Object> fields = new HashMap<>(Map.of("channel", CHANNELS[random.nextInt(CHANNELS.length)],
                    "category", CATEGORIES[random.nextInt(CATEGORIES.length)], "level", random.nextInt(6) == 0 ? "SERIOUS" : "GENERAL"));
            LocalDate closed = on.plusDays(1 + random.nextInt(6));
            if (!closed.isAfter(today)) {
                fields.put("closedOn", closed);
                fields.put("onTime", random.nextInt(8) != 0);
                fields.put("response", "会同相关站所核实情况并公开回应。");
            }
            gen.add("OPINION_CASE", on, List.of(), OPINION_TOPICS[random.nextInt(OPINION_TOPICS.length)], fields, List.of());
        }
        training(more, year);
        newMedia(more, township, year);
        return gen.count + more.count;
    }

    /** Two-day trainings of all cadres in spring and autumn, with 应训 and 参训 instead of a list of names. */
    private static void training(Gen gen, int year) {
        for (int month : new int[] {4, 10}) {
            LocalDate on = LocalDate.of(year, month, 10 + gen.random.nextInt(10));
            int eligible = 40 + gen.random.nextInt(40);
            int trained = eligible - gen.random.nextInt(6);
            // the autumn training is what the township marks as a highlight of its year (tag 亮点)
            gen.add("STUDY_SESSION", on, on.plusDays(1), month == 10 ? List.of("培训", "亮点") : List.of("培训"),
                    "全镇干部职工意识形态工作专题培训",
                    Map.of("subKind", "CADRE_STUDY", "topic", "意识形态工作责任制和网络意识形态安全", LedgerTerms.ELIGIBLE_COUNT, eligible,
                            LedgerTerms.TRAINED_COUNT, trained), List.of());
        }
    }

    /** The township's own accounts: one record per account and finished month, with the posts published. */
    private static void newMedia(Gen gen, OrgUnit township, int year) {
        String[][] accounts = {{"微" + township.getName(), LedgerTerms.WECHAT_OA}, {township.getName() + "发布", LedgerTerms.VIDEO_CHANNEL}};
        for (int month = 1; month <= 12; month++) {
            LocalDate first = LocalDate.of(year, month, 1);
            LocalDate last = first.plusMonths(1).minusDays(1);
            if (!last.isBefore(gen.today)) {
                break;
            }
            for (String[] account : accounts) {
                int posts = LedgerTerms.WECHAT_OA.equals(account[1]) ? 12 + gen.random.nextInt(30) : 3 + gen.random.nextInt(12);
                gen.add("NEW_MEDIA_OUTPUT", first, last, List.of("新媒体"), year + "年" + month + "月" + account[0] + "发布情况",
                        Map.of(LedgerTerms.ACCOUNT, account[0], LedgerTerms.PLATFORM, account[1], LedgerTerms.POSTS, posts), List.of());
            }
        }
    }

    /**
     * 阵地, their quarterly checks, activities, volunteer service, awards, publicity spending and mass
     * teams of one township. Its own random sequence, so that the core kinds stay as they were. The
     * registers (venues, teams) are written in the first year only; later years check and use them.
     */
    private final class WorkYear {
        final DataScope system;
        final OrgUnit township;
        final List<OrgUnit> villages;
        final LocalDate from;
        final LocalDate today;
        final Random random;
        /** The later facts' own sequence (see the class comment). */
        final Random facts;
        final List<Long> townshipVenues = new ArrayList<>();
        final List<Long> villageVenues = new ArrayList<>();
        final List<Long> teams = new ArrayList<>();

        WorkYear(DataScope system, OrgUnit township, List<OrgUnit> villages, LocalDate from, LocalDate today, Random random,
                Random facts) {
            this.system = system;
            this.township = township;
            this.villages = villages;
            this.from = from;
            this.today = today;
            this.random = random;
            this.facts = facts;
        }

        int year(int year) {
            Gen gen = new Gen(system, township.getId(), from, today, random);
            if (townshipVenues.isEmpty()) {
                // registers describe what was set up years before, so they are not cut off at {@code from}
                Gen registers = new Gen(system, township.getId(), LocalDate.MIN, today, random);
                registers(registers, year);
                gen.count += registers.count;
            }
            rules(gen, year);
            checks(gen, year);
            activities(gen, year);
            volunteering(gen, year);
            awards(gen, year);
            publicity(gen, year);
            Gen more = new Gen(system, township.getId(), from, today, facts);
            cultureMarket(more, year);
            return gen.count + more.count;
        }

        private LocalDate before(int year) {
            return LocalDate.of(year - 1 - random.nextInt(6), 1 + random.nextInt(12), 1 + random.nextInt(28));
        }

        private LocalDate in(int year) {
            int lastMonth = year == today.getYear() ? today.getMonthValue() : 12;
            return LocalDate.of(year, 1 + random.nextInt(lastMonth), 1 + random.nextInt(28));
        }

        private void venue(Gen gen, List<Long> into, long unitId, int year, String subKind, String name, OrgUnit village,
                String location) {
            Map<String, Object> fields = new HashMap<>(Map.of("subKind", subKind, "location", location, "manager",
                    village == null ? "镇文化站工作人员" : "村宣传员"));
            if (village != null) {
                fields.put("village", village.getId());
            }
            Long id = gen.add(unitId, "VENUE", before(year), List.of("阵地"), name, fields, List.of());
            if (id != null) {
                into.add(id);
            }
        }

        private void registers(Gen gen, int year) {
            String name = township.getName();
            long tid = township.getId();
            venue(gen, townshipVenues, tid, year, "CULTURE_STATION", name + "综合文化站", null, "镇政府旁");
            venue(gen, townshipVenues, tid, year, "PRACTICE_CENTER", name + "新时代文明实践所", null, "文化站二楼");
            venue(gen, townshipVenues, tid, year, "SQUARE", name + "文体广场", null, "集镇中心");
            venue(gen, townshipVenues, tid, year, "LED_SCREEN", name + "集镇LED宣传屏", null, "主街路口");
            venue(gen, townshipVenues, tid, year, "WEBSITE", name + "政务公开专栏", null, "县政府门户网站");
            venue(gen, townshipVenues, tid, year, "WECHAT", "微" + name, null, "微信公众号");
            for (OrgUnit village : villages) {
                venue(gen, villageVenues, village.getId(), year, "LIBRARY", village.getName() + "农家书屋", village, "村部");
                venue(gen, villageVenues, village.getId(), year, "BROADCAST", village.getName() + "村村响广播", village, "村部及各组");
                venue(gen, villageVenues, village.getId(), year, "PRACTICE_CENTER", village.getName() + "新时代文明实践站", village,
                        "村部");
                if (random.nextBoolean()) {
                    venue(gen, villageVenues, village.getId(), year, "BULLETIN_BOARD", village.getName() + "宣传栏", village, "村口");
                }
            }
            String[][] volunteer = {{"党员先锋志愿服务队", "政策宣传、人居环境整治"}, {"巾帼志愿服务队", "关爱留守儿童和老人"},
                    {"文明实践志愿服务队", "移风易俗、文明劝导"}};
            for (String[] team : volunteer) {
                int members = 15 + random.nextInt(40);
                Map<String, Object> fields = new HashMap<>(Map.of("theme", team[1], "members", members,
                        "leader", "镇干部", LedgerTerms.REGISTERED_VOLUNTEERS, registered(members)));
                Long id = gen.add("VOLUNTEER_TEAM", before(year), List.of("志愿服务"), name + team[0], fields, List.of());
                if (id != null) {
                    teams.add(id);
                }
            }
            for (OrgUnit village : villages) {
                if (random.nextInt(3) == 0) {
                    int members = 8 + random.nextInt(20);
                    Long id = gen.add(village.getId(), "VOLUNTEER_TEAM", before(year), List.of("志愿服务"), village.getName() + "志愿服务队",
                            Map.of("theme", "邻里互助", "village", village.getId(), "members", members,
                                    LedgerTerms.REGISTERED_VOLUNTEERS, registered(members)), List.of());
                    if (id != null) {
                        teams.add(id);
                    }
                }
                String[] art = {"文艺队", "腰鼓队", "广场舞队"};
                gen.add(village.getId(), "CULTURE_TEAM", before(year), List.of(), village.getName() + art[random.nextInt(art.length)],
                        Map.of("subKind", "ART_TROUPE", "village", village.getId(), "members", 10 + random.nextInt(25)), List.of());
                if (random.nextBoolean()) {
                    gen.add(village.getId(), "CULTURE_TEAM", before(year), List.of(), village.getName() + "篮球队",
                            Map.of("subKind", "SPORTS_TEAM", "village", village.getId(), "members", 8 + random.nextInt(8)), List.of());
                }
                if (random.nextInt(3) == 0) {
                    gen.add(village.getId(), "CULTURE_TEAM", before(year), List.of("移风易俗"), village.getName() + "红白理事会",
                            Map.of("subKind", "CIVIC_COUNCIL", "village", village.getId(), "members", 5 + random.nextInt(5)), List.of());
                }
            }
            gen.add("CULTURE_TEAM", before(year), List.of("宣讲"), name + "理论宣讲小分队",
                    Map.of("subKind", "LECTURE_TEAM", "members", 6 + random.nextInt(6), "leader", "宣传委员"), List.of());
            gen.add("CULTURE_TEAM", before(year), List.of("网络"), name + "网络评论员队伍",
                    Map.of("subKind", "COMMENTATOR_TEAM", "members", 5 + random.nextInt(10)), List.of());
        }

        /** Registered volunteers of a team: a set of their own, here most of the members and a few others. */
        private int registered(int members) {
            return members - facts.nextInt(1 + members / 2) + facts.nextInt(3);
        }

        private void rules(Gen gen, int year) {
            String committee = township.getName() + "党委";
            gen.add("REGULATION", LocalDate.of(year, 1, 10 + random.nextInt(15)), List.of("制度"), year + "年理论学习中心组学习计划",
                    Map.of("subKind", "STUDY_PLAN", "issuedBy", committee, "summary", "按月安排集中学习专题，每季度安排一次专题研讨。"),
                    List.of());
            gen.add("REGULATION", LocalDate.of(year, 2, 1 + random.nextInt(25)), List.of("制度"), year + "年宣传思想工作要点",
                    Map.of("subKind", "WORK_PLAN", "issuedBy", committee), List.of());
            if (townshipVenues.size() > 0 && random.nextBoolean()) {
                gen.add("REGULATION", LocalDate.of(year, 3, 1 + random.nextInt(25)), List.of("制度"), "落实意识形态工作责任制实施细则",
                        Map.of("subKind", "IMPLEMENTATION_PLAN", "issuedBy", committee), List.of());
            }
        }

        private void checks(Gen gen, int year) {
            List<Long> sample = new ArrayList<>(villageVenues);
            for (int quarter = 0; quarter < 4; quarter++) {
                List<Long> due = new ArrayList<>(townshipVenues.subList(0, Math.min(3, townshipVenues.size())));
                for (int i = 0; i < 3 && !sample.isEmpty(); i++) {
                    due.add(sample.get(random.nextInt(sample.size())));
                }
                for (Long venue : due) {
                    int found = random.nextInt(5) == 0 ? 1 + random.nextInt(3) : 0;
                    int fixed = found == 0 ? 0 : found - (random.nextInt(4) == 0 ? 1 : 0);
                    Map<String, Object> fields = new HashMap<>(Map.of("venue", venue, "state",
                            found > fixed ? "NEEDS_REPAIR" : "GOOD", "visitors", 20 + random.nextInt(300),
                            "faultsFound", found, "faultsFixed", fixed));
                    if (found > 0) {
                        fields.put("faultDescription", found > fixed ? "喇叭线路老化，已报修，待更换配件。" : "设备故障已当场修复。");
                    }
                    if (random.nextBoolean()) {
                        fields.put("booksLent", random.nextInt(120));
                    }
                    fields.put(LedgerTerms.GROUPS_RECEIVED, facts.nextInt(6));
                    fields.put(LedgerTerms.BOOKINGS, facts.nextInt(15));
                    gen.add("VENUE_CHECK", LocalDate.of(year, quarter * 3 + 2 + random.nextInt(2), 5 + random.nextInt(20)),
                            List.of("阵地检查"), "第" + (quarter + 1) + "季度阵地巡查", fields, List.of());
                }
            }
        }

        private void activities(Gen gen, int year) {
            String[][] plan = {{"CULTURE", "乡村文艺汇演", "镇文化站"}, {"CULTURE", "书画摄影作品展", "镇文化站"},
                    {"SPORTS", "广场舞展演", "镇文化站"}, {"SPORTS", "村级篮球友谊赛", "镇团委"},
                    {"FESTIVAL", "我们的节日·春节写春联送祝福", "新时代文明实践所"}, {"FESTIVAL", "我们的节日·重阳敬老", "新时代文明实践所"},
                    {"READING", "全民阅读进书屋", "镇文化站"}, {"THREE_TO_COUNTRYSIDE", "文化科技卫生三下乡", "县有关部门、镇政府"},
                    {"ANTI_PORN", "扫黄打非集中检查", "镇综治中心"}, {"ANTI_PORN", "扫黄打非进校园宣传", "镇综治中心"}};
            for (String[] a : plan) {
                Map<String, Object> fields = new HashMap<>(Map.of("subKind", a[0], "organiser", a[2],
                        "participants", 40 + random.nextInt(400), "sessions", 1 + random.nextInt(3)));
                if ("ANTI_PORN".equals(a[0])) {
                    fields.put("establishmentsChecked", 3 + random.nextInt(12));
                    fields.put(LedgerTerms.INSPECTOR_TIMES, 4 + facts.nextInt(10));
                }
                gen.add("ACTIVITY", in(year), "THREE_TO_COUNTRYSIDE".equals(a[0]) ? List.of("活动", "亮点") : List.of("活动"), a[1],
                        fields, List.of());
            }
        }

        /** 文化市场检查 of 网吧、歌舞娱乐场所、书店 in spring and before the summer holidays. */
        private void cultureMarket(Gen gen, int year) {
            for (int month : new int[] {3, 6}) {
                gen.add("ACTIVITY", LocalDate.of(year, month, 5 + facts.nextInt(20)), List.of("文化市场"), "文化市场专项检查",
                        Map.of("subKind", LedgerTerms.CULTURE_MARKET, "organiser", "镇综合文化站、派出所",
                                "establishmentsChecked", 4 + facts.nextInt(10), LedgerTerms.INSPECTOR_TIMES, 6 + facts.nextInt(12)),
                        List.of());
            }
        }

        private void volunteering(Gen gen, int year) {
            String[] services = {"清理河道垃圾", "探访独居老人", "禁毒宣传进村", "文明劝导", "关爱留守儿童", "疫苗接种引导"};
            for (int i = 0; i < 8 && !teams.isEmpty(); i++) {
                int volunteers = 5 + random.nextInt(20);
                gen.add("VOLUNTEER_SERVICE", in(year), List.of("志愿服务"), services[random.nextInt(services.length)],
                        Map.of("team", teams.get(random.nextInt(teams.size())), "volunteers", volunteers,
                                "hours", java.math.BigDecimal.valueOf(volunteers * (2 + random.nextInt(4)) / 2.0),
                                "beneficiaries", 10 + random.nextInt(200)), List.of());
            }
        }

        private void awards(Gen gen, int year) {
            String[][] plan = {{"STAR_FAMILY", "TOWNSHIP", "十星级文明户评选"}, {"STAR_FAMILY", "TOWNSHIP", "十星级文明户评选"},
                    {"GOOD_FAMILY_MEMBER", "TOWNSHIP", "好婆婆好媳妇评选"}, {"BEAUTIFUL_FAMILY", "COUNTY", "最美家庭评选"},
                    {"GOOD_PERSON", "COUNTY", "青禾好人评选"}, {"CIVILIZED_UNIT", "MUNICIPAL", "文明村镇创建"}};
            String[] families = {"张", "李", "王", "刘", "陈", "杨", "黄", "赵"};
            for (String[] a : plan) {
                OrgUnit village = villages.isEmpty() ? township : villages.get(random.nextInt(villages.size()));
                String awardee = "CIVILIZED_UNIT".equals(a[0]) ? village.getName() : families[random.nextInt(families.length)] + "某某"
                        + ("STAR_FAMILY".equals(a[0]) || "BEAUTIFUL_FAMILY".equals(a[0]) ? "家庭" : "");
                // the township's own 评选 are commendations it gave; county and city titles are honours received
                String direction = "TOWNSHIP".equals(a[1]) ? LedgerTerms.GIVEN : LedgerTerms.RECEIVED;
                gen.add("AWARD", in(year), List.of("评选"), a[2] + "：" + awardee, Map.of("subKind", a[0], "level", a[1],
                        "programme", a[2], "awardeeName", awardee, "awardeeUnit", village.getName(), LedgerTerms.DIRECTION, direction),
                        List.of());
            }
        }

        private void publicity(Gen gen, int year) {
            String[][] plan = {{"WALL_SLOGAN", "社会主义核心价值观墙体标语"}, {"BANNER", "移风易俗宣传横幅"}, {"LEAFLET", "防范电信诈骗宣传资料"},
                    {"SLOGAN", "森林防火宣传标语"}, {"BILLBOARD", "公益广告牌"}, {"OTHER_SPENDING", "宣传栏更新制作"}};
            for (String[] p : plan) {
                int quantity = 5 + random.nextInt(60);
                gen.add("PUBLICITY_MATERIAL", in(year), List.of("宣传经费"), p[1], Map.of("subKind", p[0], "quantity", quantity,
                        "cost", java.math.BigDecimal.valueOf(quantity * (20 + random.nextInt(80)))), List.of());
            }
        }
    }

    private static List<AttendanceEntry> attendance(List<Person> cadres, Random random) {
        List<AttendanceEntry> rows = new ArrayList<>();
        for (Person person : cadres) {
            int roll = random.nextInt(100);
            if (roll < 8) {
                rows.add(new AttendanceEntry(person.getId(), AttendanceEntry.LEAVE, LEAVE_REASONS[random.nextInt(LEAVE_REASONS.length)],
                        false, false));
            } else if (roll < 10) {
                rows.add(new AttendanceEntry(person.getId(), AttendanceEntry.ABSENT, null, false, false));
            } else {
                rows.add(new AttendanceEntry(person.getId(), AttendanceEntry.PRESENT, null, random.nextInt(3) == 0, random.nextBoolean()));
            }
        }
        return rows;
    }

    /** Writes records of one township and year; dates before {@code from} or after today are skipped, some records are entered late. */
    private final class Gen {
        final DataScope scope;
        final long unitId;
        final LocalDate from;
        final LocalDate today;
        final Random random;
        int count;

        Gen(DataScope scope, long unitId, LocalDate from, LocalDate today, Random random) {
            this.scope = scope;
            this.unitId = unitId;
            this.from = from;
            this.today = today;
            this.random = random;
        }

        Long add(String kind, LocalDate on, List<String> tags, String title, Map<String, Object> fields, List<AttendanceEntry> attendance) {
            return add(unitId, kind, on, null, tags, title, fields, attendance);
        }

        /** A record over several days, recorded after its last day. */
        Long add(String kind, LocalDate on, LocalDate until, List<String> tags, String title, Map<String, Object> fields,
                List<AttendanceEntry> attendance) {
            return add(unitId, kind, on, until, tags, title, fields, attendance);
        }

        /** A record of another unit of the township (a village's venue or team). */
        Long add(long unitId, String kind, LocalDate on, List<String> tags, String title, Map<String, Object> fields,
                List<AttendanceEntry> attendance) {
            return add(unitId, kind, on, null, tags, title, fields, attendance);
        }

        private Long add(long unitId, String kind, LocalDate on, LocalDate until, List<String> tags, String title,
                Map<String, Object> fields, List<AttendanceEntry> attendance) {
            LocalDate last = until == null ? on : until;
            if (last.isAfter(today) || on.isBefore(from)) {
                return null;
            }
            Map<String, Object> values = new HashMap<>(fields);
            if (values.get("closedOn") instanceof LocalDate closed && closed.isAfter(today)) {
                values.remove("closedOn");
            }
            LocalDate recorded = random.nextInt(12) == 0 ? last.plusDays(35 + random.nextInt(40)) : last.plusDays(random.nextInt(4));
            if (recorded.isAfter(today)) {
                recorded = today;
            }
            Instant at = recorded.atTime(LocalTime.of(9 + random.nextInt(8), random.nextInt(60))).atZone(clock.getZone()).toInstant();
            if (at.isAfter(clock.instant())) {
                at = clock.instant();
            }
            RecordCommand command = new RecordCommand(unitId, on, until, title, null, tags, values, attendance);
            count++;
            return ledger.create(scope, kind, command, at).id();
        }

        void photo(long recordId) {
            try {
                Attachment stored = attachments.store(unitId, scope.username(), "签到表-" + recordId + ".png",
                        new ByteArrayInputStream(png(random)));
                ledger.attach(scope, recordId, stored);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static byte[] png(Random random) throws IOException {
        BufferedImage image = new BufferedImage(96, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(235, 238, 245));
        g.fillRect(0, 0, 96, 64);
        g.setColor(new Color(40 + random.nextInt(120), 80, 160));
        for (int row = 0; row < 6; row++) {
            g.fillRect(8, 8 + row * 9, 30 + random.nextInt(50), 4);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
