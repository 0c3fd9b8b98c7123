package org.luoshi.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.luoshi.inspection.Supervision;
import org.luoshi.inspection.Supervision.ItemSpec;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.luoshi.org.Post;
import org.luoshi.org.PostKind;
import org.luoshi.org.PostService;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A county checklist on the responsibility system, a finished self-inspection of 柳溪镇 with two
 * findings in rectification, and a county visit to 石桥乡 with one finding passed and locked and
 * one overdue. Acts as the demo accounts, through the same rules as the pages. Runs once.
 */
@Component
@Order(6)
@ConditionalOnProperty(name = "luoshi.demo-data", havingValue = "true")
class DemoInspection implements ApplicationRunner {

    static final String CHECKLIST = "意识形态工作责任制落实情况检查清单";

    /** A 1×1 PNG, the demo's stand-in for a photo of the repaired reading room register. */
    private static final byte[] PNG = HexFormat.of().parseHex(
            "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000b49444154785e636000020000050001061475a30000000049454e44ae426082");

    private static final List<ItemSpec> ITEMS = List.of(
            new ItemSpec("1", "意识形态工作领导小组健全，人员变动后及时调整",
                    "查阅领导小组成立及调整文件，核对成员与现任岗位是否一致", "领导小组文件、调整通知", "LEADERSHIP"),
            new ItemSpec("2", "党委每年至少两次专题研究意识形态工作",
                    "查阅党委会记录，看是否有专题议题、研究内容和部署措施", "党委会会议记录、纪要", "LEADERSHIP", "ZZ-01"),
            new ItemSpec("3", "理论学习中心组按计划学习，每季度至少开展一次专题研讨",
                    "对照年度学习计划查签到表和研讨发言材料，出勤率不低于90%", "学习计划、签到表、研讨发言材料", "STUDY", "LL-02"),
            new ItemSpec("4", "与各村（社区）、站所逐一签订年度意识形态工作责任书",
                    "核对签订范围是否全覆盖、签订时间是否在当年一季度", "责任书原件或扫描件", "LEADERSHIP", "ZZ-03"),
            new ItemSpec("5", "每半年至少开展一次意识形态领域形势研判",
                    "查阅研判会记录，看是否分析具体情况并提出应对措施", "研判会记录", "OPINION", "ZZ-02"),
            new ItemSpec("6", "舆情按时处置并闭环登记",
                    "抽查舆情台账，看回应是否及时、是否记录处置结果", "舆情处置台账", "OPINION", "WL-01"),
            new ItemSpec("7", "宣传文化阵地定期巡查，设施故障及时修复",
                    "实地查看文化站、农家书屋、村村响广播、宣传栏，查巡查和维修记录", "巡查记录、维修记录、现场照片", "POSITION", "ZD-01"),
            new ItemSpec("8", "按要求向上级报送信息和稿件",
                    "查阅信息报送和上稿登记", "上稿登记表、刊发截图", "PUBLICITY"),
            new ItemSpec("9", "各类台账随事项发生及时记录，佐证齐全",
                    "抽查台账记录日期与事项日期是否一致，有无集中补录", "工作台账", "LEDGER"));

    private final Supervision supervision;
    private final OrgUnitService units;
    private final PostService posts;
    private final Clock clock;
    private final org.springframework.security.core.userdetails.UserDetailsService users;
    private final org.luoshi.ledger.LedgerService ledger;

    DemoInspection(Supervision supervision, OrgUnitService units, PostService posts, Clock clock, org.springframework.security.core.userdetails.UserDetailsService users,
            org.luoshi.ledger.LedgerService ledger) {
        this.ledger = ledger;
        this.users = users;
        this.clock = clock;
        this.supervision = supervision;
        this.units = units;
        this.posts = posts;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        DataScope system = units.systemScope("demo");
        OrgUnit county = units.root().orElseThrow();
        List<OrgUnit> townships = DemoOrgTree.demoTownships(units);
        if (townships.size() < 2 || supervision.checklistExists(county.getId(), CHECKLIST)) {
            return;
        }
        OrgUnit liuxi = townships.get(0);
        OrgUnit shiqiao = townships.get(1);
        // the demo acts as its users, with the scopes their accounts give them
        DataScope countyScope = scopeOf("county");
        DataScope officer = scopeOf("officer");
        DataScope officer2 = scopeOf("officer2");
        LocalDate today = LocalDate.now(clock);

        // the county's notice the self-inspection answers, as 柳溪镇 recorded it when it arrived: the 自查报告 cites it
        String notice = "青宣发〔" + today.getYear() + "〕3号";
        ledger.create(officer, "DIRECTIVE", new org.luoshi.ledger.RecordCommand(officer.unitId(), today.minusDays(30), null,
                "关于开展意识形态工作责任制落实情况自查的通知", null, List.of("上级文件"),
                Map.of("issuer", "青禾县委宣传部", "docNumber", notice, "requirements", "对照检查清单逐项自查，按时报送自查报告。"),
                List.of()));
        long checklist = supervision.createChecklist(countyScope, "COUNTY_REVIEWER", CHECKLIST, notice,
                "各乡镇（街道）对照逐项自查，县委宣传部督导时按本清单检查。", ITEMS);

        // 柳溪镇: self-inspection, items 3 and 7 fall short and go into rectification.
        long self = supervision.startSelfInspection(officer, "TOWNSHIP_OFFICER", checklist, today.minusDays(20));
        for (ItemSpec item : ITEMS) {
            switch (item.itemNo()) {
                case "3" -> supervision.answer(officer, "TOWNSHIP_OFFICER", self, "3", "PARTLY",
                        "上半年专题研讨只开展了一次，第二季度未安排。");
                case "7" -> supervision.answer(officer, "TOWNSHIP_OFFICER", self, "7", "NOT_MET",
                        "上塘村、石门村村村响广播各有一处喇叭损坏，尚未维修。");
                default -> supervision.answer(officer, "TOWNSHIP_OFFICER", self, item.itemNo(), "MEETS", null);
            }
        }
        long liuxiPost = propagandaPost(system, liuxi);
        List<Long> selfFindings = supervision.finishSelfInspection(officer, "TOWNSHIP_OFFICER", self, liuxiPost,
                today.plusDays(25), "对照清单逐项自查，发现问题2个，已建立整改台账。",
                "党委副书记牵头，宣传委员、组织委员和党政办负责人参加");
        for (long finding : selfFindings) {
            supervision.planRectification(officer, "TOWNSHIP_OFFICER", finding, "明确责任人和完成时限，逐项销号。");
            supervision.startRectification(officer, "TOWNSHIP_OFFICER", finding, null);
        }
        supervision.addProgressNote(officer, "TOWNSHIP_OFFICER", selfFindings.get(selfFindings.size() - 1),
                "已联系维修单位，计划本月内更换损坏喇叭。");

        // 石桥乡: county visit, one finding passed and locked, one overdue.
        long visit = supervision.startVisit(countyScope, "COUNTY_REVIEWER", checklist, today.minusDays(60),
                "县委宣传部督导组", List.of(shiqiao.getId()));
        supervision.answer(countyScope, "COUNTY_REVIEWER", visit, "3", "PARTLY", "研讨发言材料不全。");
        supervision.answer(countyScope, "COUNTY_REVIEWER", visit, "7", "PARTLY", "农家书屋借阅登记断档。");
        long shiqiaoPost = propagandaPost(system, shiqiao);
        long passed = supervision.recordVisitFinding(countyScope, "COUNTY_REVIEWER", visit, shiqiao.getId(), "7",
                "乡农家书屋借阅登记两个月空白", "现场查看借阅登记本，近两个月无记录。", shiqiaoPost, today.minusDays(30));
        long overdue = supervision.recordVisitFinding(countyScope, "COUNTY_REVIEWER", visit, shiqiao.getId(), "3",
                "中心组研讨发言材料缺失", "第一季度研讨只有签到表，没有交流发言材料。", shiqiaoPost, today.minusDays(3));
        supervision.finishVisit(countyScope, "COUNTY_REVIEWER", visit, "督导发现问题2个，已反馈石桥乡限期整改。");

        supervision.planRectification(officer2, "TOWNSHIP_OFFICER", passed, "指定专人每日登记借阅情况，文化站每周检查。");
        supervision.startRectification(officer2, "TOWNSHIP_OFFICER", passed, null);
        supervision.addEvidence(officer2, "TOWNSHIP_OFFICER", passed, "借阅登记本.png", PNG);
        supervision.submitRectification(officer2, "TOWNSHIP_OFFICER", passed, "已恢复借阅登记，补充了管理制度。");
        supervision.recheck(countyScope, "COUNTY_REVIEWER", passed, true, "现场复查，登记连续完整，同意销号。");

        supervision.planRectification(officer2, "TOWNSHIP_OFFICER", overdue, "组织中心组成员补交发言材料并归档。");
        supervision.startRectification(officer2, "TOWNSHIP_OFFICER", overdue, null);
    }

    private long propagandaPost(DataScope system, OrgUnit township) {
        return posts.postsOf(system, township.getId()).stream().filter(p -> p.getKind() == PostKind.PROPAGANDA_MEMBER)
                .map(Post::getId).findFirst().orElseThrow();
    }

    private DataScope scopeOf(String username) {
        return ((org.luoshi.account.SignedInUser) users.loadUserByUsername(username)).scope();
    }
}
