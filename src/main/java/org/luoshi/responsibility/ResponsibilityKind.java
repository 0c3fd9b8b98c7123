package org.luoshi.responsibility;

/** 责任类别 under the 意识形态工作责任制. */
public enum ResponsibilityKind {
    /** 第一责任人: the party secretary. */
    PRIMARY,
    /** 直接责任人: usually the 宣传委员. */
    DIRECT,
    /** 一岗双责: every other member of the leadership, for the fields they cover. */
    DUAL_DUTY
}
