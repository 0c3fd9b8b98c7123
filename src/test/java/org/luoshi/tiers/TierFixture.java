package org.luoshi.tiers;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.luoshi.account.AccountService;
import org.luoshi.account.Role;
import org.luoshi.account.SignedInUser;
import org.luoshi.ledger.LedgerRecord;
import org.luoshi.ledger.LedgerService;
import org.luoshi.ledger.RecordCommand;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitCommand;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * The multi-tier tree, built inside the calling test's transaction (so that it rolls back and the demo
 * tree stays as the other tests expect): 示范省 → 示范市 → {青禾县 (the demo county, moved under it),
 * 新河县 → 河口镇 → 河口村}, and 示范省 → 邻市 → 邻县 → 邻镇. One reviewer at each city, the province and
 * 新河县, an officer at 河口镇, and one study session in 河口镇 and one in 邻镇.
 */
@Component
public class TierFixture {

    public static final String PASSWORD = "Luoshi@2026";

    private final OrgUnitService units;
    private final AccountService accounts;
    private final LedgerService ledger;
    private final UserDetailsService users;

    TierFixture(OrgUnitService units, AccountService accounts, LedgerService ledger, UserDetailsService users) {
        this.units = units;
        this.accounts = accounts;
        this.ledger = ledger;
        this.users = users;
    }

    /** What {@link #build} made. */
    public record Tiers(OrgUnit province, OrgUnit city, OrgUnit otherCity, OrgUnit qinghe, OrgUnit xinhe,
            OrgUnit hekou, OrgUnit hekouVillage, OrgUnit otherCounty, OrgUnit otherTownship, LedgerRecord hekouRecord,
            LedgerRecord otherRecord) {
    }

    public Tiers build() {
        OrgUnit qinghe = units.root().orElseThrow();
        OrgUnit city = units.addRootAbove(system(), OrgUnitKind.CITY, "示范市", null);
        OrgUnit province = units.addRootAbove(system(), OrgUnitKind.PROVINCE, "示范省", null);
        OrgUnit xinhe = create(city, OrgUnitKind.COUNTY, "新河县");
        OrgUnit hekou = create(xinhe, OrgUnitKind.TOWNSHIP, "河口镇");
        OrgUnit village = create(hekou, OrgUnitKind.VILLAGE, "河口村");
        OrgUnit otherCity = create(province, OrgUnitKind.CITY, "邻州");
        OrgUnit otherCounty = create(otherCity, OrgUnitKind.COUNTY, "邻县");
        OrgUnit otherTownship = create(otherCounty, OrgUnitKind.TOWNSHIP, "邻镇");
        account("cityrev", "示范市审核人", Role.COUNTY_REVIEWER, city);
        account("provrev", "示范省审核人", Role.COUNTY_REVIEWER, province);
        account("othercityrev", "邻州审核人", Role.COUNTY_REVIEWER, otherCity);
        account("xinherev", "新河县审核人", Role.COUNTY_REVIEWER, xinhe);
        account("hekouofficer", "河口镇宣传委员", Role.TOWNSHIP_OFFICER, hekou);
        LedgerRecord hekouRecord = seminar(hekou, "河口镇层级测试研讨");
        LedgerRecord otherRecord = seminar(otherTownship, "邻镇层级测试研讨");
        return new Tiers(units.getUnchecked(province.getId()), units.getUnchecked(city.getId()), otherCity,
                units.getUnchecked(qinghe.getId()), xinhe, hekou, village, otherCounty, otherTownship, hekouRecord,
                otherRecord);
    }

    /** The scope the user gets when signing in now (after the tree changed). */
    public DataScope scopeOf(String username) {
        return ((SignedInUser) users.loadUserByUsername(username)).scope();
    }

    private DataScope system() {
        return units.systemScope("test");
    }

    private OrgUnit create(OrgUnit parent, OrgUnitKind kind, String name) {
        return units.create(system(), new OrgUnitCommand(parent.getId(), kind, name, null, null, 0));
    }

    private void account(String username, String name, Role role, OrgUnit unit) {
        accounts.create(system(), username, name, PASSWORD, role, unit.getId(), false);
    }

    private LedgerRecord seminar(OrgUnit unit, String title) {
        return ledger.create(system(), "STUDY_SESSION", new RecordCommand(unit.getId(), LocalDate.of(2025, 3, 31), null,
                title, null, List.of(), Map.of("subKind", "SEMINAR", "topic", title), List.of()));
    }
}
