package org.luoshi.account;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * 审计日志: one login, write or download, as it happened. Written only by {@link AuditChain} (with its SM3
 * hash chained to the row before), read here; never updated or deleted by the application except when
 * rows past retention are archived and pruned.
 */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    private Long id;

    private Instant occurredAt;
    private String username;
    private String event;
    private String target;
    private String outcome;
    private String detail;
    private String remoteAddr;
    private Integer status;
    private String prevHash;
    private String hash;

    protected AuditEvent() {
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

    public Integer getStatus() {
        return status;
    }

    public String getPrevHash() {
        return prevHash;
    }

    public String getHash() {
        return hash;
    }
}
