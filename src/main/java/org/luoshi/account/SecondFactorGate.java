package org.luoshi.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * After the password, before anything else: a user with a second factor is kept on the code page
 * until a code is given; a user whose role requires one and has none is kept on the set-up page.
 * Runs before {@link PasswordChangeGate}: the second factor comes first.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class SecondFactorGate extends OncePerRequestFilter {

    /** Session attribute: {@link #VERIFY} or {@link #SET_UP} while the sign-in is not complete. */
    static final String ATTRIBUTE = "luoshi.secondFactor";
    static final String VERIFY = "verify";
    static final String SET_UP = "set-up";
    static final String VERIFY_PATH = "/login/second-factor";
    static final String SET_UP_PATH = "/account/second-factor";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Object pending = session == null ? null : session.getAttribute(ATTRIBUTE);
        if (pending != null) {
            String path = WriteAuditFilter.PATHS.getPathWithinApplication(request);
            String page = VERIFY.equals(pending) ? VERIFY_PATH : SET_UP_PATH;
            if (!path.equals(page) && !path.equals("/logout") && !path.equals("/login") && !path.startsWith("/webjars/")
                    && !path.startsWith("/assets/") && !path.equals("/error")) {
                AuditFilter.refused(request, "second-factor-required");
                response.sendRedirect(request.getContextPath() + page);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
