package org.luoshi.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts failed logins and locks the account after too many (等保 2.0 login-failure limit),
 * records every outcome in the audit trail, and sends users who must change their password there.
 */
@Component
class LoginOutcomes extends SavedRequestAwareAuthenticationSuccessHandler implements AuthenticationFailureHandler {

    private final AccountRepository accounts;
    private final AuditTrail audit;
    private final SecuritySettings settings;
    private final TransactionTemplate tx;

    LoginOutcomes(AccountRepository accounts, AuditTrail audit, SecuritySettings settings, TransactionTemplate tx) {
        this.accounts = accounts;
        this.audit = audit;
        this.settings = settings;
        this.tx = tx;
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication auth)
            throws IOException, jakarta.servlet.ServletException {
        SignedInUser user = (SignedInUser) auth.getPrincipal();
        boolean mustChange = Boolean.TRUE.equals(tx.execute(s -> accounts.findById(user.getAccountId()).map(a -> {
            a.loginSucceeded(Instant.now());
            return a.isMustChangePassword() || settings.passwordExpired(a.getPasswordChangedAt());
        }).orElse(false)));
        audit.record(user.getUsername(), "LOGIN", null, AuditTrail.SUCCESS, null, request.getRemoteAddr());
        if (mustChange) {
            request.getSession().setAttribute(PasswordChangeGate.ATTRIBUTE, Boolean.TRUE);
            getRedirectStrategy().sendRedirect(request, response, "/account/password");
            return;
        }
        super.onAuthenticationSuccess(request, response, auth);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException e) throws IOException {
        String username = request.getParameter("username");
        String reason = e instanceof LockedException ? "locked" : "bad-credentials";
        if (username != null && !(e instanceof LockedException)) {
            tx.executeWithoutResult(s -> accounts.findByUsername(username)
                    .ifPresent(a -> a.loginFailed(settings.maxFailedLogins(), settings.lockDuration(), Instant.now())));
        }
        audit.record(username, "LOGIN", null, AuditTrail.FAILURE, reason, request.getRemoteAddr());
        response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
    }
}
