package org.luoshi.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.UrlPathHelper;

/**
 * Records every write request (POST, PUT, PATCH, DELETE) with its user, path and outcome. Sitting
 * at the HTTP edge, it covers every module without each one having to remember to call it. It is
 * placed inside each security chain, before CSRF and authorisation checks, so that refused writes
 * are recorded too; it is deliberately not a servlet-container filter of its own.
 */
class WriteAuditFilter extends OncePerRequestFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    /** Paths without the context path, and not decoded, so that what is logged is what was requested. */
    static final UrlPathHelper PATHS = new UrlPathHelper();

    static {
        PATHS.setUrlDecode(false);
    }

    private final AuditTrail audit;

    WriteAuditFilter(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // Logins are recorded by LoginAttempts with their reason.
        return !WRITES.contains(request.getMethod()) || "/login".equals(PATHS.getPathWithinApplication(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Read the user before the chain runs: logout clears it, a bearer token sets it later.
        String before = currentUser();
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = response.getStatus() >= 400;
        } finally {
            String user = before != null ? before : currentUser();
            audit.record(user, event(request), route(request), failed ? AuditTrail.FAILURE : AuditTrail.SUCCESS,
                    "HTTP " + response.getStatus(), request.getRemoteAddr());
        }
    }

    /** What was done, readable: "POST /org/units/5/move". */
    static String event(HttpServletRequest request) {
        return request.getMethod() + " " + PATHS.getPathWithinApplication(request);
    }

    /** The route that handled it ("/org/units/{id}/move"), to group the same action on different records. */
    private static String route(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return pattern == null ? null : pattern.toString();
    }

    private static String currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated() ? null : auth.getName();
    }
}
