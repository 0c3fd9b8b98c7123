package org.luoshi.account;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
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
        // the login page shows the name again (a flash attribute, not the address bar), so only the
        // password is typed again
        String username = request.getParameter("username");
        if (username != null && !username.isBlank() && username.length() <= 64) {
            org.springframework.web.servlet.FlashMap flash = new org.springframework.web.servlet.FlashMap();
            flash.put("username", username.strip());
            flash.setTargetRequestPath(request.getContextPath() + "/login");
            new org.springframework.web.servlet.support.SessionFlashMapManager().saveOutputFlashMap(flash, request, response);
        }
        // one answer for a wrong password, an unknown name and a locked account: the page must not tell
        // a guesser which names exist (the audit trail keeps the reason)
        response.sendRedirect(request.getContextPath() + "/login?error");
    }
}
