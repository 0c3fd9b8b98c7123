package org.luoshi.account;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * Where the browser goes after a form login: users who must change their password (first login,
 * reset by an admin, or expired) are held on the password page; failures go back to the login
 * page with the reason. Counting and auditing is done by {@link LoginAttempts} for every channel.
 */
@Component
class LoginOutcomes extends SavedRequestAwareAuthenticationSuccessHandler implements AuthenticationFailureHandler {

    private final AccountRepository accounts;
    private final SecuritySettings settings;
    private final Clock clock;

    LoginOutcomes(AccountRepository accounts, SecuritySettings settings, Clock clock) {
        this.clock = clock;
        this.accounts = accounts;
        this.settings = settings;
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication auth)
            throws IOException, ServletException {
        SignedInUser user = (SignedInUser) auth.getPrincipal();
        boolean mustChange = accounts.findById(user.getAccountId())
                .map(a -> a.isMustChangePassword() || settings.passwordExpired(a.getPasswordChangedAt(), clock.instant()))
                .orElse(false);
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
        String reason = e instanceof LockedException ? "locked" : "bad-credentials";
        response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
    }
}
