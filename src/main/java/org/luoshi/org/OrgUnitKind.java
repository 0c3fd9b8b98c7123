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

    /** Which kinds may sit directly below this one. */
    public boolean mayContain(OrgUnitKind child) {
        return switch (this) {
            case COUNTY -> child == TOWNSHIP || child == DEPARTMENT;
            case TOWNSHIP -> child == VILLAGE || child == DEPARTMENT;
            case VILLAGE, DEPARTMENT -> false;
        };
    }
}
