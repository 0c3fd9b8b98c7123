package org.luoshi.account;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.Permission;

/** 角色. One per account; the account's org unit bounds what the role reaches. */
public enum Role {
    /**
     * 系统管理员: users, org tree, settings, and every right but reviewing the townships' reports and the
     * party secretary's 审定 of them (both are decisions on content, not administration).
     */
    ADMIN(EnumSet.complementOf(EnumSet.of(Permission.REPORT_REVIEW, Permission.REPORT_APPROVE))),
    /**
     * 宣传部审核人 of a county, city or province (区委 / 市委 / 省委宣传部审核人: the tier is read from the
     * account's unit, see {@link #labelKey}): reads every township below its unit and edits none of their
     * data; runs its own supervision and assessment and reviews the reports sent up. One role for the
     * three tiers, not one per tier: the rights are the same, only the reach differs, and the reach is the
     * unit's subtree already. The constant keeps its stored name.
     */
    COUNTY_REVIEWER(EnumSet.of(Permission.REPORT_REVIEW, Permission.REPORT_TEMPLATES, Permission.SUPERVISION_RUN,
            Permission.ASSESSMENT_EDIT, Permission.ASSESSMENT_VIEW, Permission.COUNTY_OVERSEE)),
    /** 宣传委员 / 宣传干事: keeps the township's ledger, responsibility system, reports and supervision. */
    TOWNSHIP_OFFICER(EnumSet.of(Permission.RECORDS_WRITE, Permission.TOWNSHIP_MANAGE, Permission.REPORT_WRITE,
            Permission.REPORT_TEMPLATES, Permission.SUPERVISION_RUN, Permission.ASSESSMENT_EDIT,
            Permission.ASSESSMENT_VIEW)),
    /** 党委书记、班子成员: reads the township and its assessment, and 审定 its reports before they go up. */
    TOWNSHIP_LEADER(EnumSet.of(Permission.ASSESSMENT_VIEW, Permission.REPORT_APPROVE)),
    /** 村 / 社区宣传员, 站所 clerk: writes records of their own unit only. */
    VILLAGE_CLERK(EnumSet.of(Permission.RECORDS_WRITE));

    /** The role → permission table: the one place that says who may do what. */
    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Collections.unmodifiableSet(permissions);
    }

    public Set<Permission> permissions() {
        return permissions;
    }


    /**
     * Whether an account with this role may sit at a unit of this kind: a reviewer at a county, city or
     * province (a reviewer at a department would see only that department), officers and leaders at a
     * township, clerks at a village or department; administrators anywhere (a province or city root too).
     */
    public boolean fits(OrgUnitKind kind) {
        return switch (this) {
            case ADMIN -> true;
            case COUNTY_REVIEWER -> kind.oversees();
            case TOWNSHIP_OFFICER, TOWNSHIP_LEADER -> kind == OrgUnitKind.TOWNSHIP;
            case VILLAGE_CLERK -> kind == OrgUnitKind.VILLAGE || kind == OrgUnitKind.DEPARTMENT;
        };
    }

    /**
     * The message key of the role's name for an account at a unit of this kind: a reviewer is named for
     * its tier (role.COUNTY_REVIEWER.CITY = 市委宣传部审核人); other roles have one name.
     */
    public String labelKey(OrgUnitKind kind) {
        if (this == COUNTY_REVIEWER && (kind == OrgUnitKind.CITY || kind == OrgUnitKind.PROVINCE)) {
            return "role." + name() + "." + kind.name();
        }
        return "role." + name();
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
