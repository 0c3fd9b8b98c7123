package org.luoshi.assessment;

import java.math.BigDecimal;
import java.time.Instant;

/** A score given by hand to an indicator that cannot be computed, with why, on what evidence, by whom and when. */
public record ManualScoreValue(BigDecimal score, String reason, String evidence, String scoredBy, Instant scoredAt) {
}
