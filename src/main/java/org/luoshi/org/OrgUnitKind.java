package org.luoshi.org;

/** 组织单元类别, from the top of the tree down. */
public enum OrgUnitKind {
    /** 省、自治区、直辖市. */
    PROVINCE,
    /** 市、地区、自治州、盟. */
    CITY,
    /** 县区. */
    COUNTY,
    /** 乡镇、街道. */
    TOWNSHIP,
    /** 村、社区. */
    VILLAGE,
    /** 机关部门、站所. */
    DEPARTMENT;

    /**
     * Which kinds may sit directly below this one. A province holds cities and the counties it runs
     * directly (省直辖县); a department may hold sections (县委宣传部 → 理论科, 党政办 → 档案室), so that a
     * whole office can be moved with its sections.
     */
    public boolean mayContain(OrgUnitKind child) {
        return switch (this) {
            case PROVINCE -> child == CITY || child == COUNTY || child == DEPARTMENT;
            case CITY -> child == COUNTY || child == DEPARTMENT;
            case COUNTY -> child == TOWNSHIP || child == DEPARTMENT;
            case TOWNSHIP -> child == VILLAGE || child == DEPARTMENT;
            case DEPARTMENT -> child == DEPARTMENT;
            case VILLAGE -> false;
        };
    }

    /** Whether units of this kind oversee townships below them: county, city and province. */
    public boolean oversees() {
        return this == COUNTY || this == CITY || this == PROVINCE;
    }

    /**
     * The local name of the tier of a unit of this kind called {@code unitName}, read from the end of
     * its name: a CITY is a 市, 地区, 州 or 盟; a PROVINCE a 省, 自治区 or 直辖市 (a province-level unit
     * named …市); a COUNTY a 县, 区, 旗 or 县级市. Derived, not stored, so that it can never disagree with
     * the name the unit is known by; null where the name says nothing (then the kind's own label shows).
     */
    public String localTierName(String unitName) {
        if (unitName == null) {
            return null;
        }
        String n = unitName.strip();
        return switch (this) {
            case PROVINCE -> n.endsWith("自治区") ? "自治区" : n.endsWith("省") ? "省" : n.endsWith("市") ? "直辖市" : null;
            case CITY -> n.endsWith("地区") ? "地区" : n.endsWith("州") ? "州" : n.endsWith("盟") ? "盟"
                    : n.endsWith("市") ? "市" : null;
            case COUNTY -> n.endsWith("旗") ? "旗" : n.endsWith("县") ? "县" : n.endsWith("区") ? "区"
                    : n.endsWith("市") ? "县级市" : null;
            default -> null;
        };
    }
}
