package org.luoshi.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import org.junit.jupiter.api.Test;
import org.luoshi.org.OrgUnitService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The production profile on a database of its own: no demo data, one administrator with the configured password. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:prodcheck;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa",
        "spring.datasource.password=",
        "luoshi.bootstrap.admin-password=" + ProdProfileTest.CONFIGURED,
        // A deployment that must use 商用密码 algorithms; sharing this context saves starting another.
        "luoshi.security.password-hash=pbkdf2-sm3"})
@AutoConfigureMockMvc
@ActiveProfiles({"test", "prod"})
class ProdProfileTest {

    static final String CONFIGURED = "Configured#2026Start";

    @Autowired
    AccountRepository accounts;
    @Autowired
    OrgUnitService units;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    MockMvc mvc;

    @Test
    void startsWithoutDemoDataAndWithOneAdministratorWhoMustChangeTheConfiguredPassword() throws Exception {
        assertThat(accounts.findAll()).singleElement().satisfies(admin -> {
            assertThat(admin.getUsername()).isEqualTo("admin");
            assertThat(admin.getRole()).isEqualTo(Role.ADMIN);
            assertThat(admin.isMustChangePassword()).isTrue();
            assertThat(encoder.matches(CONFIGURED, admin.getPasswordHash())).isTrue();
            assertThat(admin.getPasswordHash()).startsWith("{pbkdf2-sm3}");
            assertThat(encoder.matches("Luoshi@2026", admin.getPasswordHash())).isFalse();
        });
        assertThat(accounts.findByUsername("officer")).isEmpty();
        assertThat(units.tree(units.systemScope("test"))).as("only the root unit, no demo tree").hasSize(1);
        // the administrator of production sets up the second factor first (then changes the password)
        mvc.perform(formLogin().user("admin").password(CONFIGURED)).andExpect(redirectedUrl("/account/second-factor"));
    }

    @Test
    void sendsHstsEvenBehindThePlainHttpOfTheProxyAndKeepsTheApiDocsForAdministrators() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/login"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Strict-Transport-Security", org.hamcrest.Matchers.containsString("max-age=31536000")));
        // a signed-in user without system:admin does not read the API's map
        var reviewer = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("reviewer")
                .authorities(Role.COUNTY_REVIEWER.permissions().stream()
                        .map(p -> new org.springframework.security.core.authority.SimpleGrantedAuthority(p.code())).toList());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/v3/api-docs").with(reviewer))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isForbidden());
    }
}
