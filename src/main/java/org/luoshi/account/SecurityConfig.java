package org.luoshi.account;

import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;

/**
 * Four filter chains: token issuing with HTTP Basic (the only place Basic is accepted), the
 * stateless REST API with bearer tokens, the calendar feed with the token in its URL, and the pages
 * with form login, CSRF and sessions.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder(@Value("${luoshi.security.password-hash:bcrypt}") String algorithm) {
        return encoderFor(algorithm);
    }

    /**
     * New hashes use the configured algorithm (bcrypt by default, or pbkdf2-sm3 where 商用密码 is
     * required); the id prefix ({bcrypt}, {pbkdf2-sm3}) lets hashes of either kind verify, so a
     * deployment can switch without resetting passwords.
     */
    static PasswordEncoder encoderFor(String algorithm) {
        Map<String, PasswordEncoder> encoders = new HashMap<>();
        encoders.put("bcrypt", new BCryptPasswordEncoder());
        encoders.put(Pbkdf2Sm3PasswordEncoder.ID, new Pbkdf2Sm3PasswordEncoder(Pbkdf2Sm3PasswordEncoder.DEFAULT_ITERATIONS));
        if (!encoders.containsKey(algorithm)) {
            throw new IllegalStateException("luoshi.security.password-hash must be bcrypt or pbkdf2-sm3, not " + algorithm);
        }
        return new DelegatingPasswordEncoder(algorithm, encoders);
    }

    @Bean
    @Order(1)
    SecurityFilterChain tokenIssuing(HttpSecurity http, MessageSource messages, AuditTrail audit) throws Exception {
        http.securityMatcher(new AntPathRequestMatcher("/api/v1/tokens", HttpMethod.POST.name()))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .addFilterBefore(new WriteAuditFilter(audit), ExceptionTranslationFilter.class)
                .httpBasic(b -> b.authenticationEntryPoint(problem(messages, HttpStatus.UNAUTHORIZED, "error.unauthorized")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, AccessTokenService tokens, MessageSource messages, AuditTrail audit)
            throws Exception {
        // No httpBasic() here: a Basic header on any other API endpoint is ignored, so the call is 401.
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .addFilterBefore(new BearerTokenFilter(tokens), BasicAuthenticationFilter.class)
                .addFilterBefore(new WriteAuditFilter(audit), ExceptionTranslationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .csrf(c -> c.disable())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(problem(messages, HttpStatus.UNAUTHORIZED, "error.unauthorized"))
                        .accessDeniedHandler(denied(messages)));
        return http.build();
    }

    /**
     * The calendar feed (工作日历 as iCalendar): a phone calendar subscribes to a URL and cannot send an
     * Authorization header, so here, and nowhere else, the personal access token is read from the
     * URL's {@code token} parameter. Only GET of the feed, stateless (no session is made), no form
     * login: a bad or revoked token answers 401. The token's rights are its owner's, checked by the
     * controller as for any page.
     */
    @Bean
    @Order(3)
    SecurityFilterChain calendarFeed(HttpSecurity http, AccessTokenService tokens, MessageSource messages)
            throws Exception {
        http.securityMatcher(new AntPathRequestMatcher("/calendar/feed.ics", HttpMethod.GET.name()))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .addFilterBefore(new BearerTokenFilter(tokens, "token"), BasicAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .csrf(c -> c.disable())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(problem(messages, HttpStatus.UNAUTHORIZED, "error.unauthorized"))
                        .accessDeniedHandler(denied(messages)));
        return http.build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain pages(HttpSecurity http, LoginOutcomes outcomes, AuditTrail audit,
            @Value("${luoshi.security.hsts:false}") boolean hsts,
            @Value("${luoshi.security.api-docs-admin-only:false}") boolean apiDocsAdminOnly) throws Exception {
        http.addFilterBefore(new WriteAuditFilter(audit), CsrfFilter.class)
                .authorizeHttpRequests(a -> {
                    a.requestMatchers("/login", "/webjars/**", "/assets/**", "/favicon.ico", "/error").permitAll();
                    if (apiDocsAdminOnly) {
                        // in production the API's map is for administrators, not for every signed-in user
                        a.requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                                .hasAuthority(org.luoshi.org.Permission.SYSTEM_ADMIN.code());
                    }
                    a.anyRequest().authenticated();
                })
                .formLogin(f -> f.loginPage("/login")
                        .successHandler(outcomes)
                        .failureHandler(outcomes)
                        .permitAll())
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .headers(h -> h
                        // behind the TLS proxy the application may see plain HTTP: send HSTS on every answer there
                        .httpStrictTransportSecurity(t -> {
                            if (hsts) {
                                t.requestMatcher(org.springframework.security.web.util.matcher.AnyRequestMatcher.INSTANCE)
                                        .maxAgeInSeconds(31_536_000).includeSubDomains(true);
                            }
                        })
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .contentSecurityPolicy(c -> c.policyDirectives(
                                "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
                                        + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; frame-ancestors 'self'")));
        return http.build();
    }

    /** A request attribute holding the message key of why the request's credentials were refused. */
    static final String REFUSAL = "luoshi.authRefusal";

    private static AuthenticationEntryPoint problem(MessageSource messages, HttpStatus status, String key) {
        return (request, response, e) -> writeProblem(response, messages, status,
                request.getAttribute(REFUSAL) instanceof String refusal ? refusal : key);
    }

    private static AccessDeniedHandler denied(MessageSource messages) {
        return (request, response, e) -> writeProblem(response, messages, HttpStatus.FORBIDDEN, "error.forbidden");
    }

    private static void writeProblem(HttpServletResponse response, MessageSource messages, HttpStatus status, String key)
            throws java.io.IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        String detail = messages.getMessage(key, null, LocaleContextHolder.getLocale()).replace("\"", "'");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase()
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\"}");
    }
}
