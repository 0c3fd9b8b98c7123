package org.luoshi.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.luoshi.TestUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.evidence.Attachment;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Pages and API of the ledger: the same validation and data scope for each role. */
@LuoshiTest
class LedgerWebTest {

    static final byte[] PNG = HexFormat.of().parseHex(
            "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000b49444154785e636000020000050001061475a30000000049454e44ae426082");
    static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes();

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    LedgerService ledger;
    @Autowired
    LedgerFixtures fx;
    @Autowired
    JdbcClient jdbc;

    long records(long unitId) {
        return jdbc.sql("select count(*) from ledger_record where org_unit_id = :u").param("u", unitId).query(Long.class).single();
    }

    LedgerRecord media(OrgUnit unit) {
        return ledger.create(fx.scope("admin"), "MEDIA_PLACEMENT", LedgerFixtures.media(unit.getId(), LedgerFixtures.TODAY, "COUNTY", 1));
    }

    @Test
    void apiRefusesBadInputWithFieldErrorsInChineseAndSavesNothing() throws Exception {
        OrgUnit unit = fx.freshVillage("柳溪镇");
        String body = """
                {"unitId": %d, "occurredOn": "%s", "title": "关于开展宣讲的通知",
                 "fields": {"issuer": "县委办", "docNumber": "县委办发2024-5"}}
                """.formatted(unit.getId(), LedgerFixtures.TODAY.plusDays(2));
        mvc.perform(post("/api/v1/ledger/directive").with(as(users, "officer")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.fieldErrors[*].field", hasItem("fields.docNumber")))
                .andExpect(jsonPath("$.fieldErrors[*].field", hasItem("occurredOn")))
                .andExpect(jsonPath("$.fieldErrors[*].message", hasItem(containsString("文号格式不正确"))));
        Person foreign = fx.person(fx.township("石桥乡").getId());
        String study = """
                {"unitId": %d, "occurredOn": "%s", "title": "中心组学习",
                 "fields": {"subKind": "CENTRAL_GROUP", "topic": "理论学习"},
                 "attendance": [{"personId": %d, "status": "PRESENT"}]}
                """.formatted(unit.getId(), LedgerFixtures.TODAY, foreign.getId());
        mvc.perform(post("/api/v1/ledger/study-session").with(as(users, "officer")).contentType(MediaType.APPLICATION_JSON).content(study))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors[0].field").value("attendance[0].personId"));
        String negative = """
                {"unitId": %d, "occurredOn": "%s", "title": "宣讲", "fields": {"lecturers": "宣讲团", "audience": -1}}
                """.formatted(unit.getId(), LedgerFixtures.TODAY);
        mvc.perform(post("/api/v1/ledger/OUTREACH").with(as(users, "officer")).contentType(MediaType.APPLICATION_JSON).content(negative))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors[0].message").value("不能为负数。"));
        assertThat(records(unit.getId())).isZero();
    }

    /**
     * NUL (which PostgreSQL refuses with a 500), a lone surrogate half (which it stores as "?") and a
     * year like 0001: the same field message on H2 and PostgreSQL, and nothing saved.
     */
    @Test
    void controlCharactersLoneSurrogatesAndImpossibleDatesAreRefusedBesideTheField() throws Exception {
        OrgUnit unit = fx.freshVillage("柳溪镇");
        for (String title : new String[] {"宣讲\\u0000活动", "宣讲\\ud800活动", "宣讲\\u0007活动"}) {
            String body = """
                    {"unitId": %d, "occurredOn": "%s", "title": "%s", "fields": {"lecturers": "宣讲\\u0000团", "audience": 10}}
                    """.formatted(unit.getId(), LedgerFixtures.TODAY, title);
            mvc.perform(post("/api/v1/ledger/OUTREACH").with(as(users, "officer")).contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.fieldErrors[*].field", hasItem("title")))
                    .andExpect(jsonPath("$.fieldErrors[*].field", hasItem("fields.lecturers")))
                    .andExpect(jsonPath("$.fieldErrors[*].message", hasItem(containsString("无法保存的字符"))));
        }
        for (String date : new String[] {"0001-01-01", "1999-12-31"}) {
            String body = """
                    {"unitId": %d, "occurredOn": "%s", "title": "宣讲", "fields": {"lecturers": "宣讲团", "audience": 10}}
                    """.formatted(unit.getId(), date);
            mvc.perform(post("/api/v1/ledger/OUTREACH").with(as(users, "officer")).contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.fieldErrors[0].field").value("occurredOn"))
                    .andExpect(jsonPath("$.fieldErrors[0].message").value("日期不能早于 2000 年。"));
        }
        assertThat(records(unit.getId())).isZero();
        // any validated body of the API: a person's name
        mvc.perform(post("/api/v1/org/people").with(as(users, "officer")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unitId\": " + unit.getId() + ", \"name\": \"张\\u0000三\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors[?(@.field == 'name')].message", hasItem(containsString("无法保存的字符"))));
    }

    @Test
    void apiCreatesReadsCorrectsAndDeletesWithinScope() throws Exception {
        OrgUnit unit = fx.freshVillage("柳溪镇");
        String body = """
                {"unitId": %d, "occurredOn": "%s", "title": "镇党委会专题研究意识形态工作", "tags": ["专题"],
                 "fields": {"subKind": "THEMATIC", "topics": "研究部署上半年意识形态工作"}}
                """.formatted(unit.getId(), LedgerFixtures.TODAY.minusDays(1));
        String created = mvc.perform(post("/api/v1/ledger/meeting").with(as(users, "officer"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.fields.subKind").value("THEMATIC"))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(created.replaceAll("^\\{\"id\":(\\d+),.*$", "$1"));
        mvc.perform(get("/api/v1/ledger/records/{id}", id).with(as(users, "county"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/ledger/records/{id}", id).with(as(users, "officer2"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/ledger/records/{id}", id).with(as(users, "clerk"))).andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/ledger/records/{id}", id).with(as(users, "county")).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/ledger/records/{id}", id).param("reason", "x").with(as(users, "leader")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/ledger/meeting").with(as(users, "county")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/ledger/records/{id}", id).with(as(users, "officer")).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.fieldErrors[0].field").value("reason"));
        mvc.perform(put("/api/v1/ledger/records/{id}", id).with(as(users, "officer")).contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("\"tags\"", "\"reason\": \"补充议题\", \"tags\"").replace("上半年", "全年")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.fields.topics").value("研究部署全年意识形态工作"));
        mvc.perform(get("/api/v1/ledger/records/{id}/history", id).with(as(users, "officer")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].reason").value("补充议题"))
                .andExpect(jsonPath("$[0].changes[0].key").value("fields.topics"));
        mvc.perform(get("/api/v1/ledger/records").param("unitId", String.valueOf(unit.getId())).with(as(users, "officer")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.records[0].id").value(id))
                .andExpect(jsonPath("$.countsByKind.MEETING").value(1))
                .andExpect(jsonPath("$.countCap").value(LedgerService.COUNT_CAP))
                .andExpect(jsonPath("$.countsAboveCap").isEmpty());
        mvc.perform(delete("/api/v1/ledger/records/{id}", id).with(as(users, "officer"))).andExpect(status().isBadRequest());
        mvc.perform(delete("/api/v1/ledger/records/{id}", id).param("reason", "重复").with(as(users, "officer")))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/ledger/records/{id}", id).with(as(users, "officer"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/ledger/kinds").with(as(users, "clerk"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].code").value("DIRECTIVE"));
    }

    @Test
    void clerkSeesAndWritesOnlyTheirVillage() throws Exception {
        OrgUnit village = fx.village("柳溪村");
        OrgUnit other = fx.freshVillage("柳溪镇");
        LedgerRecord otherRecord = media(other);
        String body = """
                {"unitId": %d, "occurredOn": "%s", "title": "宣讲", "fields": {"lecturers": "宣讲员"}}
                """;
        mvc.perform(post("/api/v1/ledger/outreach").with(as(users, "clerk")).contentType(MediaType.APPLICATION_JSON)
                .content(body.formatted(other.getId(), LedgerFixtures.TODAY))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/ledger/outreach").with(as(users, "clerk")).contentType(MediaType.APPLICATION_JSON)
                .content(body.formatted(village.getId(), LedgerFixtures.TODAY))).andExpect(status().isCreated());
        mvc.perform(get("/ledger/records/{id}", otherRecord.id()).with(as(users, "clerk"))).andExpect(status().isNotFound());
        mvc.perform(get("/ledger").param("unitId", String.valueOf(other.getId())).with(as(users, "clerk")))
                .andExpect(status().isNotFound());
        String list = mvc.perform(get("/ledger").with(as(users, "clerk"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain("data-id=\"" + otherRecord.id() + "\"");
    }

    /** The unit pickers indent villages under their township with a real space, never a printed escape. */
    @Test
    void unitPickersIndentWithoutEscapeText() throws Exception {
        for (String page : new String[] {"/ledger", "/ledger/meeting/new"}) {
            String html = mvc.perform(get(page).with(as(users, "officer"))).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString();
            assertThat(html).as(page).doesNotContain("\\u00a0");
            java.util.regex.Matcher township = java.util.regex.Pattern.compile(">(　*)柳溪镇</option>").matcher(html);
            java.util.regex.Matcher village = java.util.regex.Pattern.compile(">(　*)柳溪村</option>").matcher(html);
            assertThat(township.find() && village.find()).as(page).isTrue();
            assertThat(village.group(1).length()).as(page).isEqualTo(township.group(1).length() + 1);
        }
        // a new record's date starts at today (Beijing time)
        String form = mvc.perform(get("/ledger/meeting/new").with(as(users, "officer"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).containsPattern("id=\"occurredOn\"[^>]*value=\"" + LedgerFixtures.TODAY + "\"");
    }

    @Test
    void pagesShowTheListDetailAndHistory() throws Exception {
        OrgUnit unit = fx.freshVillage("柳溪镇");
        LedgerRecord record = ledger.create(fx.scope("officer"), "DIRECTIVE", LedgerFixtures.directive(unit.getId(), "青宣发〔2025〕9号"));
        mvc.perform(get("/ledger").param("unitId", String.valueOf(unit.getId())).with(as(users, "officer")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("data-id=\"" + record.id() + "\"")))
                .andExpect(content().string(containsString("data-kind=\"DIRECTIVE\">1<")));
        mvc.perform(get("/ledger/directive").with(as(users, "leader"))).andExpect(status().isOk());
        mvc.perform(get("/ledger/records/{id}", record.id()).with(as(users, "officer"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("青宣发〔2025〕9号")));
        mvc.perform(get("/ledger/records/{id}", record.id()).with(as(users, "officer2"))).andExpect(status().isNotFound());
        for (String kind : List.of("directive", "meeting", "study-session", "media-placement", "outreach", "opinion-case")) {
            mvc.perform(get("/ledger/{k}/new", kind).with(as(users, "officer"))).andExpect(status().isOk());
        }
        mvc.perform(get("/ledger/opinion-case/new").with(as(users, "officer")))
                .andExpect(content().string(containsString("不记录发帖人的任何个人信息")));
        mvc.perform(get("/ledger/directive/new").with(as(users, "county"))).andExpect(status().isForbidden());
        mvc.perform(post("/ledger/records/{id}", record.id()).with(as(users, "officer")).with(csrf())
                        .param("unitId", String.valueOf(unit.getId())).param("occurredOn", record.occurredOn().toString())
                        .param("title", "改过的标题").param("fields[issuer]", "县委办").param("fields[docNumber]", "青宣发〔2025〕9号")
                        .param("reason", "标题有误").param("version", String.valueOf(record.version())))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/ledger/records/{id}/history", record.id()).with(as(users, "officer"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("标题有误")))
                .andExpect(content().string(containsString("改过的标题")))
                .andExpect(content().string(containsString("文件标题")));
    }

    @Test
    void aRefusedFormIsShownAgainWithTheMessagesAndSavesNothing() throws Exception {
        OrgUnit unit = fx.freshVillage("柳溪镇");
        mvc.perform(post("/ledger/directive").with(as(users, "officer")).with(csrf())
                        .param("unitId", String.valueOf(unit.getId())).param("occurredOn", LedgerFixtures.TODAY.toString())
                        .param("title", "通知").param("fields[issuer]", "县委办").param("fields[docNumber]", "第18号"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("文号格式不正确")));
        Person local = fx.person(unit.getId());
        mvc.perform(post("/ledger/study-session").with(as(users, "officer")).with(csrf())
                        .param("unitId", String.valueOf(unit.getId())).param("occurredOn", LedgerFixtures.TODAY.toString())
                        .param("title", "学习").param("fields[subKind]", "SEMINAR").param("fields[topic]", "专题")
                        .param("attendance[0].personId", String.valueOf(local.getId())).param("attendance[0].status", "LEAVE"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请填写请假事由")));
        mvc.perform(post("/ledger/media-placement").with(as(users, "officer")).with(csrf())
                        .param("unitId", String.valueOf(unit.getId())).param("occurredOn", LedgerFixtures.TODAY.toString())
                        .param("title", "稿件").param("fields[outlet]", "日报").param("fields[level]", "COUNTY")
                        .param("fields[medium]", "PRINT").param("fields[articleCount]", "-2"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("不能小于 1")));
        mvc.perform(post("/ledger/media-placement").with(as(users, "leader")).with(csrf())
                .param("unitId", String.valueOf(unit.getId()))).andExpect(status().isForbidden());
        assertThat(records(unit.getId())).isZero();
    }

    @Test
    void evidenceIsHashedShownAndGuardedByScope() throws Exception {
        OrgUnit unit = fx.freshVillage("柳溪镇");
        LedgerRecord record = media(unit);
        mvc.perform(multipart("/ledger/records/{id}/attachments", record.id())
                        .file(new MockMultipartFile("file", "签到表.png", "image/png", PNG)).with(as(users, "officer")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PNG));
        mvc.perform(get("/ledger/records/{id}", record.id()).with(as(users, "officer")))
                .andExpect(content().string(containsString(sha)));
        List<Attachment> stored = ledger.attachments(fx.scope("officer"), record.id());
        assertThat(stored).hasSize(1);
        long attachmentId = stored.get(0).getId();
        mvc.perform(get("/ledger/attachments/{id}", attachmentId).with(as(users, "officer"))).andExpect(status().isOk())
                .andExpect(header().string("X-Content-SHA256", sha));
        mvc.perform(get("/ledger/attachments/{id}", attachmentId).with(as(users, "county"))).andExpect(status().isOk());
        mvc.perform(get("/ledger/attachments/{id}", attachmentId).with(as(users, "officer2"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/ledger/attachments/{id}", attachmentId).with(as(users, "officer2"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/ledger/attachments/{id}", attachmentId).with(as(users, "clerk"))).andExpect(status().isNotFound());

        long before = jdbc.sql("select count(*) from attachment").query(Long.class).single();
        mvc.perform(multipart("/ledger/records/{id}/attachments", record.id())
                        .file(new MockMultipartFile("file", "照片.jpg", "image/jpeg", PDF)).with(as(users, "officer")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("文件内容与扩展名")));
        mvc.perform(multipart("/api/v1/ledger/records/{id}/attachments", record.id())
                        .file(new MockMultipartFile("file", "纪要.docx", null, PDF)).with(as(users, "officer")))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.detail").value(containsString("文件内容与扩展名")));
        mvc.perform(multipart("/api/v1/ledger/records/{id}/attachments", record.id())
                        .file(new MockMultipartFile("file", "a.pdf", null, PDF)).with(as(users, "county")))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from attachment").query(Long.class).single()).isEqualTo(before);
        mvc.perform(multipart("/api/v1/ledger/records/{id}/attachments", record.id())
                        .file(new MockMultipartFile("file", "纪要.pdf", null, PDF)).with(as(users, "officer")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.contentType").value("application/pdf"));
    }

    @Test
    void onlyAnAdministratorSeesDeletedRecordsAndRestoresThem() throws Exception {
        OrgUnit unit = fx.freshVillage("柳溪镇");
        LedgerRecord record = media(unit);
        mvc.perform(post("/ledger/records/{id}/delete", record.id()).with(as(users, "officer")).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("请填写原因")));
        mvc.perform(post("/ledger/records/{id}/delete", record.id()).param("reason", "录错单位").with(as(users, "officer")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/ledger/deleted").with(as(users, "officer"))).andExpect(status().isForbidden());
        mvc.perform(post("/ledger/records/{id}/restore", record.id()).param("reason", "x").with(as(users, "officer")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/ledger/deleted").with(as(users, "admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("录错单位")))
                .andExpect(content().string(containsString("/ledger/records/" + record.id() + "\"")));
        // the administrator opens the deleted record to look at it before restoring it; nobody else can
        mvc.perform(get("/ledger/records/{id}", record.id()).with(as(users, "officer"))).andExpect(status().isNotFound());
        mvc.perform(get("/ledger/records/{id}", record.id()).with(as(users, "admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"deleted-notice\"")))
                .andExpect(content().string(containsString("录错单位")))
                .andExpect(content().string(containsString("id=\"restore-form\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"edit-record\""))));
        // without a reason: the deleted record's page again, the reason asked for beside the restore field
        mvc.perform(post("/ledger/records/{id}/restore", record.id()).param("reason", " ").with(as(users, "admin")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"restore-form\"")))
                .andExpect(content().string(containsString("请填写原因")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"error-page\""))));
        mvc.perform(post("/ledger/records/{id}/restore", record.id()).param("reason", "误删").with(as(users, "admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/ledger/records/{id}", record.id()).with(as(users, "officer"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"deleted-notice\""))));
    }

    @Test
    void pickersReadByNameAndTitleNotByWhenRegistered() throws Exception {
        String html = mvc.perform(get("/ledger/study-session/new").with(as(users, "officer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // a referenced document reads by its title, the date after it; never a date first
        java.util.regex.Matcher directive = java.util.regex.Pattern
                .compile("(?s)id=\"field-directive\".*?</select>").matcher(html);
        assertThat(directive.find()).isTrue();
        assertThat(directive.group()).doesNotContainPattern(">\\d{4}-\\d{2}-\\d{2} ");
        // people in pinyin order of their names
        java.util.regex.Matcher select = java.util.regex.Pattern.compile("(?s)id=\"att-person-0\".*?</select>").matcher(html);
        assertThat(select.find()).isTrue();
        java.util.List<String> names = java.util.regex.Pattern.compile("<option value=\"\\d+\"[^>]*>([^<·]+) ·")
                .matcher(select.group()).results().map(m -> m.group(1).strip()).toList();
        assertThat(names).hasSizeGreaterThan(2)
                .isSortedAccordingTo(java.text.Collator.getInstance(java.util.Locale.SIMPLIFIED_CHINESE)::compare);
    }

    @Test
    void homePanelListsTheLatestRecordsOfTheScopeOnly() throws Exception {
        LedgerRecord latest = media(fx.freshVillage("柳溪镇"));
        String marker = "data-id=\"" + latest.id() + "\"";
        mvc.perform(get("/ledger/panel").with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(marker)))
                .andExpect(content().string(containsString("查看全部台账")));
        mvc.perform(get("/ledger/panel").with(as(users, "officer2")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(marker))));
        mvc.perform(get("/ledger/panel").with(as(users, "clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(marker))));
    }

    @Test
    void onTimeWithoutClosingDateIsRefusedInChinese() throws Exception {
        OrgUnit unit = fx.freshVillage("柳溪镇");
        String body = """
                {"unitId": %d, "occurredOn": "%s", "title": "村道积水反映",
                 "fields": {"channel": "本地论坛", "category": "民生", "level": "GENERAL", "onTime": true}}
                """.formatted(unit.getId(), LedgerFixtures.TODAY.minusDays(1));
        mvc.perform(post("/api/v1/ledger/opinion-case").with(as(users, "officer")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors[*].field", hasItem("fields.closedOn")))
                .andExpect(jsonPath("$.fieldErrors[*].message", hasItem("已选“按时处置”，请同时填写“办结日期”。")));
        assertThat(records(unit.getId())).isZero();
    }

    /** An open case is not "按时处置：否": it cannot be judged before it is closed. */
    @Test
    void anOpenCaseShowsOnTimeAsUndecided() throws Exception {
        OrgUnit unit = fx.freshVillage("柳溪镇");
        String open = """
                {"unitId": %d, "occurredOn": "%s", "title": "路灯损坏反映",
                 "fields": {"channel": "热线电话", "category": "民生", "level": "GENERAL"}}
                """.formatted(unit.getId(), LedgerFixtures.TODAY.minusDays(1));
        String created = mvc.perform(post("/api/v1/ledger/opinion-case").with(as(users, "officer"))
                        .contentType(MediaType.APPLICATION_JSON).content(open))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(created.replaceAll("^\\{\"id\":(\\d+),.*$", "$1"));
        String page = mvc.perform(get("/ledger/records/{id}", id).with(as(users, "officer"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("尚未办结，暂无法判断");
    }

    /** The same unit, date and title is the same record, as the import counts it: a second one is refused beside the title. */
    @Test
    void anExactDuplicateIsRefusedBesideTheTitleAndCountsOnce() throws Exception {
        OrgUnit unit = fx.freshVillage("柳溪镇");
        String body = """
                {"unitId": %d, "occurredOn": "%s", "title": "理论宣讲进村", "fields": {"lecturers": "宣讲团", "audience": 60}}
                """.formatted(unit.getId(), LedgerFixtures.TODAY.minusDays(2));
        mvc.perform(post("/api/v1/ledger/outreach").with(as(users, "officer")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/ledger/outreach").with(as(users, "officer")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors[*].field", hasItem("title")))
                .andExpect(jsonPath("$.fieldErrors[*].message", hasItem("同一单位、同一日期、同一标题的记录已存在。")));
        // the form keeps what was typed and says so beside the title
        mvc.perform(post("/ledger/outreach").with(as(users, "officer")).with(csrf())
                        .param("unitId", String.valueOf(unit.getId())).param("occurredOn", LedgerFixtures.TODAY.minusDays(2).toString())
                        .param("title", "理论宣讲进村").param("fields[lecturers]", "宣讲团").param("fields[audience]", "60"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("同一单位、同一日期、同一标题的记录已存在。")))
                .andExpect(content().string(containsString("value=\"理论宣讲进村\"")));
        assertThat(records(unit.getId())).isEqualTo(1);
    }
}
