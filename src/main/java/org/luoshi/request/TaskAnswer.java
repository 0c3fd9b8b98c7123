package org.luoshi.request;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One township's answer to a request. Its figures are stored when it submits; before that they are read live from the ledger. */
@Entity
@Table(name = "task_answer")
class TaskAnswer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long taskId;
    private Long townshipId;

    @Enumerated(EnumType.STRING)
    private AnswerStatus status = AnswerStatus.OPEN;

    private String explanation;
    private String returnReason;
    private String submittedBy;
    private Instant submittedAt;
    private String decidedBy;
    private Instant decidedAt;
    private Instant remindedAt;

    @Version
    private long version;

    private Long reportId;

    // an indexed list (not a bag), so that it loads eagerly beside the figures
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "task_reply", joinColumns = @JoinColumn(name = "answer_id"))
    @OrderColumn(name = "position")
    @Column(name = "reply")
    private List<String> replies = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "task_figure", joinColumns = @JoinColumn(name = "answer_id"))
    private List<TaskFigure> figures = new ArrayList<>();

    protected TaskAnswer() {
    }

    TaskAnswer(long taskId, long townshipId) {
        this.taskId = taskId;
        this.townshipId = townshipId;
    }

    void submit(List<TaskFigure> submitted, List<String> replied, String explanation, String username, Instant now) {
        figures.clear();
        figures.addAll(submitted);
        replies.clear();
        replies.addAll(replied);
        this.explanation = explanation;
        this.submittedBy = username;
        this.submittedAt = now;
        this.status = AnswerStatus.SUBMITTED;
    }

    void returnWith(String reason, String username, Instant now) {
        this.returnReason = reason;
        this.decidedBy = username;
        this.decidedAt = now;
        this.status = AnswerStatus.RETURNED;
    }

    void accept(String username, Instant now) {
        this.decidedBy = username;
        this.decidedAt = now;
        this.status = AnswerStatus.ACCEPTED;
    }

    /** Links the township's report that answers a report request. */
    void answeredBy(long reportId) {
        this.reportId = reportId;
    }

    void reminded(Instant now) {
        this.remindedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getTaskId() {
        return taskId;
    }

    public Long getTownshipId() {
        return townshipId;
    }

    public AnswerStatus getStatus() {
        return status;
    }

    public String getExplanation() {
        return explanation;
    }

    public String getReturnReason() {
        return returnReason;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public Instant getRemindedAt() {
        return remindedAt;
    }

    /** The report answering a report request (null before the township opened it, and for a table). */
    public Long getReportId() {
        return reportId;
    }

    /** The text replies to the request's free questions, in their order. */
    public List<String> getReplies() {
        return replies;
    }

    /** The reply to the question at {@code index}, or null. */
    public String reply(int index) {
        return index < replies.size() ? replies.get(index) : null;
    }

    public List<TaskFigure> getFigures() {
        return figures;
    }

    Optional<TaskFigure> figure(Measure measure) {
        return figures.stream().filter(f -> f.getMeasure() == measure).findFirst();
    }

    /** Whether the township has answered (whatever the county did with it since). */
    public boolean isAnswered() {
        return status == AnswerStatus.SUBMITTED || status == AnswerStatus.ACCEPTED;
    }
}
