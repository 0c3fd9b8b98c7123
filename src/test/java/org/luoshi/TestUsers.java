package org.luoshi;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Signs MockMvc requests in as a real account (demo or created by the test), with its real scope. */
public final class TestUsers {

    private TestUsers() {
    }

    public static RequestPostProcessor as(UserDetailsService users, String username) {
        return user(users.loadUserByUsername(username));
    }
}
