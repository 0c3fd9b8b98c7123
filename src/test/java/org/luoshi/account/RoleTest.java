package org.luoshi.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.luoshi.org.OrgUnitKind;

/** Which role sits at which tier, and what it is called there. */
class RoleTest {

    @Test
    void oneReviewerRoleFitsTheCountyCityAndProvinceAndNothingBelow() {
        assertThat(Arrays.stream(OrgUnitKind.values()).filter(Role.COUNTY_REVIEWER::fits))
                .containsExactlyInAnyOrder(OrgUnitKind.PROVINCE, OrgUnitKind.CITY, OrgUnitKind.COUNTY);
        assertThat(Arrays.stream(OrgUnitKind.values()).filter(Role.ADMIN::fits)).containsExactly(OrgUnitKind.values());
        assertThat(Role.TOWNSHIP_OFFICER.fits(OrgUnitKind.CITY)).isFalse();
        assertThat(Role.VILLAGE_CLERK.fits(OrgUnitKind.PROVINCE)).isFalse();
    }

    @Test
    void aReviewerIsNamedForItsTierOthersHaveOneName() {
        assertThat(Role.COUNTY_REVIEWER.labelKey(OrgUnitKind.COUNTY)).isEqualTo("role.COUNTY_REVIEWER");
        assertThat(Role.COUNTY_REVIEWER.labelKey(OrgUnitKind.CITY)).isEqualTo("role.COUNTY_REVIEWER.CITY");
        assertThat(Role.COUNTY_REVIEWER.labelKey(OrgUnitKind.PROVINCE)).isEqualTo("role.COUNTY_REVIEWER.PROVINCE");
        assertThat(Role.ADMIN.labelKey(OrgUnitKind.PROVINCE)).isEqualTo("role.ADMIN");
    }
}
