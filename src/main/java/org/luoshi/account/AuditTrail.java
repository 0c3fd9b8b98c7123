package org.luoshi.account;

import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes audit events in their own transaction, so that a failed write is still recorded as failed. */
@Service
class AuditTrail {

    public static final String SUCCESS = "SUCCESS";
    public static final String FAILURE = "FAILURE";

    private final AuditEventRepository events;
    private final Clock clock;

    AuditTrail(AuditEventRepository events, Clock clock) {
        this.clock = clock;
        this.events = events;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String username, String event, String target, String outcome, String detail, String remoteAddr) {
        events.save(new AuditEvent(username, event, target, outcome, detail, remoteAddr, clock.instant()));
    }
}
