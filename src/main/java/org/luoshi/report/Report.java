package org.luoshi.report;

import jakarta.persistence.Column;
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

/** 报告: one submission of a report of a township for a year. Accepted reports are locked. */
@Entity
@Table(name = "report")
class Report {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long orgUnitId;

    @Enumerated(EnumType.STRING)
    private ReportKind kind;

    @Column(name = "report_year")
    private int year;

    private String directiveNumber;
    private Long inspectionId;
    private Long directiveRecordId;
    private String addressee;
    private String title;
    private String unitName;
    private LocalDate reportDate;

    @Enumerated(EnumType.STRING)
    private ReportStatus status;

    private int submissionNo;
    private Long previousId;
    private String createdBy;
    private String submittedBy;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private long version;

    protected Report() {
    }

    Report(long orgUnitId, ReportKind kind, int year, String directiveNumber, String addressee, String title,
            String unitName, LocalDate reportDate, String createdBy, Instant now) {
        this.orgUnitId = orgUnitId;
        this.kind = kind;
        this.year = year;
        this.directiveNumber = directiveNumber;
        this.addressee = addressee;
        this.title = title;
        this.unitName = unitName;
        this.reportDate = reportDate;
        this.createdBy = createdBy;
        this.status = ReportStatus.DRAFT;
        this.submissionNo = 1;
        this.createdAt = now;
        this.updatedAt = createdAt;
    }

    /** A new submission of an accepted report: same township, kind and year, starting as a draft. */
    Report revisionBy(String username, LocalDate today, Instant now) {
        Report next = new Report(orgUnitId, kind, year, directiveNumber, addressee, title, unitName, today,
                username, now);
        next.submissionNo = submissionNo + 1;
        next.inspectionId = inspectionId;
        next.directiveRecordId = directiveRecordId;
        next.previousId = id;
        return next;
    }

    /** A self-inspection report's sources: the recorded self-inspection and the directive it answers. */
    void writtenFrom(Long inspectionId, Long directiveRecordId) {
        this.inspectionId = inspectionId;
        this.directiveRecordId = directiveRecordId;
    }

    public Long getInspectionId() {
        return inspectionId;
    }

    public Long getDirectiveRecordId() {
        return directiveRecordId;
    }

    void describe(String title, String addressee, String unitName, LocalDate reportDate, String directiveNumber, Instant now) {
        requireEditable();
        this.title = title;
        this.addressee = addressee;
        this.unitName = unitName;
        this.reportDate = reportDate;
        this.directiveNumber = directiveNumber;
        touch(now);
    }

    void requireEditable() {
        if (!status.editable()) {
            throw new RuleViolationException(status == ReportStatus.ACCEPTED ? "report.locked" : "report.underReview");
        }
    }

    void submit(String username, Instant now) {
        requireEditable();
        status = ReportStatus.SUBMITTED;
        submittedBy = username;
        touch(now);
    }

    void returnToTownship(Instant now) {
        requireSubmitted();
        status = ReportStatus.RETURNED;
        touch(now);
    }

    void accept(Instant now) {
        requireSubmitted();
        status = ReportStatus.ACCEPTED;
        touch(now);
    }

    private void requireSubmitted() {
        if (status != ReportStatus.SUBMITTED) {
            throw new RuleViolationException("report.notSubmitted");
        }
    }

    void touch(Instant now) {
        updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public long getOrgUnitId() {
        return orgUnitId;
    }

    public ReportKind getKind() {
        return kind;
    }

    public int getYear() {
        return year;
    }

    public String getDirectiveNumber() {
        return directiveNumber;
    }

    public String getAddressee() {
        return addressee;
    }

    public String getTitle() {
        return title;
    }

    public String getUnitName() {
        return unitName;
    }

    public LocalDate getReportDate() {
        return reportDate;
    }

    public ReportStatus getStatus() {
        return status;
    }

    public int getSubmissionNo() {
        return submissionNo;
    }

    public Long getPreviousId() {
        return previousId;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
