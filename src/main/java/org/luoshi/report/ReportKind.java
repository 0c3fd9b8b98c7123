package org.luoshi.report;

/** The three reports a township writes. */
enum ReportKind {
    /** 落实意识形态工作责任制情况的报告 (annual). */
    RESPONSIBILITY,
    /** 意识形态工作自查报告, against a directive of the upper level. */
    SELF_INSPECTION,
    /** 宣传思想工作总结 (annual). */
    PROPAGANDA_SUMMARY
}
