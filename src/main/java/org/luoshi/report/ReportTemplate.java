package org.luoshi.report;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A custom Word template (poi-tl tags) of one report kind for one org unit and the units below it. */
@Entity
@Table(name = "report_template")
class ReportTemplate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long orgUnitId;

    @Enumerated(EnumType.STRING)
    private ReportKind kind;

    private String fileName;
    private byte[] content;
    private String uploadedBy;
    private Instant uploadedAt;
    private boolean active = true;

    protected ReportTemplate() {
    }

    ReportTemplate(long orgUnitId, ReportKind kind, String fileName, byte[] content, String uploadedBy, Instant now) {
        this.orgUnitId = orgUnitId;
        this.kind = kind;
        this.fileName = fileName;
        this.content = content;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = now;
    }

    void retire() {
        active = false;
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

    public String getFileName() {
        return fileName;
    }

    public byte[] getContent() {
        return content;
    }

    public String getUploadedBy() {
        return uploadedBy;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }

    public boolean isActive() {
        return active;
    }
}
