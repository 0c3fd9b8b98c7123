package org.luoshi.account;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes audit events, each in its own transaction (so that a failed write is still recorded as failed),
 * at the end of the SM3 hash chain ({@link AuditChain}).
 */
@Service
class AuditTrail {

    public static final String SUCCESS = "SUCCESS";
    public static final String FAILURE = "FAILURE";

    private final AuditChain chain;
    private final ClientAddress clients;
    private final Clock clock;

    AuditTrail(AuditChain chain, ClientAddress clients, Clock clock) {
        this.chain = chain;
        this.clients = clients;
        this.clock = clock;
    }

    public void record(String username, String event, String target, String outcome, String detail, String remoteAddr) {
        record(username, event, target, outcome, null, detail, remoteAddr);
    }

    /**
     * @param status the HTTP status the request ended with, null where there is none
     * @param remoteAddr the TCP peer; within a request whose peer it is, replaced by the client address
     *        behind a trusted proxy, so callers (logins, the audit filter) need not know about proxies
     */
    public void record(String username, String event, String target, String outcome, Integer status, String detail,
            String remoteAddr) {
        chain.append(username, event, target, outcome, status, detail, clientOf(remoteAddr), clock.instant());
    }

    private String clientOf(String remoteAddr) {
        if (remoteAddr != null && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            if (Objects.equals(remoteAddr, request.getRemoteAddr())) {
                return clients.of(request);
            }
        }
        return remoteAddr;
    }
}
