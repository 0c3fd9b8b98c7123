package org.luoshi.assessment;

import java.math.BigDecimal;
import java.util.List;

/**
 * One indicator of an evaluation: its figures per started period, its status, its score, and what
 * is missing in Chinese (null when nothing is).
 *
 * @param manualScore the hand-given score of a manual indicator, null if none (yet)
 */
public record IndicatorResult(IndicatorDefinition indicator, List<PeriodResult> periods, Status status,
        BigDecimal score, String missing, ManualScoreValue manualScore) {
}
