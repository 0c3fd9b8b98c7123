package org.luoshi.ledger;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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

    private final LedgerService ledger;
    private final OrgUnitService units;
    private final AttachmentService attachments;
    private final JdbcClient jdbc;

    LedgerGenerator(LedgerService ledger, OrgUnitService units, AttachmentService attachments, JdbcClient jdbc) {
        this.ledger = ledger;
        this.units = units;
        this.attachments = attachments;
        this.jdbc = jdbc;
    }

    /** Whether the unit's subtree holds any ledger record (so that generating twice is avoided). */
    @Transactional(readOnly = true)
    public boolean hasRecords(long unitId) {
        String path = units.getUnchecked(unitId).getPath();
        return jdbc.sql("select count(*) from ledger_record r where r.org_unit_id in "
                        + "(select u.id from org_unit u where u.path like :p)").param("p", LedgerStore.likePrefix(path))
                .query(Long.class).single() > 0;
    }

    /** Generates {@code years} years (ending today) for each township; returns the number of records. */
    @Transactional
    public int generate(List<Long> townshipIds, int years, long seed) {
        Random random = new Random(seed);
        DataScope system = units.systemScope();
        LocalDate today = LocalDate.now(RecordChecker.ZONE);
        int count = 0;
        for (Long townshipId : townshipIds) {
            OrgUnit township = units.getUnchecked(townshipId);
            List<OrgUnit> villages = units.subtree(system, townshipId).stream()
                    .filter(u -> u.getKind() == OrgUnitKind.VILLAGE).toList();
            List<Person> cadres = ledger.suggestedAttendees(system, townshipId, null);
            for (int year = today.getYear() - years + 1; year <= today.getYear(); year++) {
                count += year(system, township, villages, cadres, year, today, random);
            }
        }
        return count;
    }

    private int year(DataScope system, OrgUnit township, List<OrgUnit> villages, List<Person> cadres, int year, LocalDate today,
            Random random) {
        Gen gen = new Gen(system, township.getId(), today, random);
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
            gen.add("MEETING", LocalDate.of(year, month, 5 + random.nextInt(20)), List.of(), "党委会专题研究意识形态工作", fields, List.of());
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
            Map<String, Object> fields = new HashMap<>(Map.of("outlet", OUTLETS[random.nextInt(OUTLETS.length)], "level", level,
                    "medium", MEDIA[random.nextInt(MEDIA.length)], "articleCount", 1 + (random.nextInt(6) == 0 ? 1 : 0),
                    "merged", random.nextInt(8) == 0));
            fields.put("link", "https://news.example.cn/" + year + "/" + (1000 + random.nextInt(9000)));
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
        return gen.count;
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

    /** Writes records of one township and year; future dates are skipped, some records are entered late. */
    private final class Gen {
        final DataScope scope;
        final long unitId;
        final LocalDate today;
        final Random random;
        int count;

        Gen(DataScope scope, long unitId, LocalDate today, Random random) {
            this.scope = scope;
            this.unitId = unitId;
            this.today = today;
            this.random = random;
        }

        Long add(String kind, LocalDate on, List<String> tags, String title, Map<String, Object> fields, List<AttendanceEntry> attendance) {
            if (on.isAfter(today)) {
                return null;
            }
            Map<String, Object> values = new HashMap<>(fields);
            if (values.get("closedOn") instanceof LocalDate closed && closed.isAfter(today)) {
                values.remove("closedOn");
            }
            LocalDate recorded = random.nextInt(12) == 0 ? on.plusDays(35 + random.nextInt(40)) : on.plusDays(random.nextInt(4));
            if (recorded.isAfter(today)) {
                recorded = today;
            }
            Instant at = recorded.atTime(LocalTime.of(9 + random.nextInt(8), random.nextInt(60))).atZone(RecordChecker.ZONE).toInstant();
            if (at.isAfter(Instant.now())) {
                at = Instant.now();
            }
            RecordCommand command = new RecordCommand(unitId, on, null, title, null, tags, values, attendance);
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
