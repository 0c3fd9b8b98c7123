package org.luoshi.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.luoshi.TestUsers.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.XlsxDownload;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The audit log and account list as .xlsx: the page's filters, all pages, and administrators only. */
@LuoshiTest
class AccountExportsTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired AuditTrail trail;
    @Autowired AccountService accounts;

    @Test
    void theAuditExportHasEveryMatchingEventNewestFirstAcrossPages() throws Exception {
        String name = AccountFixtures.uniqueName("export");
        int count = AuditController.EXPORT_PAGE + 5;
        for (int i = 1; i <= count; i++) {
            trail.record(name, "TEST_EXPORT", "item " + i, i % 5 == 0 ? AuditTrail.FAILURE : AuditTrail.SUCCESS, "n" + i, null);
        }
        mvc.perform(get("/admin/audit").param("username", name).with(as(users, "admin")))
                .andExpect(content().string(containsString("/admin/audit/export?username=" + name)));
        List<List<String>> rows = XlsxDownload.rows(mvc.perform(get("/admin/audit/export").param("username", name)
                .with(as(users, "admin"))).andExpect(status().isOk()).andReturn());
        assertThat(rows.get(0)).containsExactly("时间", "用户", "用户名", "操作", "结果", "事件", "详情", "来源地址");
        assertThat(XlsxDownload.column(rows, 6)).containsExactlyElementsOf(
                IntStream.iterate(count, i -> i >= 1, i -> i - 1).mapToObj(i -> "n" + i).toList());
        // no account by that name: the login name as it was given
        assertThat(XlsxDownload.column(rows, 1)).containsOnly(name);
        assertThat(XlsxDownload.column(rows, 2)).containsOnly(name);

        List<List<String>> failures = XlsxDownload.rows(mvc.perform(get("/admin/audit/export").param("username", name)
                .param("outcome", "FAILURE").with(as(users, "admin"))).andExpect(status().isOk()).andReturn());
        assertThat(XlsxDownload.column(failures, 6)).hasSize(count / 5).allMatch(d -> Integer.parseInt(d.substring(1)) % 5 == 0);
        assertThat(XlsxDownload.column(failures, 4)).allMatch(o -> o.startsWith("失败"));
    }

    @Test
    void onlyAdministratorsExportTheAuditLogAndAccounts() throws Exception {
        for (String user : List.of("officer", "county", "leader", "clerk")) {
            mvc.perform(get("/admin/audit/export").with(as(users, user))).andExpect(status().isForbidden());
            mvc.perform(get("/admin/accounts/export").with(as(users, user))).andExpect(status().isForbidden());
        }
    }

    @Test
    void theAccountsExportHasThePagesRowsForTheRoleFilter() throws Exception {
        SignedInUser admin = (SignedInUser) users.loadUserByUsername("admin");
        List<String> officers = new ArrayList<>();
        Page<AccountSearch.Row> page;
        int n = 0;
        do {
            page = accounts.search(admin.scope(), new AccountSearch.Filter(null, Role.TOWNSHIP_OFFICER, null, null), PageRequest.of(n++, 20));
            page.forEach(r -> officers.add(r.account().getUsername()));
        } while (page.hasNext());
        mvc.perform(get("/admin/accounts").param("role", "TOWNSHIP_OFFICER").with(as(users, "admin")))
                .andExpect(content().string(containsString("/admin/accounts/export?unit=&amp;role=TOWNSHIP_OFFICER&amp;state=&amp;q=\"")));
        List<List<String>> rows = XlsxDownload.rows(mvc.perform(get("/admin/accounts/export?unit=&role=TOWNSHIP_OFFICER&state=")
                .with(as(users, "admin"))).andExpect(status().isOk()).andReturn());
        assertThat(rows.get(0)).containsExactly("用户名", "姓名", "角色", "所属单位", "状态", "最近登录");
        assertThat(XlsxDownload.column(rows, 0)).containsExactlyElementsOf(officers).contains("officer", "officer2")
                .doesNotContain("admin", "clerk");
        assertThat(XlsxDownload.column(rows, 2)).containsOnly("宣传委员/宣传干事");
    }
}
