package org.luoshi.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records every write request (POST, PUT, PATCH, DELETE) with its user, path and outcome. Sitting
 * at the HTTP edge, it covers every module without each one having to remember to call it.
 */
@Component
class WriteAuditFilter extends OncePerRequestFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final AuditTrail audit;

    WriteAuditFilter(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // Logins are recorded by LoginOutcomes with their reason.
        return !WRITES.contains(request.getMethod()) || "/login".equals(request.getServletPath());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = response.getStatus() >= 400;
        } finally {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            String user = auth == null ? null : auth.getName();
            String event = request.getMethod();
            String target = request.getRequestURI();
            audit.record(user, event, target, failed ? AuditTrail.FAILURE : AuditTrail.SUCCESS,
                    "HTTP " + response.getStatus(), request.getRemoteAddr());
        }
    }
}
