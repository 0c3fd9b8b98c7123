package org.luoshi.inspection;

/** 问题类别: what part of the responsibility system a checklist item or finding concerns. */
enum FindingCategory {
    /** 领导责任 (领导小组, 第一责任人, 责任书). */
    LEADERSHIP,
    /** 理论学习 (中心组, 三会一课). */
    STUDY,
    /** 阵地管理. */
    POSITION,
    /** 舆情处置. */
    OPINION,
    /** 宣传报道、信息报送. */
    PUBLICITY,
    /** 台账资料. */
    LEDGER,
    OTHER
}
