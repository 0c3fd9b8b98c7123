package org.luoshi.responsibility;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A responsibility of a township bound to a post, with the fields it covers; confirmed like a seat. */
@Entity
@Table(name = "responsibility")
class Responsibility {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long orgUnitId;

    @Enumerated(EnumType.STRING)
    private ResponsibilityKind kind;

    private Long postId;
    private String scope;
    private Long confirmedHolderId;
    private Instant confirmedAt;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private long version;

    protected Responsibility() {
    }

    Responsibility(long orgUnitId, ResponsibilityKind kind, long postId, String scope, Instant now) {
        this.orgUnitId = orgUnitId;
        this.createdAt = now;
        describe(kind, postId, scope, now);
    }

    Long getId() {
        return id;
    }

    Long getOrgUnitId() {
        return orgUnitId;
    }

    ResponsibilityKind getKind() {
        return kind;
    }

    Long getPostId() {
        return postId;
    }

    String getScope() {
        return scope;
    }

    Long getConfirmedHolderId() {
        return confirmedHolderId;
    }

    long getVersion() {
        return version;
    }

    Instant getConfirmedAt() {
        return confirmedAt;
    }

    void describe(ResponsibilityKind kind, long postId, String scope, Instant now) {
        this.kind = kind;
        this.postId = postId;
        this.scope = scope;
        this.updatedAt = now;
    }

    void confirm(Long holderId, Instant now) {
        this.confirmedHolderId = holderId;
        this.confirmedAt = now;
        this.updatedAt = confirmedAt;
    }
}
