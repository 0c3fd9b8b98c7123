package org.luoshi.account;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** 审计日志: one login or write, as it happened. Never updated or deleted by the application. */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Instant occurredAt;
    private String username;
    private String event;
    private String target;
    private String outcome;
    private String detail;
    private String remoteAddr;

    protected AuditEvent() {
    }

    AuditEvent(String username, String event, String target, String outcome, String detail, String remoteAddr, Instant now) {
        this.occurredAt = now;
        this.username = truncate(username, 50);
        this.event = truncate(event, 64);
        this.target = truncate(target, 400);
        this.outcome = outcome;
        this.detail = truncate(detail, 1000);
        this.remoteAddr = truncate(remoteAddr, 64);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getUsername() {
        return username;
    }

    public String getEvent() {
        return event;
    }

    public String getTarget() {
        return target;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getDetail() {
        return detail;
    }

    public String getRemoteAddr() {
        return remoteAddr;
    }
}
