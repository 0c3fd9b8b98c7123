package org.luoshi.account;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes audit events in their own transaction, so that a failed write is still recorded as failed. */
@Service
public class AuditTrail {

    public static final String SUCCESS = "SUCCESS";
    public static final String FAILURE = "FAILURE";

    private final AuditEventRepository events;

    AuditTrail(AuditEventRepository events) {
        this.events = events;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String username, String event, String target, String outcome, String detail, String remoteAddr) {
        events.save(new AuditEvent(username, event, target, outcome, detail, remoteAddr));
    }
}
