package org.luoshi.org;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** 岗位: a post in an org unit (党委书记, 宣传委员 …). Responsibilities and seats bind to posts, not people. */
@Entity
@Table(name = "post")
public class Post {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long orgUnitId;
    private String title;

    @Enumerated(EnumType.STRING)
    private PostKind kind;

    private boolean active = true;
    private int sortOrder;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private long version;

    protected Post() {
    }

    Post(Long orgUnitId, String title, PostKind kind, int sortOrder, Instant now) {
        this.orgUnitId = orgUnitId;
        this.title = title;
        this.kind = kind;
        this.sortOrder = sortOrder;
        this.createdAt = now;
        this.updatedAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Long getOrgUnitId() {
        return orgUnitId;
    }

    public String getTitle() {
        return title;
    }

    public PostKind getKind() {
        return kind;
    }

    public boolean isActive() {
        return active;
    }

    public int getSortOrder() {
        return sortOrder;
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

    void describe(String title, PostKind kind, int sortOrder, Instant now) {
        this.title = title;
        this.kind = kind;
        this.sortOrder = sortOrder;
        this.updatedAt = now;
    }

    void setActive(boolean active, Instant now) {
        this.active = active;
        this.updatedAt = now;
    }
}
