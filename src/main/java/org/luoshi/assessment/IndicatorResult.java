package org.luoshi.assessment;

import java.math.BigDecimal;
import java.util.List;

/**
 * One indicator of an evaluation: its figures per started period, its status, its score, and what
 * is missing in Chinese (null when nothing is).
 *
 * @param manualScore the hand-given score of a manual indicator, null if none (yet)
 * @param formula how the score came about, in words with the figures ("10 × 达标3期 ÷ 已开始4期 = 7.5")
 */
public record IndicatorResult(IndicatorDefinition indicator, List<PeriodResult> periods, Status status,
        BigDecimal score, String missing, ManualScoreValue manualScore, String formula) {

    /** Shown apart and without points: outside the total, the categories and the ranking. */
    public boolean informational() {
        return indicator.informational();
    }
}
