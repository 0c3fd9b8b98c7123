package org.luoshi.account;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@LuoshiTest
class LoginTest {

    @Autowired
    MockMvc mvc;

    @Test
    void demoOfficerSignsIn() throws Exception {
        mvc.perform(formLogin().user("officer").password("Luoshi@2026"))
                .andExpect(authenticated().withUsername("officer"))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void wrongPasswordIsRefused() throws Exception {
        mvc.perform(formLogin().user("leader").password("wrong-Password1"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void ownStaticFilesAreServedUnderAssetsWithoutSignIn() throws Exception {
        mvc.perform(get("/assets/css/luoshi.css")).andExpect(status().isOk());
        mvc.perform(get("/assets/js/luoshi.js")).andExpect(status().isOk());
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("/webjars/tabler__core/")));
    }

    @Test
    void pagesNeedSignIn() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("http://localhost/login"));
    }

    @Test
    void apiAnswersUnauthenticatedCallsWithProblemJson() throws Exception {
        mvc.perform(get("/api/v1/org/units"))
                .andExpect(status().isUnauthorized())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentTypeCompatibleWith("application/problem+json"));
    }
}
