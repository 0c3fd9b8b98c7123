package org.luoshi.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * The part of the audit inside each security chain: it tells {@link AuditFilter}, which sits before
 * Spring Security and records the request, who the user is. It reads the user before the rest of the
 * chain runs (logout clears it) and again after (a bearer token or Basic sets it later).
 */
class WriteAuditFilter extends OncePerRequestFilter {

    /** Paths without the context path, and not decoded, so that what is logged is what was requested. */
    static final UrlPathHelper PATHS = new UrlPathHelper();

    static {
        PATHS.setUrlDecode(false);
        PATHS.setRemoveSemicolonContent(false);
    }

    WriteAuditFilter(AuditTrail audit) {
        // The trail is written by AuditFilter; the parameter keeps the chains' set-up unchanged.
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        AuditFilter.user(request, currentUser());
        try {
            chain.doFilter(request, response);
        } finally {
            AuditFilter.user(request, currentUser());
        }
    }

    /** What was done, readable: "POST /org/units/5/move". */
    static String event(HttpServletRequest request) {
        return request.getMethod() + " " + PATHS.getPathWithinApplication(request);
    }

    private static String currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated() ? null : auth.getName();
    }
}
