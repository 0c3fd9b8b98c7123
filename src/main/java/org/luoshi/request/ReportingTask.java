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
    private String reportKind;
    private String questions;

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
        this.measures = measures.isEmpty() ? null : measures.stream().map(Enum::name).collect(Collectors.joining(","));
        this.deadline = deadline;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /** A request for a report of a kind (a name of report.ReportKind) for the period's year, instead of a table. */
    ReportingTask askingForReport(String kind) {
        this.reportKind = kind;
        return this;
    }

    /** Free questions beside the measures, answered in text: what the measure list does not hold. */
    ReportingTask askingQuestions(List<String> asked) {
        this.questions = asked.isEmpty() ? null : String.join("\n", asked);
        return this;
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
        return measures == null ? List.of() : Arrays.stream(measures.split(",")).map(Measure::valueOf).toList();
    }

    /** The report kind asked for, or null for a table of measures and questions. */
    public String getReportKind() {
        return reportKind;
    }

    public boolean isForReport() {
        return reportKind != null;
    }

    /** The report's year: a report request's period lies within one year. */
    public int getReportYear() {
        return periodFrom.getYear();
    }

    /** The free questions, in the county's order (a question per line as sent). */
    public List<String> getQuestions() {
        return questions == null ? List.of() : List.of(questions.split("\n"));
    }
}
