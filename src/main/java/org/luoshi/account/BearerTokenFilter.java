package org.luoshi.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API requests that carry {@code Authorization: Bearer <personal access token>}; on the
 * calendar feed chain only, the token may come as the {@code token} parameter of the URL instead.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private final AccessTokenService tokens;
    private final String queryParameter;

    BearerTokenFilter(AccessTokenService tokens) {
        this(tokens, null);
    }

    /**
     * @param queryParameter the URL parameter that may carry the token, for a client that cannot send
     *        headers (a phone calendar subscribing to a feed); null to accept the header only
     */
    BearerTokenFilter(AccessTokenService tokens, String queryParameter) {
        this.tokens = tokens;
        this.queryParameter = queryParameter;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        String secret = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim()
                : queryParameter != null ? request.getParameter(queryParameter)
                : null;
        if (secret != null) {
            AccessTokenService.TokenCheck check = tokens.authenticate(secret.trim());
            check.user().ifPresent(user -> {
                var auth = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
                SecurityContextHolder.getContext().setAuthentication(auth);
            });
            if (check.refusal() != null) {
                // the 401 says why (SecurityConfig's entry point reads it), not just "sign in"
                request.setAttribute(SecurityConfig.REFUSAL, check.refusal());
            }
        }
        chain.doFilter(request, response);
    }
}
