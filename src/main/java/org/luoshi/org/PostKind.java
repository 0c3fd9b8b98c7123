package org.luoshi.org;

/** 岗位类别; the title of a post is free text, the kind lets rules and reports find it. */
public enum PostKind {
    /** 党委书记 / 党工委书记 / 村党支部书记: the 第一责任人 of their unit. */
    SECRETARY,
    /** 党委副书记. */
    DEPUTY_SECRETARY,
    /** 镇长 / 主任 / 村委会主任. */
    HEAD,
    /** 宣传委员: usually the 直接责任人. */
    PROPAGANDA_MEMBER,
    /** 宣传干事. */
    PROPAGANDA_OFFICER,
    /** 其他班子成员 (一岗双责). */
    LEADERSHIP_MEMBER,
    /** 文化站站长. */
    CULTURE_STATION_HEAD,
    /** 村 / 社区宣传员. */
    PROPAGANDIST,
    /** 站所、部门负责人. */
    DEPARTMENT_HEAD,
    OTHER
}
