package org.luoshi.org;

/** 组织单元类别. */
public enum OrgUnitKind {
    /** 县区. */
    COUNTY,
    /** 乡镇、街道. */
    TOWNSHIP,
    /** 村、社区. */
    VILLAGE,
    /** 机关部门、站所. */
    DEPARTMENT;

    /**
     * Which kinds may sit directly below this one. A department may hold sections (县委宣传部 →
     * 理论科, 党政办 → 档案室), so that a whole office can be moved with its sections.
     */
    public boolean mayContain(OrgUnitKind child) {
        return switch (this) {
            case COUNTY -> child == TOWNSHIP || child == DEPARTMENT;
            case TOWNSHIP -> child == VILLAGE || child == DEPARTMENT;
            case DEPARTMENT -> child == DEPARTMENT;
            case VILLAGE -> false;
        };
    }
}
