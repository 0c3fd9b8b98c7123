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
 * Counts password attempts and locks the account after too many (等保 2.0 login-failure limit), and
 * records every outcome in the audit trail. Counting is done by {@link LockoutAuthentication} around
 * each password check, for every channel (form login and HTTP Basic on {@code POST /api/v1/tokens}),
 * with conditional UPDATEs: an attempt is counted before its password is checked, so that parallel
 * guesses cannot pass a lock-out check made before any of them was counted. Auditing listens to the
 * authentication events.
 */
@Component
class LoginAttempts {

    static final String EVENT = "LOGIN";

    private final AccountRepository accounts;
    private final AuditTrail audit;
    private final SecuritySettings settings;
    private final TransactionTemplate tx;
    private final Clock clock;

    LoginAttempts(AccountRepository accounts, AuditTrail audit, SecuritySettings settings,
            org.springframework.transaction.PlatformTransactionManager transactions, Clock clock) {
        this.clock = clock;
        this.accounts = accounts;
        this.audit = audit;
        this.settings = settings;
        // each count commits at once, also when the caller's transaction (a password change) rolls back
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Takes one attempt for the name before its password is checked; false when the account is
     * locked (also when this attempt would be one too many). An unknown name takes nothing and is
     * not locked: its check fails as a wrong password would.
     */
    boolean take(String username) {
        Instant now = clock.instant();
        Integer taken = tx.execute(s -> accounts.takeAttempt(username, settings.maxFailedLogins(), now));
        if (taken != null && taken > 0) {
            return true;
        }
        // not taken: locked, or attempts used up by guesses still being checked, or no such account
        return !Boolean.TRUE.equals(tx.execute(s -> accounts.existsByUsername(username)));
    }

    /** A wrong password: its attempt stays counted, and the account locks once they are used up. */
    void failed(String username) {
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> accounts.lockIfUsedUp(username, settings.maxFailedLogins(),
                now.plus(settings.lockDuration())));
    }

    /** The right password: the attempts are given back (unless a lock came first). */
    void succeeded(String username) {
        tx.executeWithoutResult(s -> accounts.attemptSucceeded(username, clock.instant()));
    }

    @EventListener
    void audit(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof SignedInUser user) {
            audit.record(user.getUsername(), EVENT, channel(), AuditTrail.SUCCESS, null,
                    remoteAddr(event.getAuthentication().getDetails()));
        }
    }

    @EventListener
    void audit(AbstractAuthenticationFailureEvent event) {
        audit.record(event.getAuthentication().getName(), EVENT, channel(), AuditTrail.FAILURE, reason(event),
                remoteAddr(event.getAuthentication().getDetails()));
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
