package org.luoshi.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Before start-up is done nothing reaches the application, the sign-in page included; after, everything does. */
class StartupGateTest {

    @Test
    void answers503UntilReadyThenPassesEverythingOn() throws Exception {
        StartupGate gate = new StartupGate();
        MockHttpServletResponse login = new MockHttpServletResponse();
        MockFilterChain untouched = new MockFilterChain();
        gate.doFilter(new MockHttpServletRequest("POST", "/login"), login, untouched);
        assertThat(login.getStatus()).isEqualTo(503);
        assertThat(login.getContentAsString()).contains("系统正在启动");
        assertThat(untouched.getRequest()).as("the login never reached the application").isNull();

        MockHttpServletResponse api = new MockHttpServletResponse();
        gate.doFilter(new MockHttpServletRequest("GET", "/api/v1/me"), api, new MockFilterChain());
        assertThat(api.getStatus()).isEqualTo(503);
        assertThat(api.getContentType()).startsWith("application/problem+json");

        gate.ready();
        MockHttpServletResponse after = new MockHttpServletResponse();
        MockFilterChain passed = new MockFilterChain();
        gate.doFilter(new MockHttpServletRequest("POST", "/login"), after, passed);
        assertThat(passed.getRequest()).isNotNull();
        assertThat(after.getStatus()).isEqualTo(200);
    }
}
