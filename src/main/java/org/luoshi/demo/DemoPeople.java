package org.luoshi.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.luoshi.account.AccountService;
import org.luoshi.account.Role;
import org.luoshi.org.Person;
import org.luoshi.org.PersonService;
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
 * People in posts for each demo township and village. Names are generated from fixed lists, so
 * every run produces the same fictional people.
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "luoshi.demo-data", havingValue = "true")
class DemoPeople implements ApplicationRunner {

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢";
    private static final String GIVEN = "建国志强海燕丽华晓明红梅国庆德文秀英春生玉兰永刚桂芳振华淑珍卫东雪梅";

    /** The township posts, in the order they are listed; the title of a 街道 differs for some. */
    static final List<PostPlan> TOWNSHIP_POSTS = List.of(
            new PostPlan("党委书记", "党工委书记", PostKind.SECRETARY),
            new PostPlan("镇长", "办事处主任", PostKind.HEAD),
            new PostPlan("人大主席", "人大工委主任", PostKind.LEADERSHIP_MEMBER),
            new PostPlan("党委副书记", "党工委副书记", PostKind.DEPUTY_SECRETARY),
            new PostPlan("组织委员", "组织委员", PostKind.LEADERSHIP_MEMBER),
            new PostPlan("纪委书记", "纪工委书记", PostKind.LEADERSHIP_MEMBER),
            new PostPlan("宣传委员", "宣传委员", PostKind.PROPAGANDA_MEMBER),
            new PostPlan("宣传干事", "宣传干事", PostKind.PROPAGANDA_OFFICER),
            new PostPlan("宣传干事", "宣传干事", PostKind.PROPAGANDA_OFFICER));

    private final OrgUnitService units;
    private final PersonService people;
    private final PostService posts;
    private int nameSeed;
    private final Clock clock;

    private final AccountService accounts;

    DemoPeople(OrgUnitService units, PersonService people, PostService posts, Clock clock, AccountService accounts) {
        this.accounts = accounts;
        this.clock = clock;
        this.units = units;
        this.people = people;
        this.posts = posts;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        DataScope system = units.systemScope("demo");
        List<OrgUnit> townships = DemoOrgTree.demoTownships(units);
        // staffed already if any township has posts (not only the first: units added later sort anywhere)
        if (townships.isEmpty() || townships.stream().anyMatch(t -> !posts.postsOf(system, t.getId()).isEmpty())) {
            return;
        }
        LocalDate termStart = LocalDate.of(LocalDate.now(clock).getYear() - 2, 3, 1);
        for (OrgUnit township : townships) {
            boolean street = township.getName().endsWith("街道");
            int order = 0;
            for (PostPlan plan : TOWNSHIP_POSTS) {
                // 石桥乡 keeps one 宣传干事 only, so the demo townships differ.
                if (plan.kind() == PostKind.PROPAGANDA_OFFICER && order == 8 && township.getName().equals("石桥乡")) {
                    continue;
                }
                String title = street ? plan.streetTitle() : plan.title();
                if (township.getName().endsWith("乡") && plan.kind() == PostKind.HEAD) {
                    title = "乡长";
                }
                Post post = posts.create(system, township.getId(), title, plan.kind(), ++order);
                Person person = people.create(system, township.getId(), nextName(), null, null, null);
                posts.assign(system, post.getId(), person.getId(), termStart.plusDays(order));
                linkAccounts(system, township, plan.kind(), person);
            }
            for (OrgUnit unit : units.children(system, township.getId())) {
                if (unit.getKind() == OrgUnitKind.VILLAGE) {
                    staff(system, unit, "党支部书记", PostKind.SECRETARY, termStart);
                    staff(system, unit, "宣传员", PostKind.PROPAGANDIST, termStart);
                } else if (unit.getName().equals("文化站")) {
                    staff(system, unit, "文化站站长", PostKind.CULTURE_STATION_HEAD, termStart);
                } else {
                    staff(system, unit, "负责人", PostKind.DEPARTMENT_HEAD, termStart);
                }
            }
        }
    }

    private void staff(DataScope system, OrgUnit unit, String title, PostKind kind, LocalDate from) {
        Post post = posts.create(system, unit.getId(), title, kind, kind == PostKind.SECRETARY ? 1 : 2);
        Person person = people.create(system, unit.getId(), nextName(), null, null, null);
        posts.assign(system, post.getId(), person.getId(), from);
        linkAccounts(system, unit, kind, person);
    }

    /** The demo accounts name the person in the post they stand for (officer: 宣传委员, leader: 党委书记, clerk: 宣传员). */
    private void linkAccounts(DataScope system, OrgUnit unit, PostKind kind, Person person) {
        Role role = switch (kind) {
            case PROPAGANDA_MEMBER -> Role.TOWNSHIP_OFFICER;
            case SECRETARY -> unit.getKind() == OrgUnitKind.TOWNSHIP ? Role.TOWNSHIP_LEADER : null;
            case PROPAGANDIST -> Role.VILLAGE_CLERK;
            default -> null;
        };
        if (role != null) {
            accounts.linkUnlinked(system, unit.getId(), role, person.getId());
        }
    }

    private String nextName() {
        int i = nameSeed++;
        char surname = SURNAMES.charAt((i * 7) % SURNAMES.length());
        int pair = (i * 5) % (GIVEN.length() / 2);
        return surname + GIVEN.substring(pair * 2, pair * 2 + 2);
    }

    record PostPlan(String title, String streetTitle, PostKind kind) {
    }
}
