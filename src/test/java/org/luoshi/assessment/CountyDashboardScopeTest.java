package org.luoshi.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitCommand;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ranking is the reviewer's own: with a second county below the demo county (as a deployment
 * with tiers above the county has; inserted by SQL, since the tree does not yet offer it), the second
 * county's reviewer ranks its own townships only, by its own set, and the reviewer above sees each
 * county's townships ranked within their county, never mixed. Rolled back after the test.
 */
@LuoshiTest
@Transactional
class CountyDashboardScopeTest {

    @Autowired CountyDashboard dashboards;
    @Autowired OrgUnitService units;
    @Autowired IndicatorSetService sets;
    @Autowired EvaluationService evaluation;
    @Autowired JdbcClient jdbc;

    @Test
    void aReviewerRanksOnlyTheTownshipsOfItsOwnSubtree() {
        OrgUnit root = units.root().orElseThrow();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into org_unit (parent_id, kind, name, path, active, sort_order, created_at, updated_at, version) "
                        + "values (:parent, 'COUNTY', :name, :path, true, 99, current_timestamp, current_timestamp, 0)")
                .param("parent", root.getId()).param("name", "远县" + tag).param("path", "tmp-" + tag).update(key, "id");
        long countyId = key.getKeyAs(Number.class).longValue();
        jdbc.sql("update org_unit set path = :path where id = :id").param("path", root.getPath() + countyId + "/")
                .param("id", countyId).update();
        OrgUnit county = units.getUnchecked(countyId);
        DataScope system = units.systemScope("test");
        OrgUnit far = units.create(system, new OrgUnitCommand(countyId, OrgUnitKind.TOWNSHIP, "远县甲镇" + tag, null, null, 1));
        OrgUnit farther = units.create(system, new OrgUnitCommand(countyId, OrgUnitKind.TOWNSHIP, "远县乙镇" + tag, null, null, 2));
        int year = evaluation.today().getYear();
        sets.ensureDefault(county, year);

        CountyDashboard.Dashboard own = dashboards.dashboard(DataScope.ofUser("far", countyId, county.getPath(), false), year);
        assertThat(own.groups()).hasSize(1);
        assertThat(own.groups().get(0).unit().getId()).isEqualTo(countyId);
        assertThat(own.set().getOwnerUnitId()).isEqualTo(countyId);
        assertThat(ids(own.rows())).containsExactlyInAnyOrder(far.getId(), farther.getId());

        CountyDashboard.Dashboard above = dashboards.dashboard(DataScope.ofUser("county", root.getId(), root.getPath(), false), year);
        CountyDashboard.Group home = above.groups().stream().filter(g -> g.unit().getId().equals(root.getId())).findFirst()
                .orElseThrow();
        CountyDashboard.Group other = above.groups().stream().filter(g -> g.unit().getId().equals(countyId)).findFirst()
                .orElseThrow();
        assertThat(ids(home.rows())).isNotEmpty().doesNotContain(far.getId(), farther.getId());
        assertThat(home.set().getOwnerUnitId()).isEqualTo(root.getId());
        assertThat(ids(other.rows())).containsExactlyInAnyOrder(far.getId(), farther.getId());
        assertThat(other.rows()).allSatisfy(r -> assertThat(r.rank()).isBetween(1, 2));
        assertThat(dashboards.placing(DataScope.ofUser("far", countyId, county.getPath(), false), far, year))
                .hasValueSatisfying(p -> assertThat(p.of()).isEqualTo(2));
    }

    private static List<Long> ids(List<CountyDashboard.Row> rows) {
        return rows.stream().map(r -> r.township().getId()).toList();
    }
}
