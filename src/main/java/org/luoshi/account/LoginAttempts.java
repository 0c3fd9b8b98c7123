package org.luoshi.account;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Counts failed password checks and locks the account after too many (等保 2.0 login-failure
 * limit), and records every outcome in the audit trail. It listens to the authentication events
 * rather than sitting in the form-login handlers so that HTTP Basic on {@code POST /api/v1/tokens}
 * cannot be used to guess passwords around the lock-out.
 */
@Component
class LoginAttempts {

    static final String EVENT = "LOGIN";

    private final AccountRepository accounts;
    private final AuditTrail audit;
    private final SecuritySettings settings;
    private final TransactionTemplate tx;
    private final Clock clock;

    LoginAttempts(AccountRepository accounts, AuditTrail audit, SecuritySettings settings, TransactionTemplate tx, Clock clock) {
        this.clock = clock;
        this.accounts = accounts;
        this.audit = audit;
        this.settings = settings;
        this.tx = tx;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (!(event.getAuthentication().getPrincipal() instanceof SignedInUser user)) {
            return;
        }
        tx.executeWithoutResult(s -> accounts.findById(user.getAccountId()).ifPresent(a -> a.loginSucceeded(clock.instant())));
        audit.record(user.getUsername(), EVENT, channel(), AuditTrail.SUCCESS, null, remoteAddr(event.getAuthentication().getDetails()));
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String username = event.getAuthentication().getName();
        String reason = reason(event);
        if (event instanceof AuthenticationFailureBadCredentialsEvent && username != null) {
            tx.executeWithoutResult(s -> accounts.findByUsername(username)
                    .ifPresent(a -> a.loginFailed(settings.maxFailedLogins(), settings.lockDuration(), clock.instant())));
        }
        audit.record(username, EVENT, channel(), AuditTrail.FAILURE, reason, remoteAddr(event.getAuthentication().getDetails()));
    }

    static String reason(AbstractAuthenticationFailureEvent event) {
        if (event instanceof AuthenticationFailureLockedEvent) {
            return "locked";
        }
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            return "bad-credentials";
        }
        return "refused: " + event.getException().getClass().getSimpleName();
    }

    /** "POST /login" or "POST /api/v1/tokens": which door the attempt came through. */
    private static String channel() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return WriteAuditFilter.event(request);
        }
        return null;
    }

    private static String remoteAddr(Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }
}
