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

    ReportTemplate(long orgUnitId, ReportKind kind, String fileName, byte[] content, String uploadedBy) {
        this.orgUnitId = orgUnitId;
        this.kind = kind;
        this.fileName = fileName;
        this.content = content;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = Instant.now();
    }

    void retire() {
        active = false;
    }

    Long getId() {
        return id;
    }

    long getOrgUnitId() {
        return orgUnitId;
    }

    ReportKind getKind() {
        return kind;
    }

    String getFileName() {
        return fileName;
    }

    byte[] getContent() {
        return content;
    }

    String getUploadedBy() {
        return uploadedBy;
    }

    Instant getUploadedAt() {
        return uploadedAt;
    }

    boolean isActive() {
        return active;
    }
}
