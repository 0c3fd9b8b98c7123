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
    private final SecondFactor secondFactor;
    private final Clock clock;

    LoginOutcomes(AccountRepository accounts, SecuritySettings settings, SecondFactor secondFactor, Clock clock) {
        this.secondFactor = secondFactor;
        this.clock = clock;
        this.accounts = accounts;
        this.settings = settings;
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication auth)
            throws IOException, ServletException {
        SignedInUser user = (SignedInUser) auth.getPrincipal();
        Account account = accounts.findById(user.getAccountId()).orElseThrow();
        boolean mustChange = account.isMustChangePassword()
                || settings.passwordExpired(account.getPasswordChangedAt(), clock.instant());
        if (mustChange) {
            request.getSession().setAttribute(PasswordChangeGate.ATTRIBUTE, Boolean.TRUE);
        }
        // the second factor first (its gate runs before the password gate), then a password change
        if (account.hasSecondFactor()) {
            request.getSession().setAttribute(SecondFactorGate.ATTRIBUTE, SecondFactorGate.VERIFY);
            getRedirectStrategy().sendRedirect(request, response, SecondFactorGate.VERIFY_PATH);
            return;
        }
        if (secondFactor.required(account)) {
            request.getSession().setAttribute(SecondFactorGate.ATTRIBUTE, SecondFactorGate.SET_UP);
            getRedirectStrategy().sendRedirect(request, response, SecondFactorGate.SET_UP_PATH);
            return;
        }
        if (mustChange) {
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
