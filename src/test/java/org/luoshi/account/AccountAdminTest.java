package org.luoshi.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.luoshi.TestUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.luoshi.LuoshiTest;
import org.luoshi.org.OrgUnitService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@LuoshiTest
class AccountAdminTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    AccountRepository repository;
    @Autowired
    OrgUnitService units;
    @Autowired
    UserDetailsService users;

    AccountFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new AccountFixtures(accounts, units);
    }

    @ParameterizedTest
    @ValueSource(strings = {"county", "officer", "leader", "clerk"})
    void administrationIsForbiddenToEveryOtherRole(String username) throws Exception {
        long id = repository.findByUsername("clerk").orElseThrow().getId();
        mvc.perform(get("/admin/accounts").with(as(users, username))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/accounts/new").with(as(users, username))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/accounts/{id}/edit", id).with(as(users, username))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/audit").with(as(users, username))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/accounts").with(as(users, username)).with(csrf())
                .param("username", "intruder").param("displayName", "x").param("role", "ADMIN")
                .param("orgUnitId", String.valueOf(fixtures.county().getId())).param("password", "Intruder#2026"))
                .andExpect(status().isForbidden());
        for (String action : new String[] {"disable", "enable", "unlock", "reset-password"}) {
            mvc.perform(post("/admin/accounts/{id}/" + action, id).with(as(users, username)).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        assertThat(repository.findByUsername("intruder")).isEmpty();
    }

    @Test
    void theAdministrationPagesRenderWithTheirSubNavigation() throws Exception {
        mvc.perform(get("/admin/accounts/new").with(as(users, "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"orgUnitId\"")))
                .andExpect(content().string(containsString("value=\"VILLAGE_CLERK\"")))
                .andExpect(content().string(containsString("href=\"/admin/audit\"")));
        mvc.perform(get("/admin/accounts").param("state", "LOCKED").param("page", "3").with(as(users, "admin")))
                .andExpect(status().isOk());
        mvc.perform(get("/admin/audit").with(as(users, "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/admin/accounts\"")));
        mvc.perform(get("/account/password").with(as(users, "leader")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"forced\""))));
    }

    @Test
    void anAdministratorCreatesAnAccountThatMustChangeItsPassword() throws Exception {
        String name = AccountFixtures.uniqueName("new");
        long township = fixtures.unit("石桥乡").getId();
        mvc.perform(post("/admin/accounts").with(as(users, "admin")).with(csrf())
                        .param("username", name).param("displayName", "Created").param("role", "TOWNSHIP_LEADER")
                        .param("orgUnitId", String.valueOf(township)).param("password", "Initial#2026"))
                .andExpect(redirectedUrl("/admin/accounts"));
        Account created = repository.findByUsername(name).orElseThrow();
        assertThat(created.isMustChangePassword()).isTrue();
        assertThat(created.getOrgUnitId()).isEqualTo(township);
        mvc.perform(formLogin().user(name).password("Initial#2026")).andExpect(redirectedUrl("/account/password"));

        mvc.perform(get("/admin/accounts").param("unit", String.valueOf(township)).param("role", "TOWNSHIP_LEADER")
                        .with(as(users, "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(not(containsString(">officer<"))));
    }

    @Test
    void invalidNewAccountsAreExplainedBesideTheFields() throws Exception {
        mvc.perform(post("/admin/accounts").with(as(users, "admin")).with(csrf())
                        .param("username", "a").param("displayName", "").param("role", "COUNTY_REVIEWER")
                        .param("orgUnitId", String.valueOf(fixtures.unit("柳溪镇").getId())).param("password", "short"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("用户名为 3～50 位字母、数字、点、连字符或下划线。")))
                .andExpect(content().string(containsString("请输入姓名。")))
                // which tiers a reviewer fits, and what the chosen unit is
                .andExpect(content().string(containsString("宣传部审核人只能设在县（区）、市（地区、州、盟）或省（自治区、直辖市），“柳溪镇”不是这三级单位。")))
                .andExpect(content().string(containsString("密码至少 8 位。")));
        mvc.perform(post("/admin/accounts").with(as(users, "admin")).with(csrf())
                        .param("username", "officer").param("displayName", "Dup").param("role", "TOWNSHIP_OFFICER")
                        .param("orgUnitId", String.valueOf(fixtures.unit("柳溪镇").getId())).param("password", "Weakpassword"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("用户名“officer”已被使用。")))
                .andExpect(content().string(containsString("密码须包含大写字母、小写字母、数字、符号中的至少三类。")));
    }

    @Test
    void aTownshipAdministratorSeesAndEditsOnlyTheirTownship() throws Exception {
        Account townshipAdmin = fixtures.create("tadmin", Role.ADMIN, "石桥乡", false);
        String admin = townshipAdmin.getUsername();
        Account inside = fixtures.create("inside", Role.VILLAGE_CLERK, "石桥村", false);
        Account outside = fixtures.officer("outside");

        mvc.perform(get("/admin/accounts").with(as(users, admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(inside.getUsername())))
                .andExpect(content().string(containsString(">officer2<")))
                .andExpect(content().string(not(containsString(outside.getUsername()))))
                .andExpect(content().string(not(containsString(">officer<"))));
        mvc.perform(get("/admin/accounts/{id}/edit", outside.getId()).with(as(users, admin))).andExpect(status().isNotFound());
        mvc.perform(get("/admin/accounts/{id}/edit", inside.getId()).with(as(users, admin))).andExpect(status().isOk());
        mvc.perform(get("/admin/accounts").param("unit", String.valueOf(fixtures.unit("柳溪镇").getId())).with(as(users, admin)))
                .andExpect(status().isNotFound());
        for (String action : new String[] {"disable", "unlock", "reset-password"}) {
            mvc.perform(post("/admin/accounts/{id}/" + action, outside.getId()).with(as(users, admin)).with(csrf()))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(post("/admin/accounts/{id}", outside.getId()).with(as(users, admin)).with(csrf())
                        .param("displayName", "Taken over").param("role", "TOWNSHIP_OFFICER")
                        .param("orgUnitId", String.valueOf(fixtures.unit("石桥乡").getId())))
                .andExpect(status().isNotFound());
        // Nor can they move their own township's account out, or create one, outside their scope.
        mvc.perform(post("/admin/accounts/{id}", inside.getId()).with(as(users, admin)).with(csrf())
                        .param("displayName", "Moved").param("role", "TOWNSHIP_OFFICER")
                        .param("orgUnitId", String.valueOf(fixtures.unit("柳溪镇").getId())))
                .andExpect(status().isNotFound());
        mvc.perform(post("/admin/accounts").with(as(users, admin)).with(csrf())
                        .param("username", AccountFixtures.uniqueName("far")).param("displayName", "Far")
                        .param("role", "TOWNSHIP_OFFICER").param("orgUnitId", String.valueOf(fixtures.unit("柳溪镇").getId()))
                        .param("password", "Faraway#2026"))
                .andExpect(status().isNotFound());
        Account unchanged = repository.findById(outside.getId()).orElseThrow();
        assertThat(unchanged.isEnabled()).isTrue();
        assertThat(unchanged.getDisplayName()).isEqualTo(outside.getDisplayName());
        assertThat(repository.findById(inside.getId()).orElseThrow().getOrgUnitId()).isEqualTo(inside.getOrgUnitId());
    }

    @Test
    void anAdministratorCannotDisableOrDemoteThemselves() throws Exception {
        Account self = fixtures.create("selfadmin", Role.ADMIN, "东城街道", false);
        mvc.perform(post("/admin/accounts/{id}/disable", self.getId()).with(as(users, self.getUsername())).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("不能停用自己的账号。")));
        mvc.perform(post("/admin/accounts/{id}", self.getId()).with(as(users, self.getUsername())).with(csrf())
                        .param("displayName", "Self").param("role", "TOWNSHIP_OFFICER")
                        .param("orgUnitId", String.valueOf(self.getOrgUnitId())))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("不能修改自己的角色或所属单位。")));
        Account after = repository.findById(self.getId()).orElseThrow();
        assertThat(after.isEnabled()).isTrue();
        assertThat(after.getRole()).isEqualTo(Role.ADMIN);
        // Renaming oneself is fine.
        mvc.perform(post("/admin/accounts/{id}", self.getId()).with(as(users, self.getUsername())).with(csrf())
                        .param("displayName", "Renamed").param("role", "ADMIN")
                        .param("orgUnitId", String.valueOf(self.getOrgUnitId())))
                .andExpect(redirectedUrl("/admin/accounts"));
        assertThat(repository.findById(self.getId()).orElseThrow().getDisplayName()).isEqualTo("Renamed");
    }

    @Test
    void editingDisablingAndResettingAnAccount() throws Exception {
        Account account = fixtures.officer("edited");
        String name = account.getUsername();
        mvc.perform(get("/admin/accounts/{id}/edit", account.getId()).with(as(users, "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-confirm=")));
        mvc.perform(post("/admin/accounts/{id}", account.getId()).with(as(users, "admin")).with(csrf())
                        .param("displayName", "").param("role", "TOWNSHIP_LEADER")
                        .param("orgUnitId", String.valueOf(account.getOrgUnitId())))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请输入姓名。")));
        mvc.perform(post("/admin/accounts/{id}", account.getId()).with(as(users, "admin")).with(csrf())
                        .param("displayName", "Now leader").param("role", "TOWNSHIP_LEADER")
                        .param("orgUnitId", String.valueOf(account.getOrgUnitId())))
                .andExpect(redirectedUrl("/admin/accounts"));
        assertThat(repository.findById(account.getId()).orElseThrow().getRole()).isEqualTo(Role.TOWNSHIP_LEADER);

        mvc.perform(post("/admin/accounts/{id}/disable", account.getId()).with(as(users, "admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(formLogin().user(name).password(AccountFixtures.PASSWORD)).andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/admin/accounts").param("state", "DISABLED").with(as(users, "admin")))
                .andExpect(content().string(containsString(name)));
        mvc.perform(post("/admin/accounts/{id}/enable", account.getId()).with(as(users, "admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());

        String page = mvc.perform(post("/admin/accounts/{id}/reset-password", account.getId()).with(as(users, "admin")).with(csrf()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String temporary = page.replaceAll("(?s).*id=\"temporary-password\">([^<]+)<.*", "$1");
        assertThat(PasswordPolicy.violations(name, temporary)).isEmpty();
        mvc.perform(formLogin().user(name).password(AccountFixtures.PASSWORD)).andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin().user(name).password(temporary)).andExpect(redirectedUrl("/account/password"));
    }
}
