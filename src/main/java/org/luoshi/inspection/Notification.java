package org.luoshi.inspection;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An in-app notice for the accounts of one role in one unit; read once by any of them. */
@Entity
@Table(name = "notification")
class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long unitId;
    private String role;
    private String message;
    private String link;
    private Instant createdAt;
    private Instant readAt;
    private String readBy;

    protected Notification() {
    }

    Notification(long unitId, String role, String message, String link, Instant now) {
        this.unitId = unitId;
        this.role = role;
        this.message = message;
        this.link = link;
        this.createdAt = now;
    }

    void read(String username, Instant now) {
        if (readAt == null) {
            this.readAt = now;
            this.readBy = username;
        }
    }

    public Long getId() {
        return id;
    }

    public Long getUnitId() {
        return unitId;
    }

    public String getRole() {
        return role;
    }

    public String getMessage() {
        return message;
    }

    public String getLink() {
        return link;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getReadAt() {
        return readAt;
    }

    public String getReadBy() {
        return readBy;
    }
}
