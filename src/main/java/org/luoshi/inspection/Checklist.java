package org.luoshi.inspection;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** 检查清单, written by the county (or a township for its own units), usually from a directive. */
@Entity
@Table(name = "checklist")
class Checklist {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long ownerUnitId;
    private String title;
    private String directiveRef;
    private String description;
    private String createdBy;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private long version;

    protected Checklist() {
    }

    Checklist(long ownerUnitId, String createdBy, Instant now) {
        this.ownerUnitId = ownerUnitId;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void describe(String title, String directiveRef, String description, Instant now) {
        this.title = title;
        this.directiveRef = directiveRef;
        this.description = description;
        this.updatedAt = now;
    }

    public long getVersion() {
        return version;
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

    public String getDirectiveRef() {
        return directiveRef;
    }

    public String getDescription() {
        return description;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
