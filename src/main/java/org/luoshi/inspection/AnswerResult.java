package org.luoshi.inspection;

/** 检查结果 of one checklist item: 符合 / 基本符合 / 不符合. Anything short of MEETS becomes a finding. */
enum AnswerResult {
    MEETS, PARTLY, NOT_MET;

    boolean unmet() {
        return this != MEETS;
    }
}
