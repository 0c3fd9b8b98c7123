package org.luoshi.request;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** 报送任务: what the county asks of its townships, for which period, by when. */
@Entity
@Table(name = "reporting_task")
class ReportingTask {

    // Getters are public for the templates (SpEL); the class stays package-private.

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long ownerUnitId;
    private String title;
    private String instructions;
    private LocalDate periodFrom;
    private LocalDate periodTo;
    private String measures;
    private LocalDate deadline;
    private String createdBy;
    private Instant createdAt;

    @Version
    private long version;

    protected ReportingTask() {
    }

    ReportingTask(long ownerUnitId, String title, String instructions, LocalDate periodFrom, LocalDate periodTo,
            List<Measure> measures, LocalDate deadline, String createdBy, Instant createdAt) {
        this.ownerUnitId = ownerUnitId;
        this.title = title;
        this.instructions = instructions;
        this.periodFrom = periodFrom;
        this.periodTo = periodTo;
        this.measures = measures.stream().map(Enum::name).collect(Collectors.joining(","));
        this.deadline = deadline;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Long getOwnerUnitId() {
        return ownerUnitId;
    }

    public String getTitle() {
        return title;
    }

    public String getInstructions() {
        return instructions;
    }

    public LocalDate getPeriodFrom() {
        return periodFrom;
    }

    public LocalDate getPeriodTo() {
        return periodTo;
    }

    public LocalDate getDeadline() {
        return deadline;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** The measures asked for, in the order the county chose. */
    public List<Measure> getMeasures() {
        return Arrays.stream(measures.split(",")).map(Measure::valueOf).toList();
    }
}
