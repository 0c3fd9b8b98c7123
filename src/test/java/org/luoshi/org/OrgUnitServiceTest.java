package org.luoshi.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.account.AccountService;
import org.luoshi.account.Role;
import org.luoshi.web.NotFoundException;
import org.luoshi.web.RuleViolationException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;

@LuoshiTest
@Import(OrgFixtures.class)
class OrgUnitServiceTest {

    @Autowired
    OrgUnitService units;

    @Autowired
    AccountService accounts;

    @Autowired
    OrgFixtures fx;

    static String rule(Throwable e) {
        return ((RuleViolationException) e).messageKey();
    }

    @Test
    void aSystemScopeIsNamedForItsJobAndASystemReaderCannotWrite() {
        assertThat(units.systemScope("demo").username()).isEqualTo("system:demo");
        assertThat(units.systemScope("demo").writable()).isTrue();
        DataScope reader = units.systemReader("person-names");
        assertThat(reader.username()).isEqualTo("system:person-names");
        assertThat(reader.writable()).isFalse();
        assertThatThrownBy(() -> units.create(reader, new OrgUnitCommand(
                units.ofKind(reader, OrgUnitKind.TOWNSHIP).get(0).getId(), OrgUnitKind.VILLAGE, "系统不应建的村", null, null, 0)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> units.systemScope("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> units.systemScope("Admin Pretending")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void createsAUnitBelowItsParentWithAMaterialisedPath() {
        OrgUnit township = fx.newTownship();
        OrgUnit village = fx.newUnit(township, OrgUnitKind.VILLAGE, "村");
        assertThat(village.getPath()).isEqualTo(township.getPath() + village.getId() + "/");
        assertThat(village.getDepth()).isEqualTo(township.getDepth() + 1);
        assertThat(village.getRegisteredPopulation()).isEqualTo(100);
    }

    @Test
    void refusesAKindThatCannotSitBelowTheParent() {
        OrgUnit township = fx.newTownship();
        OrgUnit village = fx.newUnit(township, OrgUnitKind.VILLAGE, "村");
        assertThatThrownBy(() -> units.create(fx.system(),
                new OrgUnitCommand(fx.county().getId(), OrgUnitKind.VILLAGE, OrgFixtures.unique("村"), null, null, 0)))
                .satisfies(e -> assertThat(rule(e)).isEqualTo("org.unit.badPlacement"));
        assertThatThrownBy(() -> units.create(fx.system(),
                new OrgUnitCommand(village.getId(), OrgUnitKind.DEPARTMENT, OrgFixtures.unique("站"), null, null, 0)))
                .satisfies(e -> assertThat(rule(e)).isEqualTo("org.unit.badPlacement"));
        assertThatThrownBy(() -> units.create(fx.system(),
                new OrgUnitCommand(township.getId(), OrgUnitKind.TOWNSHIP, OrgFixtures.unique("镇"), null, null, 0)))
                .satisfies(e -> assertThat(rule(e)).isEqualTo("org.unit.badPlacement"));
    }

    @Test
    void refusesADuplicateNameAtTheSameLevelButNotElsewhere() {
        OrgUnit a = fx.newTownship();
        OrgUnit b = fx.newTownship();
        OrgUnit village = fx.newUnit(a, OrgUnitKind.VILLAGE, "村");
        assertThatThrownBy(() -> units.create(fx.system(),
                new OrgUnitCommand(a.getId(), OrgUnitKind.DEPARTMENT, village.getName(), null, null, 0)))
                .satisfies(e -> assertThat(rule(e)).isEqualTo("org.unit.duplicateName"));
        OrgUnit sameNameElsewhere = units.create(fx.system(),
                new OrgUnitCommand(b.getId(), OrgUnitKind.VILLAGE, village.getName(), null, null, 0));
        assertThat(sameNameElsewhere.getName()).isEqualTo(village.getName());
        OrgUnit other = fx.newUnit(a, OrgUnitKind.VILLAGE, "村");
        assertThatThrownBy(() -> units.update(fx.system(), other.getId(),
                new OrgUnitCommand(null, null, village.getName(), null, null, 0), null))
                .satisfies(e -> assertThat(rule(e)).isEqualTo("org.unit.duplicateName"));
    }

    @Test
    void renamesAndChangesPopulationButRefusesANegativeOne() {
        OrgUnit village = fx.newUnit(fx.newTownship(), OrgUnitKind.VILLAGE, "村");
        String name = OrgFixtures.unique("新村");
        OrgUnit renamed = units.update(fx.system(), village.getId(), new OrgUnitCommand(null, null, " " + name + " ", "", 2345, 3), null);
        assertThat(renamed.getName()).isEqualTo(name);
        assertThat(renamed.getCode()).isNull();
        assertThat(renamed.getRegisteredPopulation()).isEqualTo(2345);
        assertThatThrownBy(() -> units.update(fx.system(), village.getId(), new OrgUnitCommand(null, null, name, null, -1, 0), null))
                .satisfies(e -> assertThat(rule(e)).isEqualTo("org.unit.populationNegative"));
    }

    @Test
    void refusesADuplicateCode() {
        OrgUnit township = fx.newTownship();
        String code = OrgFixtures.unique("C").replaceAll("[^A-Za-z0-9]", "");
        units.create(fx.system(), new OrgUnitCommand(township.getId(), OrgUnitKind.VILLAGE, OrgFixtures.unique("村"), code, null, 0));
        assertThatThrownBy(() -> units.create(fx.system(),
                new OrgUnitCommand(township.getId(), OrgUnitKind.VILLAGE, OrgFixtures.unique("村"), code, null, 0)))
                .satisfies(e -> assertThat(rule(e)).isEqualTo("org.unit.duplicateCode"));
    }

    @Test
    void moveRewritesThePathsOfTheWholeSubtree() {
        OrgUnit from = fx.newTownship();
        OrgUnit to = fx.newTownship();
        OrgUnit office = fx.newUnit(from, OrgUnitKind.DEPARTMENT, "党政办");
        OrgUnit section = fx.newUnit(office, OrgUnitKind.DEPARTMENT, "档案室");

        units.move(fx.system(), office.getId(), to.getId());

        OrgUnit movedOffice = units.getUnchecked(office.getId());
        OrgUnit movedSection = units.getUnchecked(section.getId());
        assertThat(movedOffice.getParentId()).isEqualTo(to.getId());
        assertThat(movedOffice.getPath()).isEqualTo(to.getPath() + office.getId() + "/");
        assertThat(movedSection.getPath()).isEqualTo(to.getPath() + office.getId() + "/" + section.getId() + "/");
        assertThat(movedSection.getParentId()).isEqualTo(office.getId());
        DataScope oldTownship = DataScope.ofUser("t", from.getId(), from.getPath(), true);
        DataScope newTownship = DataScope.ofUser("t", to.getId(), to.getPath(), true);
        assertThatThrownBy(() -> units.get(oldTownship, section.getId())).isInstanceOf(NotFoundException.class);
        assertThat(units.tree(newTownship)).extracting(OrgUnit::getId).containsSubsequence(to.getId(), office.getId(), section.getId());
    }

    @Test
    void refusesAMoveIntoItsOwnSubtreeOrBelowAWrongKind() {
        OrgUnit township = fx.newTownship();
        OrgUnit office = fx.newUnit(township, OrgUnitKind.DEPARTMENT, "党政办");
        OrgUnit section = fx.newUnit(office, OrgUnitKind.DEPARTMENT, "档案室");
        OrgUnit village = fx.newUnit(township, OrgUnitKind.VILLAGE, "村");
        assertThatThrownBy(() -> units.move(fx.system(), office.getId(), section.getId()))
                .satisfies(e -> assertThat(rule(e)).isEqualTo("org.unit.moveIntoItself"));
        assertThatThrownBy(() -> units.move(fx.system(), office.getId(), office.getId()))
                .satisfies(e -> assertThat(rule(e)).isEqualTo("org.unit.moveIntoItself"));
        assertThatThrownBy(() -> units.move(fx.system(), office.getId(), village.getId()))
                .satisfies(e -> assertThat(rule(e)).isEqualTo("org.unit.badPlacement"));
        assertThatThrownBy(() -> units.move(fx.system(), village.getId(), fx.county().getId()))
                .satisfies(e -> assertThat(rule(e)).isEqualTo("org.unit.badPlacement"));
        assertThat(units.getUnchecked(section.getId()).getPath()).isEqualTo(office.getPath() + section.getId() + "/");
    }

    @Test
    void anOfficerCannotMoveTheirOwnUnitNorReachOutsideTheirTownship() {
        OrgUnit township = fx.newTownship();
        OrgUnit other = fx.newTownship();
        OrgUnit office = fx.newUnit(township, OrgUnitKind.DEPARTMENT, "站");
        DataScope officer = DataScope.ofUser("o", township.getId(), township.getPath(), true);
        assertThatThrownBy(() -> units.move(officer, township.getId(), fx.county().getId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> units.move(officer, office.getId(), other.getId())).isInstanceOf(NotFoundException.class);
        OrgUnit section = fx.newUnit(office, OrgUnitKind.DEPARTMENT, "科");
        DataScope officeScope = DataScope.ofUser("o", office.getId(), office.getPath(), true);
        assertThatThrownBy(() -> units.move(officeScope, office.getId(), section.getId()))
                .satisfies(e -> assertThat(rule(e)).isEqualTo("org.unit.moveOwnRoot"));
    }

    @Test
    void deleteIsRefusedWithChildrenWithPeopleWithPostsAndWithRecordsOfOtherModules() {
        OrgUnit township = fx.newTownship();
        OrgUnit office = fx.newUnit(township, OrgUnitKind.DEPARTMENT, "办");
        fx.newUnit(office, OrgUnitKind.DEPARTMENT, "室");
        assertThatThrownBy(() -> units.delete(fx.system(), office.getId()))
                .satisfies(e -> assertThat(rule(e)).isEqualTo("org.unit.deleteHasChildren"));

        OrgUnit withPerson = fx.newUnit(township, OrgUnitKind.VILLAGE, "村");
        fx.newPerson(withPerson);
        assertThatThrownBy(() -> units.delete(fx.system(), withPerson.getId()))
                .satisfies(e -> assertThat(rule(e)).isEqualTo("org.unit.deleteHasPeople"));

        OrgUnit withPost = fx.newUnit(township, OrgUnitKind.VILLAGE, "村");
        fx.newPost(withPost);
        assertThatThrownBy(() -> units.delete(fx.system(), withPost.getId()))
                .satisfies(e -> assertThat(rule(e)).isEqualTo("org.unit.deleteHasPeople"));

        // An account is a record of another module that references the unit by foreign key.
        OrgUnit withAccount = fx.newUnit(township, OrgUnitKind.VILLAGE, "村");
        accounts.create(fx.system(), OrgFixtures.unique("clerk"), "test", "Luoshi@2026", Role.VILLAGE_CLERK,
                withAccount.getId(), false);
        assertThatThrownBy(() -> units.delete(fx.system(), withAccount.getId()))
                .satisfies(e -> assertThat(rule(e)).isEqualTo("org.unit.deleteHasRecords"));
        assertThat(units.getUnchecked(withAccount.getId()).getName()).isEqualTo(withAccount.getName());
    }

    @Test
    void deletesAnEmptyUnit() {
        OrgUnit village = fx.newUnit(fx.newTownship(), OrgUnitKind.VILLAGE, "村");
        units.delete(fx.system(), village.getId());
        assertThatThrownBy(() -> units.getUnchecked(village.getId())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void deactivationKeepsActiveUnitsBelowActiveParents() {
        OrgUnit township = fx.newTownship();
        OrgUnit village = fx.newUnit(township, OrgUnitKind.VILLAGE, "村");
        assertThatThrownBy(() -> units.setActive(fx.system(), township.getId(), false))
                .satisfies(e -> assertThat(rule(e)).isEqualTo("org.unit.deactivateHasActiveChildren"));

        assertThat(units.setActive(fx.system(), village.getId(), false).isActive()).isFalse();
        assertThat(units.setActive(fx.system(), township.getId(), false).isActive()).isFalse();
        assertThatThrownBy(() -> units.setActive(fx.system(), village.getId(), true))
                .satisfies(e -> assertThat(rule(e)).isEqualTo("org.unit.parentInactive"));
        assertThatThrownBy(() -> units.create(fx.system(),
                new OrgUnitCommand(township.getId(), OrgUnitKind.VILLAGE, OrgFixtures.unique("村"), null, null, 0)))
                .satisfies(e -> assertThat(rule(e)).isEqualTo("org.unit.parentInactive"));

        assertThat(units.setActive(fx.system(), township.getId(), true).isActive()).isTrue();
        assertThat(units.setActive(fx.system(), village.getId(), true).isActive()).isTrue();
    }

    @Test
    void aUserCannotDeactivateOrDeleteTheirOwnUnitAndReadOnlyScopesChangeNothing() {
        OrgUnit township = fx.newTownship();
        DataScope officer = DataScope.ofUser("o", township.getId(), township.getPath(), true);
        assertThatThrownBy(() -> units.setActive(officer, township.getId(), false))
                .satisfies(e -> assertThat(rule(e)).isEqualTo("org.unit.deactivateOwn"));
        assertThatThrownBy(() -> units.delete(officer, township.getId()))
                .satisfies(e -> assertThat(rule(e)).isEqualTo("org.unit.deleteOwn"));
        DataScope reader = DataScope.ofUser("r", fx.county().getId(), fx.county().getPath(), false);
        assertThatThrownBy(() -> units.update(reader, township.getId(),
                new OrgUnitCommand(null, null, "x", null, null, 0), null)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theTreeListsParentsBeforeChildrenAndSiblingsBySortOrder() {
        OrgUnit township = fx.newTownship();
        OrgUnit second = units.create(fx.system(), new OrgUnitCommand(township.getId(), OrgUnitKind.VILLAGE,
                OrgFixtures.unique("甲村"), null, null, 2));
        OrgUnit first = units.create(fx.system(), new OrgUnitCommand(township.getId(), OrgUnitKind.VILLAGE,
                OrgFixtures.unique("乙村"), null, null, 1));
        assertThat(units.subtree(fx.system(), township.getId())).extracting(OrgUnit::getId)
                .containsExactly(township.getId(), first.getId(), second.getId());
    }

    @Test
    void unitIdsAreTheSubtreeAndWithAncestorsAlsoTheUnitsAbove() {
        OrgUnit township = fx.newTownship();
        OrgUnit village = fx.newUnit(township, OrgUnitKind.VILLAGE, "村");
        OrgUnit department = fx.newUnit(township, OrgUnitKind.DEPARTMENT, "站");
        fx.newUnit(fx.newTownship(), OrgUnitKind.VILLAGE, "村");
        assertThat(units.unitIds(township.getPath(), false))
                .containsExactlyInAnyOrder(township.getId(), village.getId(), department.getId());
        assertThat(units.unitIds(township.getPath(), true))
                .containsExactlyInAnyOrder(fx.county().getId(), township.getId(), village.getId(), department.getId());
        assertThat(units.unitIds(village.getPath(), true))
                .containsExactlyInAnyOrder(fx.county().getId(), township.getId(), village.getId());
    }

    @Test
    void registeredPopulationIsTheUnitsOwnElseItsActiveVillages() {
        OrgUnit township = units.create(units.systemScope("test"), new OrgUnitCommand(fx.county().getId(), OrgUnitKind.TOWNSHIP,
                OrgFixtures.unique("镇"), null, null, 0));
        assertThat(units.registeredPopulation(township)).isZero();
        OrgUnit first = fx.newUnit(township, OrgUnitKind.VILLAGE, "村");
        OrgUnit second = fx.newUnit(township, OrgUnitKind.VILLAGE, "村");
        fx.newUnit(township, OrgUnitKind.DEPARTMENT, "站");
        assertThat(units.registeredPopulation(township))
                .isEqualTo(first.getRegisteredPopulation() + second.getRegisteredPopulation());
        units.setActive(units.systemScope("test"), second.getId(), false);
        assertThat(units.registeredPopulation(township)).isEqualTo(first.getRegisteredPopulation().longValue());
        OrgUnit counted = units.update(units.systemScope("test"), township.getId(), new OrgUnitCommand(null, OrgUnitKind.TOWNSHIP,
                township.getName(), null, 30_000, 0), null);
        assertThat(units.registeredPopulation(counted)).isEqualTo(30_000);
    }
}
