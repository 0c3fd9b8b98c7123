package org.luoshi.account;

import org.luoshi.org.OrgUnitKind;

/** 角色. One per account; the account's org unit bounds what the role reaches. */
public enum Role {
    /** 系统管理员: users, org tree, settings. */
    ADMIN(true),
    /** 区委宣传部审核人: reads every township under the county, edits none of their data. */
    COUNTY_REVIEWER(false),
    /** 宣传委员 / 宣传干事: keeps the township's ledger. */
    TOWNSHIP_OFFICER(true),
    /** 党委书记、班子成员: reads the township. */
    TOWNSHIP_LEADER(false),
    /** 村 / 社区宣传员, 站所 clerk: writes records of their own unit only. */
    VILLAGE_CLERK(true);

    private final boolean writesData;

    Role(boolean writesData) {
        this.writesData = writesData;
    }

    /** Whether the role may change data of the units in its scope. */
    public boolean writesData() {
        return writesData;
    }

    /**
     * Whether an account with this role may sit at a unit of this kind: a reviewer at a county (a
     * reviewer at a department would see only that department), officers and leaders at a
     * township, clerks at a village or department; administrators anywhere.
     */
    public boolean fits(OrgUnitKind kind) {
        return switch (this) {
            case ADMIN -> true;
            case COUNTY_REVIEWER -> kind == OrgUnitKind.COUNTY;
            case TOWNSHIP_OFFICER, TOWNSHIP_LEADER -> kind == OrgUnitKind.TOWNSHIP;
            case VILLAGE_CLERK -> kind == OrgUnitKind.VILLAGE || kind == OrgUnitKind.DEPARTMENT;
        };
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
