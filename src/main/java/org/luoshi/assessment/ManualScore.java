package org.luoshi.assessment;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;

/** A hand-given score of a manual indicator for one township, with reason and evidence, by whom and when. */
@Entity
@Table(name = "manual_score")
class ManualScore {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long indicatorId;
    private Long orgUnitId;
    private BigDecimal score;
    private String reason;
    private String evidence;
    private String scoredBy;
    private Instant scoredAt;

    @Version
    private long version;

    protected ManualScore() {
    }

    Long getOrgUnitId() {
        return orgUnitId;
    }

    ManualScore(long indicatorId, long orgUnitId) {
        this.indicatorId = indicatorId;
        this.orgUnitId = orgUnitId;
    }

    void give(BigDecimal score, String reason, String evidence, String scoredBy, Instant now) {
        this.score = score;
        this.reason = reason;
        this.evidence = evidence;
        this.scoredBy = scoredBy;
        this.scoredAt = now;
    }

    Long getIndicatorId() {
        return indicatorId;
    }

    ManualScoreValue value() {
        return new ManualScoreValue(score, reason, evidence, scoredBy, scoredAt);
    }
}
