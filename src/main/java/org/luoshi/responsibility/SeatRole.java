package org.luoshi.responsibility;

/** 领导小组席位; the order of the constants is the order in which seats are listed. */
public enum SeatRole {
    /** 组长. */
    LEADER,
    /** 副组长. */
    DEPUTY,
    /** 成员. */
    MEMBER,
    /** 办公室主任. */
    OFFICE_HEAD
}
