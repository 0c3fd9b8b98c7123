package org.luoshi.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.luoshi.org.Person;
import org.luoshi.org.PersonService;
import org.luoshi.org.Post;
import org.luoshi.org.PostKind;
import org.luoshi.org.PostService;
import org.luoshi.responsibility.LeadingGroupService;
import org.luoshi.responsibility.LeadingGroupService.GroupDetails;
import org.luoshi.responsibility.LeadingGroupService.SeatCommand;
import org.luoshi.responsibility.LetterService;
import org.luoshi.responsibility.LetterService.LetterCommand;
import org.luoshi.responsibility.ResponsibilityKind;
import org.luoshi.responsibility.ResponsibilityService;
import org.luoshi.responsibility.ResponsibilityService.DutyCommand;
import org.luoshi.responsibility.SeatRole;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The responsibility system of each demo township: a confirmed leading group, the responsibilities
 * of the leadership, this year's letters with a few units deliberately left unsigned, and one
 * change of holder (石桥乡's 宣传委员) so that the needs-attention list has something to show.
 */
@Component
@Order(3)
@ConditionalOnProperty(name = "luoshi.demo-data", havingValue = "true")
class DemoResponsibility implements ApplicationRunner {

    /** Units left without this year's letter, so that the "not signed" list is not empty. */
    static final Map<String, Set<String>> UNSIGNED = Map.of(
            "柳溪镇", Set.of("枫林村", "综治中心"),
            "石桥乡", Set.of("桃源村", "党政办"),
            "东城街道", Set.of("滨河社区", "东郊村", "综治中心"));

    /** The township whose 宣传委员 changes after the group was confirmed. */
    static final String CHANGED_TOWNSHIP = "石桥乡";
    static final String NEW_PROPAGANDA_MEMBER = "顾晓岚";

    private final OrgUnitService units;
    private final PostService posts;
    private final PersonService people;
    private final LeadingGroupService groups;
    private final ResponsibilityService duties;
    private final LetterService letters;
    private final Clock clock;

    DemoResponsibility(OrgUnitService units, PostService posts, PersonService people, LeadingGroupService groups,
            ResponsibilityService duties, LetterService letters, Clock clock) {
        this.clock = clock;
        this.units = units;
        this.posts = posts;
        this.people = people;
        this.groups = groups;
        this.duties = duties;
        this.letters = letters;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (units.root().isEmpty()) {
            return;
        }
        DataScope system = units.systemScope("demo");
        List<OrgUnit> townships = DemoOrgTree.demoTownships(units);
        if (townships.isEmpty() || posts.postsOf(system, townships.get(0).getId()).isEmpty()
                || groups.view(system, townships.get(0).getId()).exists()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        for (OrgUnit township : townships) {
            List<Post> leadership = posts.postsOf(system, township.getId());
            group(system, township, leadership, today);
            responsibilities(system, township, leadership);
            letters(system, township, today);
        }
        townships.stream().filter(t -> t.getName().equals(CHANGED_TOWNSHIP)).findFirst()
                .ifPresent(t -> changePropagandaMember(system, t, today));
    }

    private void group(DataScope system, OrgUnit township, List<Post> leadership, LocalDate today) {
        long id = township.getId();
        LocalDate established = LocalDate.of(today.getYear() - 2, 3, 20);
        groups.describe(system, id, new GroupDetails(township.getName() + "意识形态工作领导小组",
                established, "换届后按岗位调整组成人员，人员变动时随岗位自动承接。"), null);
        int order = 0;
        for (Post post : leadership) {
            SeatCommand seat = switch (post.getKind()) {
                case SECRETARY -> new SeatCommand(SeatRole.LEADER, post.getId(), "主持领导小组工作，对全乡镇意识形态工作负总责", 0, established);
                case HEAD -> new SeatCommand(SeatRole.DEPUTY, post.getId(), "协助组长工作，牵头政府系统的意识形态工作", 1, established);
                case PROPAGANDA_MEMBER -> new SeatCommand(SeatRole.OFFICE_HEAD, post.getId(),
                        "主持领导小组办公室日常工作：会议组织、情况汇总、督促落实和信息报送", 0, established);
                case DEPUTY_SECRETARY -> new SeatCommand(SeatRole.MEMBER, post.getId(), "协助抓好责任制日常督促和舆情研判", ++order, established);
                case LEADERSHIP_MEMBER -> post.getTitle().startsWith("人大")
                        ? new SeatCommand(SeatRole.DEPUTY, post.getId(), "协助组长工作，联系人大代表做好政策宣传和民意收集", 2, established)
                        : new SeatCommand(SeatRole.MEMBER, post.getId(), memberDuty(post.getTitle()), ++order, established);
                default -> null;
            };
            if (seat != null) {
                groups.addSeat(system, id, seat);
            }
        }
        for (OrgUnit unit : units.children(system, id)) {
            if (unit.getKind() == OrgUnitKind.DEPARTMENT) {
                for (Post post : posts.postsOf(system, unit.getId())) {
                    if (post.getKind() == PostKind.CULTURE_STATION_HEAD) {
                        groups.addSeat(system, id, new SeatCommand(SeatRole.MEMBER, post.getId(),
                                "管好文化站和农家书屋等阵地，组织群众性文化活动", ++order, established));
                    }
                }
            }
        }
        groups.confirm(system, id);
    }

    private void responsibilities(DataScope system, OrgUnit township, List<Post> leadership) {
        long id = township.getId();
        for (Post post : leadership) {
            DutyCommand duty = switch (post.getKind()) {
                case SECRETARY -> new DutyCommand(id, ResponsibilityKind.PRIMARY, post.getId(),
                        "对本乡镇意识形态工作负总责：每年专题研究部署、定期主持研判，带头讲党课、审阅重要宣传稿件，"
                                + "重要问题亲自过问、重大事件亲自处置。");
                case PROPAGANDA_MEMBER -> new DutyCommand(id, ResponsibilityKind.DIRECT, post.getId(),
                        "协助书记统筹意识形态工作的日常落实：安排理论学习中心组学习，管好宣传文化阵地，"
                                + "组织对外宣传和信息报送，处置网络舆情并按时报告。");
                case HEAD -> new DutyCommand(id, ResponsibilityKind.DUAL_DUTY, post.getId(),
                        "政府系统和分管经济社会事务中的意识形态工作；政务公开、政府网站和政务新媒体的内容把关；"
                                + "重点项目、征地拆迁中的政策解读与舆情应对。");
                case DEPUTY_SECRETARY -> new DutyCommand(id, ResponsibilityKind.DUAL_DUTY, post.getId(),
                        "政法综治、信访维稳领域的意识形态工作；协助书记督促责任制落实，牵头季度舆情形势研判。");
                case LEADERSHIP_MEMBER -> new DutyCommand(id, ResponsibilityKind.DUAL_DUTY, post.getId(),
                        dualDutyScope(post.getTitle()));
                default -> null;
            };
            if (duty != null) {
                duties.create(system, duty);
            }
        }
        duties.confirmAll(system, id);
    }

    private static String memberDuty(String title) {
        if (title.startsWith("组织")) {
            return "把好党员教育和基层党组织学习内容关";
        }
        if (title.startsWith("纪")) {
            return "监督检查责任制落实情况，提出问责建议";
        }
        return "抓好分管领域的意识形态工作";
    }

    private static String dualDutyScope(String title) {
        if (title.startsWith("人大")) {
            return "人大工作和代表活动中的意识形态工作；组织代表宣讲政策，收集反映群众思想动态。";
        }
        if (title.startsWith("组织")) {
            return "党员教育管理中的意识形态工作；“三会一课”、主题党日和远程教育的学习内容把关；村（社区）书记培训。";
        }
        if (title.startsWith("纪")) {
            return "监督检查班子成员和各村（社区）落实意识形态工作责任制的情况，对履责不力提出问责建议；廉洁文化宣传教育。";
        }
        return "分管领域、联系村（社区）和站所的意识形态工作。";
    }

    /**
     * Letters of the year before, all signed (the demo ledger covers that year too, and in January it
     * is the year being written up), and of this year, a few deliberately not yet signed.
     */
    private void letters(DataScope system, OrgUnit township, LocalDate today) {
        letters(system, township, today.getYear() - 1, Set.of(), today);
        letters(system, township, today.getYear(), UNSIGNED.getOrDefault(township.getName(), Set.of()), today);
    }

    private void letters(DataScope system, OrgUnit township, int year, Set<String> unsigned, LocalDate today) {
        List<OrgUnit> counterparts = new ArrayList<>(units.children(system, township.getId()));
        int index = 0;
        for (OrgUnit unit : counterparts) {
            if (!unit.isActive() || unsigned.contains(unit.getName())
                    || (unit.getKind() != OrgUnitKind.VILLAGE && unit.getKind() != OrgUnitKind.DEPARTMENT)) {
                continue;
            }
            LocalDate signedOn = LocalDate.of(year, 1, 12).plusDays(4L * index++);
            if (signedOn.isAfter(today)) {
                signedOn = today;
            }
            String signer = signerOf(unit);
            letters.sign(system, new LetterCommand(township.getId(), unit.getId(), year, signedOn, signer,
                    index == 1 ? "在年度意识形态工作会议上集中签订。" : null), null);
        }
    }

    /** The head of the unit signs: the branch secretary of a village, the head of a department. */
    private String signerOf(OrgUnit unit) {
        List<Post> unitPosts = posts.postsOf(units.systemScope("demo"), unit.getId());
        Map<Long, Person> holders = posts.currentHolders(unitPosts.stream().map(Post::getId).toList());
        return unitPosts.stream().filter(p -> holders.containsKey(p.getId())).findFirst()
                .map(p -> holders.get(p.getId()).getName()).orElse(unit.getName() + "负责人");
    }

    private void changePropagandaMember(DataScope system, OrgUnit township, LocalDate today) {
        posts.postsOf(system, township.getId()).stream()
                .filter(p -> p.getKind() == PostKind.PROPAGANDA_MEMBER).findFirst()
                .ifPresent(post -> {
                    Person successor = people.create(system, township.getId(), NEW_PROPAGANDA_MEMBER, null, null,
                            "由县委宣传部交流任职");
                    posts.assign(system, post.getId(), successor.getId(), today.minusDays(12));
                });
    }
}
