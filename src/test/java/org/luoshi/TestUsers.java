package org.luoshi;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import jakarta.servlet.http.Cookie;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Signs MockMvc requests in as a real account (demo or created by the test), with its real scope. */
public final class TestUsers {

    /** The demo accounts' password. */
    public static final String DEMO_PASSWORD = "Luoshi@2026";

    private TestUsers() {
    }

    public static RequestPostProcessor as(UserDetailsService users, String username) {
        return user(users.loadUserByUsername(username));
    }

    /**
     * Signs a demo account in through the login form, as a browser does, and answers its session cookie:
     * sessions live in Spring Session (the database), so requests carry the cookie, not a MockHttpSession.
     */
    public static Cookie signIn(MockMvc mvc, String username) throws Exception {
        var response = mvc.perform(formLogin().user(username).password(DEMO_PASSWORD)).andReturn().getResponse();
        Cookie session = response.getCookie("SESSION");
        if (session == null || !"/".equals(response.getRedirectedUrl())) {
            throw new IllegalStateException(username + " did not sign in: " + response.getRedirectedUrl());
        }
        return session;
    }
}
