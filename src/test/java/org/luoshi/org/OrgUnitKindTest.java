package org.luoshi.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.luoshi.org.OrgUnitKind.CITY;
import static org.luoshi.org.OrgUnitKind.COUNTY;
import static org.luoshi.org.OrgUnitKind.DEPARTMENT;
import static org.luoshi.org.OrgUnitKind.PROVINCE;
import static org.luoshi.org.OrgUnitKind.TOWNSHIP;
import static org.luoshi.org.OrgUnitKind.VILLAGE;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The tiers of the tree: which kind holds which, and the local tier names read from a unit's name. */
class OrgUnitKindTest {

    @Test
    void eachTierHoldsTheTiersBelowItAndItsDepartments() {
        assertThat(children(PROVINCE)).containsExactlyInAnyOrder(CITY, COUNTY, DEPARTMENT); // 省直辖县 too
        assertThat(children(CITY)).containsExactlyInAnyOrder(COUNTY, DEPARTMENT);
        assertThat(children(COUNTY)).containsExactlyInAnyOrder(TOWNSHIP, DEPARTMENT);
        assertThat(children(TOWNSHIP)).containsExactlyInAnyOrder(VILLAGE, DEPARTMENT);
        assertThat(children(DEPARTMENT)).containsExactly(DEPARTMENT);
        assertThat(children(VILLAGE)).isEmpty();
        // nothing holds a province: it is only ever the root
        assertThat(Arrays.stream(OrgUnitKind.values()).filter(k -> k.mayContain(PROVINCE))).isEmpty();
        assertThat(Arrays.stream(OrgUnitKind.values()).filter(OrgUnitKind::oversees))
                .containsExactlyInAnyOrder(PROVINCE, CITY, COUNTY);
    }

    @Test
    void theLocalTierNameIsReadFromTheEndOfTheName() {
        assertThat(CITY.localTierName("示范市")).isEqualTo("市");
        assertThat(CITY.localTierName("阿里地区")).isEqualTo("地区");
        assertThat(CITY.localTierName("延边朝鲜族自治州")).isEqualTo("州");
        assertThat(CITY.localTierName("锡林郭勒盟")).isEqualTo("盟");
        assertThat(CITY.localTierName("第一片区")).isNull();
        assertThat(PROVINCE.localTierName("示范省")).isEqualTo("省");
        assertThat(PROVINCE.localTierName("广西壮族自治区")).isEqualTo("自治区");
        assertThat(PROVINCE.localTierName("重庆市")).isEqualTo("直辖市");
        assertThat(COUNTY.localTierName("青禾县")).isEqualTo("县");
        assertThat(COUNTY.localTierName("城关区")).isEqualTo("区");
        assertThat(COUNTY.localTierName("鄂托克旗")).isEqualTo("旗");
        assertThat(COUNTY.localTierName("某某市")).isEqualTo("县级市");
        assertThat(TOWNSHIP.localTierName("柳溪镇")).isNull();
        assertThat(CITY.localTierName(null)).isNull();
    }

    private static EnumSet<OrgUnitKind> children(OrgUnitKind parent) {
        return Arrays.stream(OrgUnitKind.values()).filter(parent::mayContain)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(OrgUnitKind.class)));
    }
}
