package org.luoshi.inspection;

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
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * 自查 or 督导检查 against a checklist. For a self-inspection {@code unitId} is the unit answering;
 * for a visit it is the visiting unit, and the visited units are listed separately.
 */
@Entity
@Table(name = "inspection")
class Inspection {

    enum Status { DRAFT, FINISHED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private InspectionKind kind;

    private Long checklistId;
    private Long unitId;
    private LocalDate heldOn;
    private String team;
    private String summary;

    @Enumerated(EnumType.STRING)
    private Status status;

    private String createdBy;
    private Instant createdAt;
    private String finishedBy;
    private Instant finishedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "inspection_unit", joinColumns = @JoinColumn(name = "inspection_id"))
    @Column(name = "unit_id")
    private Set<Long> visitedUnitIds = new LinkedHashSet<>();

    @Version
    private long version;

    protected Inspection() {
    }

    Inspection(InspectionKind kind, long checklistId, long unitId, LocalDate heldOn, String team, Set<Long> visited,
            String createdBy, Instant now) {
        this.kind = kind;
        this.checklistId = checklistId;
        this.unitId = unitId;
        this.heldOn = heldOn;
        this.team = team;
        this.visitedUnitIds.addAll(visited);
        this.status = Status.DRAFT;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** A self-inspection records its team (who led it, who took part) when it is finished. */
    void finishSelf(String summary, String team, String username, Instant now) {
        this.team = team;
        finish(summary, username, now);
    }

    void finish(String summary, String username, Instant now) {
        this.summary = summary;
        this.status = Status.FINISHED;
        this.finishedBy = username;
        this.finishedAt = now;
    }

    boolean isFinished() {
        return status == Status.FINISHED;
    }

    public boolean isDraft() {
        return status == Status.DRAFT;
    }

    public boolean isVisit() {
        return kind == InspectionKind.VISIT;
    }

    public Long getId() {
        return id;
    }

    public InspectionKind getKind() {
        return kind;
    }

    public Long getChecklistId() {
        return checklistId;
    }

    public Long getUnitId() {
        return unitId;
    }

    public LocalDate getHeldOn() {
        return heldOn;
    }

    public String getTeam() {
        return team;
    }

    public String getSummary() {
        return summary;
    }

    public Status getStatus() {
        return status;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getFinishedBy() {
        return finishedBy;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public Set<Long> getVisitedUnitIds() {
        return visitedUnitIds;
    }
}
