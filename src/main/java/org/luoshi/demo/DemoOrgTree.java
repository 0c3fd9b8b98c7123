package org.luoshi.demo;

import java.util.List;
import org.luoshi.account.AccountService;
import org.luoshi.account.Role;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitCommand;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fictional 青禾县 with three townships (one a 街道), their villages and departments, and one
 * demo account per role. Runs once, on an empty database.
 */
@Component
@Order(1)
@ConditionalOnProperty(name = "luoshi.demo-data", havingValue = "true")
class DemoOrgTree implements ApplicationRunner {

    /** Shared by every demo account; listed in the README. Never used outside the demo profile. */
    static final String DEMO_PASSWORD = "Luoshi@2026";

    static final String COUNTY = "青禾县";
    static final List<TownshipPlan> TOWNSHIPS = List.of(
            new TownshipPlan("柳溪镇", 32_640,
                    List.of("柳溪村", "上塘村", "荷塘村", "石门村", "新民村", "枫林村", "柳溪社区"),
                    List.of("文化站", "党政办", "综治中心")),
            new TownshipPlan("石桥乡", 18_210,
                    List.of("石桥村", "青山村", "河口村", "东岭村", "桃源村"),
                    List.of("文化站", "党政办")),
            new TownshipPlan("东城街道", 56_900,
                    List.of("东门社区", "春晖社区", "锦绣社区", "文昌社区", "滨河社区", "东郊村"),
                    List.of("文化站", "党政办", "综治中心")));

    private final OrgUnitService units;
    private final AccountService accounts;

    /**
     * The demo townships that exist, in plan order: what the later demo runners fill. Units added
     * since (by users, or by tests sharing the database) are never touched and never decide whether
     * the demo data is there.
     */
    static List<OrgUnit> demoTownships(OrgUnitService units) {
        java.util.Map<String, OrgUnit> byName = new java.util.HashMap<>();
        units.ofKind(units.systemScope("demo"), OrgUnitKind.TOWNSHIP).forEach(u -> byName.putIfAbsent(u.getName(), u));
        return TOWNSHIPS.stream().map(plan -> byName.get(plan.name())).filter(java.util.Objects::nonNull).toList();
    }

    DemoOrgTree(OrgUnitService units, AccountService accounts) {
        this.units = units;
        this.accounts = accounts;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (units.root().isPresent()) {
            return;
        }
        OrgUnit county = units.createRoot(COUNTY);
        DataScope system = units.systemScope("demo");
        units.create(system, new OrgUnitCommand(county.getId(), OrgUnitKind.DEPARTMENT, "县委宣传部", "XCB", null, 0));
        int townshipOrder = 0;
        OrgUnit first = null;
        OrgUnit firstVillage = null;
        for (TownshipPlan plan : TOWNSHIPS) {
            OrgUnit township = units.create(system, new OrgUnitCommand(county.getId(), OrgUnitKind.TOWNSHIP,
                    plan.name(), null, plan.population(), ++townshipOrder));
            int order = 0;
            int share = plan.population() / plan.villages().size();
            for (String village : plan.villages()) {
                OrgUnit unit = units.create(system, new OrgUnitCommand(township.getId(), OrgUnitKind.VILLAGE,
                        village, null, share - 37 * order, ++order));
                if (firstVillage == null) {
                    firstVillage = unit;
                }
            }
            for (String department : plan.departments()) {
                units.create(system, new OrgUnitCommand(township.getId(), OrgUnitKind.DEPARTMENT, department, null, null,
                        ++order));
            }
            if (first == null) {
                first = township;
            }
        }
        accounts.create(system, "admin", "系统管理员", DEMO_PASSWORD, Role.ADMIN, county.getId(), false);
        accounts.create(system, "county", "县委宣传部审核员", DEMO_PASSWORD, Role.COUNTY_REVIEWER, county.getId(), false);
        accounts.create(system, "officer", "柳溪镇宣传委员", DEMO_PASSWORD, Role.TOWNSHIP_OFFICER, first.getId(), false);
        accounts.create(system, "leader", "柳溪镇党委书记", DEMO_PASSWORD, Role.TOWNSHIP_LEADER, first.getId(), false);
        accounts.create(system, "clerk", "柳溪村宣传员", DEMO_PASSWORD, Role.VILLAGE_CLERK, firstVillage.getId(), false);
        List<OrgUnit> townships = units.ofKind(system, OrgUnitKind.TOWNSHIP);
        accounts.create(system, "officer2", "石桥乡宣传委员", DEMO_PASSWORD, Role.TOWNSHIP_OFFICER,
                townships.get(1).getId(), false);
        accounts.create(system, "officer3", "东城街道宣传委员", DEMO_PASSWORD, Role.TOWNSHIP_OFFICER,
                townships.get(2).getId(), false);
    }

    record TownshipPlan(String name, int population, List<String> villages, List<String> departments) {
    }
}
