package org.luoshi.inspection;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The answer to (or, in a visit, the result of) one checklist item. */
@Entity
@Table(name = "inspection_answer")
class InspectionAnswer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long inspectionId;
    private Long itemId;

    @Enumerated(EnumType.STRING)
    private AnswerResult result;

    private String statement;
    private String answeredBy;
    private Instant answeredAt;
    /** The indicator and evaluation date a proposed answer came from; null once the unit has answered itself. */
    private String proposedFrom;

    protected InspectionAnswer() {
    }

    InspectionAnswer(long inspectionId, long itemId) {
        this.inspectionId = inspectionId;
        this.itemId = itemId;
    }

    void answer(AnswerResult result, String statement, String username, Instant now) {
        this.result = result;
        this.statement = statement;
        this.answeredBy = username;
        this.answeredAt = now;
        this.proposedFrom = null;
    }

    /** An answer proposed from the assessment, to be confirmed or changed by the unit. */
    void propose(AnswerResult result, String statement, String origin, String username, Instant now) {
        answer(result, statement, username, now);
        this.proposedFrom = origin;
    }

    public boolean isProposed() {
        return proposedFrom != null;
    }

    public String getProposedFrom() {
        return proposedFrom;
    }

    public Long getId() {
        return id;
    }

    public Long getInspectionId() {
        return inspectionId;
    }

    public Long getItemId() {
        return itemId;
    }

    public AnswerResult getResult() {
        return result;
    }

    public String getStatement() {
        return statement;
    }

    public String getAnsweredBy() {
        return answeredBy;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }
}
