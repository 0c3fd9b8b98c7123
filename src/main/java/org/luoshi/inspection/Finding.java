package org.luoshi.inspection;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.luoshi.web.RuleViolationException;

/**
 * 问题 and its one 整改 task, kept in one row so that a finding can never have none or two. The
 * state machine lives here: every method checks the current state and refuses a forbidden move
 * (409); a passed task is locked for good.
 */
@Entity
@Table(name = "finding")
class Finding {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private FindingSource source;

    @Enumerated(EnumType.STRING)
    private FindingCategory category;

    private Long unitId;
    private Long raisedByUnitId;
    private String title;
    private String detail;
    private Long inspectionId;
    private Long itemId;
    private String reference;
    private Long referencedFindingId;
    /** Key of a system origin (an indicator period, a venue check record): at most one finding per key. */
    private String originKey;
    private Long ownerPostId;
    private LocalDate deadline;
    private String measures;

    @Enumerated(EnumType.STRING)
    private RectificationState state;

    private String submittedBy;
    private Instant submittedAt;
    private String recheckedBy;
    private Instant recheckedAt;
    private boolean locked;
    private String warnedLevel = "NONE";
    private String raisedBy;
    private Instant raisedAt;
    private Instant updatedAt;

    @Version
    private long version;

    protected Finding() {
    }

    Finding(FindingSource source, FindingCategory category, long unitId, long raisedByUnitId, String title, String detail,
            long ownerPostId, LocalDate deadline, String raisedBy, Instant now) {
        this.source = source;
        this.category = category;
        this.unitId = unitId;
        this.raisedByUnitId = raisedByUnitId;
        this.title = title;
        this.detail = detail;
        this.ownerPostId = ownerPostId;
        this.deadline = deadline;
        this.state = RectificationState.OPEN;
        this.raisedBy = raisedBy;
        this.raisedAt = now;
        this.updatedAt = now;
    }

    void origin(Long inspectionId, Long itemId, String reference, Long referencedFindingId) {
        this.inspectionId = inspectionId;
        this.itemId = itemId;
        this.reference = reference;
        this.referencedFindingId = referencedFindingId;
    }

    void originKey(String key) {
        this.originKey = key;
    }

    public String getOriginKey() {
        return originKey;
    }

    /** Owner, deadline and measures may change until the task is submitted. */
    void plan(long ownerPostId, LocalDate deadline, String measures, Instant now) {
        requireEditable();
        this.ownerPostId = ownerPostId;
        this.deadline = deadline;
        this.measures = measures;
        this.updatedAt = now;
    }

    void start(Instant now) {
        requireState(RectificationState.OPEN);
        move(RectificationState.IN_PROGRESS, now);
    }

    /** Notes and evidence may be added while the task is open or in progress. */
    void requireEditable() {
        requireUnlocked();
        if (!state.editable()) {
            throw new RuleViolationException("inspection.rectification.notEditable");
        }
    }

    void submit(String username, Instant now) {
        requireUnlocked();
        if (state != RectificationState.IN_PROGRESS) {
            throw new RuleViolationException("inspection.rectification.badTransition", state, RectificationState.SUBMITTED);
        }
        if (measures == null || measures.isBlank()) {
            throw new RuleViolationException("inspection.rectification.measuresRequired");
        }
        this.submittedBy = username;
        this.submittedAt = now;
        move(RectificationState.SUBMITTED, now);
    }

    /** 复查: passed locks the task; failed sends it back to work. The caller has checked who may re-check. */
    void recheck(boolean passed, String username, Instant now) {
        requireUnlocked();
        if (state != RectificationState.SUBMITTED) {
            throw new RuleViolationException("inspection.rectification.badTransition", state,
                    passed ? RectificationState.PASSED : RectificationState.IN_PROGRESS);
        }
        if (username.equals(submittedBy)) {
            throw new RuleViolationException("inspection.recheck.own");
        }
        this.recheckedBy = username;
        this.recheckedAt = now;
        if (passed) {
            move(RectificationState.PASSED, now);
            this.locked = true;
        } else {
            move(RectificationState.IN_PROGRESS, now);
        }
    }

    void warned(Urgency urgency) {
        this.warnedLevel = urgency == Urgency.OVERDUE ? "RED" : urgency == Urgency.NEAR ? "YELLOW" : "NONE";
    }

    private void requireState(RectificationState expected) {
        requireUnlocked();
        if (state != expected) {
            throw new RuleViolationException("inspection.rectification.badTransition", state,
                    expected == RectificationState.OPEN ? RectificationState.IN_PROGRESS : expected);
        }
    }

    private void requireUnlocked() {
        if (locked) {
            throw new RuleViolationException("inspection.rectification.locked");
        }
    }

    private void move(RectificationState to, Instant now) {
        this.state = to;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public FindingSource getSource() {
        return source;
    }

    public FindingCategory getCategory() {
        return category;
    }

    public Long getUnitId() {
        return unitId;
    }

    public Long getRaisedByUnitId() {
        return raisedByUnitId;
    }

    public String getTitle() {
        return title;
    }

    public String getDetail() {
        return detail;
    }

    public Long getInspectionId() {
        return inspectionId;
    }

    public Long getItemId() {
        return itemId;
    }

    public String getReference() {
        return reference;
    }

    public Long getReferencedFindingId() {
        return referencedFindingId;
    }

    public Long getOwnerPostId() {
        return ownerPostId;
    }

    public LocalDate getDeadline() {
        return deadline;
    }

    public String getMeasures() {
        return measures;
    }

    public RectificationState getState() {
        return state;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public String getRecheckedBy() {
        return recheckedBy;
    }

    public Instant getRecheckedAt() {
        return recheckedAt;
    }

    public boolean isLocked() {
        return locked;
    }

    public String getWarnedLevel() {
        return warnedLevel;
    }

    public String getRaisedBy() {
        return raisedBy;
    }

    public Instant getRaisedAt() {
        return raisedAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
