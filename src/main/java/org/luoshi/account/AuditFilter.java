package org.luoshi.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records every write request (POST, PUT, PATCH, DELETE) and every file handed out (a GET whose answer
 * carries {@code Content-Disposition}: exports, reports, evidence files) with its user, path, real
 * outcome and HTTP status.
 * <p>
 * It is a servlet filter placed before Spring Security, so that writes the firewall or a security chain
 * refuses are recorded as well; {@link WriteAuditFilter}, inside each chain, tells it who the user is.
 * A request that throws is recorded as a 500 (the container answers it later, after this filter), and
 * one that a gate such as {@link PasswordChangeGate} turned away as refused ({@link #refused}).
 */
class AuditFilter extends OncePerRequestFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String PENDING = AuditFilter.class.getName() + ".user";
    private static final String REFUSED = AuditFilter.class.getName() + ".refused";

    private final AuditTrail audit;

    AuditFilter(AuditTrail audit) {
        this.audit = audit;
    }

    /** Marks the request as turned away without being done, e.g. "password-change-required". */
    static void refused(ServletRequest request, String reason) {
        request.setAttribute(REFUSED, reason);
    }

    /** Called from within the security chain, where the user is known. */
    static void user(ServletRequest request, String username) {
        if (username != null && request.getAttribute(PENDING) == null) {
            request.setAttribute(PENDING, username);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        boolean write = WRITES.contains(method);
        if (!write && !"GET".equals(method)) {
            chain.doFilter(request, response);
            return;
        }
        // Logins are recorded by LoginAttempts with their reason.
        if (write && "/login".equals(WriteAuditFilter.PATHS.getPathWithinApplication(request))) {
            chain.doFilter(request, response);
            return;
        }
        Throwable thrown = null;
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            thrown = e;
            throw e;
        } finally {
            if (write || response.getHeader(HttpHeaders.CONTENT_DISPOSITION) != null) {
                record(request, response, thrown);
            }
        }
    }

    private void record(HttpServletRequest request, HttpServletResponse response, Throwable thrown) {
        String user = (String) request.getAttribute(PENDING);
        int status = response.getStatus();
        String reason = (String) request.getAttribute(REFUSED);
        if (thrown != null) {
            // Not yet answered: the container turns the exception into a 500 after this filter.
            status = response.isCommitted() ? status : 500;
            reason = thrown.getClass().getSimpleName();
        } else if (reason == null && status >= 300 && status < 400 && user == null) {
            reason = "not-signed-in";
        }
        boolean failed = thrown != null || status >= 400 || reason != null;
        audit.record(user, WriteAuditFilter.event(request), route(request), failed ? AuditTrail.FAILURE : AuditTrail.SUCCESS,
                status, "HTTP " + status + (reason == null ? "" : " " + reason), request.getRemoteAddr());
    }

    /** The route that handled it ("/org/units/{id}/move"), to group the same action on different records. */
    private static String route(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return pattern == null ? null : pattern.toString();
    }
}
