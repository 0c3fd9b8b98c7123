package org.luoshi.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a user whose password must change (first login, reset by an admin, or expired) on the
 * password page until it is changed.
 */
@Component
class PasswordChangeGate extends OncePerRequestFilter {

    static final String ATTRIBUTE = "luoshi.mustChangePassword";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        String path = WriteAuditFilter.PATHS.getPathWithinApplication(request);
        if (session != null && session.getAttribute(ATTRIBUTE) != null && !allowed(path)) {
            AuditFilter.refused(request, "password-change-required");
            response.sendRedirect(request.getContextPath() + "/account/password");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean allowed(String path) {
        return path.equals("/account/password") || path.equals("/logout") || path.equals("/login")
                || path.equals(SecondFactorGate.VERIFY_PATH) || path.startsWith(SecondFactorGate.SET_UP_PATH)
                || path.startsWith("/webjars/") || path.startsWith("/assets/")
                || path.startsWith("/api/") || path.equals("/error");
    }
}
