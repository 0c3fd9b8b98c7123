package org.luoshi.report;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A saved state of a report's text. Never changed once written, so that versions can be compared. */
@Entity
@Table(name = "report_version")
class ReportVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long reportId;
    private int number;
    private String content;
    private String note;
    private String savedBy;
    private Instant savedAt;

    protected ReportVersion() {
    }

    ReportVersion(long reportId, int number, String content, String note, String savedBy, Instant now) {
        this.reportId = reportId;
        this.number = number;
        this.content = content;
        this.note = note;
        this.savedBy = savedBy;
        this.savedAt = now;
    }

    public Long getId() {
        return id;
    }

    public long getReportId() {
        return reportId;
    }

    public int getNumber() {
        return number;
    }

    public String getContent() {
        return content;
    }

    public String getNote() {
        return note;
    }

    public String getSavedBy() {
        return savedBy;
    }

    public Instant getSavedAt() {
        return savedAt;
    }
}
