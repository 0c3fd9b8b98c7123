package org.luoshi.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.TestUsers;
import org.luoshi.account.SignedInUser;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.luoshi.org.Person;
import org.luoshi.org.PersonService;
import org.luoshi.org.Post;
import org.luoshi.org.PostService;
import org.luoshi.web.RuleViolationException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Org tree and people/posts sheets: template, preview, commit, idempotence, row errors, scope, export round trip. */
@LuoshiTest
class OrgExchangeTest {

    @Autowired MockMvc mvc;
    @Autowired OrgExchange exchange;
    @Autowired ExchangeColumns columns;
    @Autowired OrgUnitService units;
    @Autowired PersonService people;
    @Autowired PostService posts;
    @Autowired UserDetailsService users;
    @Autowired ObjectMapper json;

    DataScope officer;
    String tag;

    @BeforeEach
    void setUp() {
        officer = scope("officer");
        tag = UUID.randomUUID().toString().substring(0, 6);
    }

    DataScope scope(String username) {
        return ((SignedInUser) users.loadUserByUsername(username)).scope();
    }

    byte[] file(OrgSheet sheet, List<List<Object>> rows) throws IOException {
        return Xlsx.write(sheet.headers(columns), rows);
    }

    static List<Object> row(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }

    ExchangeService.Preview preview(DataScope scope, OrgSheet sheet, byte[] file) throws IOException {
        return exchange.preview(scope, sheet, Xlsx.stream(file));
    }

    OrgUnit unitNamed(DataScope scope, String name) {
        return units.tree(scope).stream().filter(u -> u.getName().equals(name)).findFirst().orElse(null);
    }

    @Test
    void templatesHaveTheColumnsAndARuleForEach() throws Exception {
        for (OrgSheet sheet : OrgSheet.values()) {
            byte[] file = mvc.perform(get("/exchange/org/templates/" + sheet.slug()).with(TestUsers.as(users, "officer")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            assertThat(Xlsx.read(file, ExchangeService.DATA_SHEET).get(0)).isEqualTo(sheet.headers(columns));
            List<List<String>> help = Xlsx.read(file, "说明");
            assertThat(help.stream().map(r -> r.get(0)).toList()).containsAll(sheet.headers(columns));
        }
        assertThat(Xlsx.read(mvc.perform(get("/exchange/org/templates/org-units").with(TestUsers.as(users, "officer")))
                .andReturn().getResponse().getContentAsByteArray(), ExchangeService.DATA_SHEET).get(0))
                .containsExactly("上级单位", "名称", "类别", "户籍人口");
    }

    @Test
    void orgTreeImportCreatesUnitsBelowNewParentsAndIsIdempotent() throws Exception {
        String dept = "宣传办" + tag;
        String village = "新村" + tag;
        byte[] file = file(OrgSheet.UNITS, List.of(
                row("柳溪镇", village, "村（社区）", 1234),
                row("柳溪镇", dept, "部门", null),
                row("柳溪镇/" + dept, "档案室" + tag, "部门（站所）", null)));
        ExchangeService.Preview p = preview(officer, OrgSheet.UNITS, file);
        assertThat(p.errors()).isZero();
        assertThat(p.toAdd()).isEqualTo(3);
        // The preview wrote nothing.
        assertThat(unitNamed(officer, village)).isNull();

        ExchangeService.Result r = exchange.commit(officer, p.id());
        assertThat(r.added()).isEqualTo(3);
        OrgUnit v = unitNamed(officer, village);
        assertThat(v.getKind()).isEqualTo(OrgUnitKind.VILLAGE);
        assertThat(v.getRegisteredPopulation()).isEqualTo(1234);
        OrgUnit archive = unitNamed(officer, "档案室" + tag);
        assertThat(archive.getParentId()).isEqualTo(unitNamed(officer, dept).getId());

        ExchangeService.Preview again = preview(officer, OrgSheet.UNITS, file);
        assertThat(again.toAdd()).isZero();
        assertThat(again.present()).isEqualTo(3);
        assertThat(exchange.commit(officer, again.id()).added()).isZero();
        assertThat(units.tree(officer).stream().filter(u -> u.getName().equals(village)).count()).isEqualTo(1);
    }

    @Test
    void aBadRowGivesARowNumberAndAChineseReasonAndNothingIsWritten() throws Exception {
        String good = "好村" + tag;
        byte[] file = file(OrgSheet.UNITS, List.of(
                row("柳溪镇", good, "村", 10),
                row("不存在的镇", "甲村" + tag, "村", null),
                row("柳溪镇", "乙村" + tag, "县（区）", null),
                row("柳溪镇", "丙村" + tag, "村", -5),
                row("柳溪镇", "丁村" + tag, "外星", null)));
        ExchangeService.Preview p = preview(officer, OrgSheet.UNITS, file);
        assertThat(p.toAdd()).isEqualTo(1);
        assertThat(p.errorRows()).extracting(ExchangeService.RowError::row).containsExactly(3, 4, 5, 6);
        assertThat(p.errorRows().get(0).reason()).contains("上级单位").contains("不存在的镇");
        assertThat(p.errorRows().get(1).reason()).contains("不能");
        assertThat(p.errorRows().get(2).reason()).containsPattern("[\\u4e00-\\u9fa5]");
        assertThat(p.errorRows().get(3).reason()).contains("“外星”不是可选的值");
        assertThatThrownBy(() -> exchange.commit(officer, p.id())).isInstanceOf(RuleViolationException.class)
                .extracting("messageKey").isEqualTo("exchange.commit.hasErrors");
        assertThat(unitNamed(officer, good)).isNull();

        // The error file holds the bad rows with their reasons.
        ExchangeService files = exchangeService();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        files.errorFile(officer, p.id(), out);
        List<List<String>> errors = Xlsx.read(out.toByteArray(), null);
        assertThat(errors.get(0)).endsWith("错误原因");
        assertThat(errors).hasSize(5);
        assertThat(errors.get(1).get(0)).isEqualTo("不存在的镇");
    }

    @Autowired ExchangeService exchangeService;

    ExchangeService exchangeService() {
        return exchangeService;
    }

    @Test
    void peopleWithPostsImportOnceAndExportBack() throws Exception {
        String name = "张" + tag;
        String post = "宣传员" + tag;
        byte[] file = file(OrgSheet.PEOPLE, List.of(
                row("柳溪镇/柳溪村", name, "男", "13800001111", null, null, post, "村（社区）宣传员", "2025-01-01"),
                row("柳溪镇/柳溪村", "李" + tag, "女", null, "兼职", null, null, null, null)));
        ExchangeService.Preview p = preview(officer, OrgSheet.PEOPLE, file);
        assertThat(p.errors()).as("%s", p.errorRows()).isZero();
        assertThat(p.toAdd()).isEqualTo(2);
        assertThat(exchange.commit(officer, p.id()).added()).isEqualTo(2);

        OrgUnit village = unitNamed(officer, "柳溪村");
        Person zhang = people.peopleOf(officer, village.getId()).stream().filter(x -> x.getName().equals(name)).findFirst()
                .orElseThrow();
        assertThat(zhang.getPhone()).isEqualTo("13800001111");
        assertThat(zhang.getGender()).isEqualTo("MALE");
        Post created = posts.postsOf(officer, village.getId()).stream().filter(x -> x.getTitle().equals(post)).findFirst()
                .orElseThrow();
        assertThat(posts.currentHolder(created.getId())).map(Person::getId).contains(zhang.getId());

        ExchangeService.Preview again = preview(officer, OrgSheet.PEOPLE, file);
        assertThat(again.toAdd()).isZero();
        assertThat(again.present()).isEqualTo(2);
        assertThat(people.peopleOf(officer, village.getId()).stream().filter(x -> x.getName().equals(name)).count()).isEqualTo(1);

        byte[] exported = mvc.perform(get("/api/v1/exchange/org/exports/people").with(TestUsers.as(users, "officer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<List<String>> rows = Xlsx.read(exported, null);
        assertThat(rows.get(0)).isEqualTo(OrgSheet.PEOPLE.headers(columns));
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("柳溪镇/柳溪村", name, "男", "13800001111").contains(post,
                "2025-01-01"));
        // The export imports back as nothing new.
        ExchangeService.Preview back = preview(officer, OrgSheet.PEOPLE, exported);
        assertThat(back.errors()).as("%s", back.errorRows()).isZero();
        assertThat(back.toAdd()).as("%s", back.newRows()).isZero();
    }

    @Test
    void theOrgTreeExportImportsBackAsAllPresent() throws Exception {
        byte[] exported = mvc.perform(get("/api/v1/exchange/org/exports/org-units").with(TestUsers.as(users, "officer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<List<String>> rows = Xlsx.read(exported, null);
        assertThat(rows.get(0)).containsExactly("上级单位", "名称", "类别", "户籍人口");
        // The officer's own township is the root of the paths and is not a row itself.
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("柳溪镇", "柳溪村", "村（社区）"));
        assertThat(rows.stream().skip(1).map(r -> r.get(1))).doesNotContain("柳溪镇");
        ExchangeService.Preview back = preview(officer, OrgSheet.UNITS, exported);
        assertThat(back.errors()).as("%s", back.errorRows()).isZero();
        assertThat(back.toAdd()).isZero();
        assertThat(back.present()).isEqualTo(rows.size() - 1);
    }

    @Test
    void personRowsAreCheckedLikeTheForm() throws Exception {
        byte[] file = file(OrgSheet.PEOPLE, List.of(
                row("柳溪镇", "王" + tag, null, "12345", null, null, null, null, null),
                row("柳溪镇", "赵" + tag, null, null, null, null, "岗位" + tag, null, null)));
        ExchangeService.Preview p = preview(officer, OrgSheet.PEOPLE, file);
        assertThat(p.errorRows()).extracting(ExchangeService.RowError::row).containsExactly(2, 3);
        assertThat(p.errorRows().get(0).reason()).isEqualTo(columns.zh("org.person.phone.pattern"));
        assertThat(p.errorRows().get(1).reason()).contains("任职日期").contains("请填写任职日期");
    }

    @Test
    void scopeAnOfficerWritesOnlyBelowTheirTownshipAndReadersCannotImport() throws Exception {
        ExchangeService.Preview p = preview(officer, OrgSheet.UNITS, file(OrgSheet.UNITS,
                List.of(row("石桥乡", "越界村" + tag, "村", null), row("青禾县", "越界镇" + tag, "乡镇", null))));
        assertThat(p.toAdd()).isZero();
        assertThat(p.errorRows()).hasSize(2).allSatisfy(e -> assertThat(e.reason()).contains("不是您管辖范围内的单位"));

        // A county reviewer and a village clerk may not import org sheets, by page or API; exports still work.
        MockMultipartFile upload = new MockMultipartFile("file", "units.xlsx", Downloads.XLSX,
                file(OrgSheet.UNITS, List.of(row("柳溪镇", "审核村" + tag, "村", null))));
        for (String who : List.of("county", "clerk", "leader")) {
            mvc.perform(multipart("/api/v1/exchange/org/imports/org-units").file(upload).with(TestUsers.as(users, who)))
                    .andExpect(status().isForbidden());
            mvc.perform(multipart("/exchange/org/imports").file(upload).param("sheet", "org-units")
                    .with(TestUsers.as(users, who)).with(csrf())).andExpect(status().isForbidden());
        }
        // the officer's page preview: the org sheet's columns and confirmation, no ledger date column
        String page = mvc.perform(multipart("/exchange/org/imports").file(upload).param("sheet", "org-units")
                .with(TestUsers.as(users, "officer")).with(csrf())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"preview-summary\"").contains("审核村" + tag).contains("确认把新增行写入组织架构和人员？")
                .doesNotContain("确认把新增行写入台账？").contains("href=\"/exchange\"");
        assertThatThrownBy(() -> preview(scope("county"), OrgSheet.UNITS, upload.getBytes()))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        byte[] tree = mvc.perform(get("/exchange/org/exports/org-units").with(TestUsers.as(users, "county")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(Xlsx.read(tree, null)).anySatisfy(r -> assertThat(r).startsWith("青禾县", "柳溪镇"));
        assertThat(unitNamed(officer, "审核村" + tag)).isNull();
    }

    @Test
    void apiPreviewCommitAndOtherUsersCannotConfirm() throws Exception {
        MockMultipartFile upload = new MockMultipartFile("file", "units.xlsx", Downloads.XLSX,
                file(OrgSheet.UNITS, List.of(row("柳溪镇", "接口村" + tag, "村", 88))));
        String body = mvc.perform(multipart("/api/v1/exchange/org/imports/org-units").file(upload)
                        .with(TestUsers.as(users, "officer")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.toAdd").value(1)).andReturn().getResponse().getContentAsString();
        String id = json.readTree(body).get("id").asText();
        mvc.perform(post("/api/v1/exchange/imports/{id}/commit", id).with(TestUsers.as(users, "officer2")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/exchange/imports/{id}/commit", id).with(TestUsers.as(users, "officer")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.added").value(1));
        assertThat(unitNamed(officer, "接口村" + tag).getRegisteredPopulation()).isEqualTo(88);
        // The page flow: upload shows the preview.
        MockMultipartFile page = new MockMultipartFile("file", "units.xlsx", Downloads.XLSX,
                file(OrgSheet.UNITS, List.of(row("柳溪镇", "页面村" + tag, "村", null))));
        String html = mvc.perform(multipart("/exchange/org/imports").file(page).param("sheet", "org-units")
                        .with(TestUsers.as(users, "officer")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"confirm-import\"").contains("页面村" + tag);
        String index = mvc.perform(get("/exchange").with(TestUsers.as(users, "officer"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(index).contains("org-template-people").contains("org-upload-form");
        assertThat(mvc.perform(get("/org/units").with(TestUsers.as(users, "officer"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("id=\"org-excel\"").contains("/exchange#org-exchange");
    }
}
