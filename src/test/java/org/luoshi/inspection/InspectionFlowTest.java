package org.luoshi.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.TestUsers;
import org.luoshi.account.AccountService;
import org.luoshi.account.Role;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.luoshi.org.PostKind;
import org.luoshi.org.PostService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The inspection module through pages and API with real accounts: checklists, visits, the
 * rectification cycle, re-check rules, lock, data scope per role, validation and the overview.
 */
@LuoshiTest
class InspectionFlowTest {

    static final byte[] PNG = HexFormat.of().parseHex(
            "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000b49444154785e636000020000050001061475a30000000049454e44ae426082");
    static final LocalDate TODAY = org.luoshi.TestClock.today();

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    OrgUnitService units;
    @Autowired
    PostService posts;
    @Autowired
    AccountService accounts;
    @Autowired
    ObjectMapper json;
    @Autowired
    FindingService findingService;
    @Autowired
    FindingRepository findingRepository;
    @Autowired
    NotificationRepository notificationRepository;
    @Autowired
    FindingService findings;
    @Autowired
    Notifications notifications;
    @Autowired
    org.luoshi.ledger.LedgerService ledger;

    RequestPostProcessor as(String username) {
        return TestUsers.as(users, username);
    }

    OrgUnit township(String name) {
        return units.ofKind(units.systemScope("test"), OrgUnitKind.TOWNSHIP).stream().filter(u -> u.getName().equals(name))
                .findFirst().orElseThrow();
    }

    OrgUnit child(OrgUnit parent, String name) {
        return units.children(units.systemScope("test"), parent.getId()).stream().filter(u -> u.getName().equals(name))
                .findFirst().orElseThrow();
    }

    long postOf(OrgUnit unit, PostKind kind) {
        return posts.postsOf(units.systemScope("test"), unit.getId()).stream().filter(p -> p.getKind() == kind).findFirst()
                .orElseThrow().getId();
    }

    JsonNode api(MockHttpServletRequestBuilder request, String user, Object body, int expected) throws Exception {
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        String text = mvc.perform(request.with(as(user))).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString();
        return text.isEmpty() ? null : json.readTree(text);
    }

    long checklist(String user) throws Exception {
        JsonNode c = api(post("/api/v1/inspection/checklists"), user,
                Map.of("title", "测试清单-" + UUID.randomUUID(), "directiveRef", "青宣发〔2026〕1号"), 201);
        long id = c.get("id").asLong();
        api(post("/api/v1/inspection/checklists/" + id + "/items"), user,
                Map.of("itemNo", "1", "title", "领导小组健全", "category", "LEADERSHIP"), 201);
        api(post("/api/v1/inspection/checklists/" + id + "/items"), user,
                Map.of("itemNo", "2", "title", "阵地巡查", "category", "POSITION", "expectedEvidence", "巡查记录"), 201);
        return id;
    }

    /** The county visits a unit and records one finding there; returns the finding id. */
    long countyFinding(OrgUnit unit, long ownerPost, LocalDate deadline) throws Exception {
        long checklist = checklist("county");
        JsonNode visit = api(post("/api/v1/inspection/visits"), "county",
                Map.of("checklistId", checklist, "heldOn", TODAY.toString(), "team", "督导组", "unitIds", List.of(unit.getId())),
                201);
        long visitId = visit.at("/inspection/id").asLong();
        JsonNode f = api(post("/api/v1/inspection/inspections/" + visitId + "/findings"), "county",
                Map.of("unitId", unit.getId(), "title", "问题-" + UUID.randomUUID(), "detail", "现场发现",
                        "ownerPostId", ownerPost, "deadline", deadline.toString()), 201);
        return f.get("id").asLong();
    }

    void readyToSubmit(long findingId, String user) throws Exception {
        api(post("/api/v1/inspection/findings/" + findingId + "/start"), user, Map.of("note", "开始"), 200);
        JsonNode current = api(get("/api/v1/inspection/findings/" + findingId), user, null, 200);
        api(put("/api/v1/inspection/findings/" + findingId + "/plan"), user,
                Map.of("ownerPostId", current.at("/finding/ownerPostId").asLong(),
                        "deadline", current.at("/finding/deadline").asText(), "measures", "建立制度，专人负责"), 200);
        mvc.perform(multipart("/api/v1/inspection/findings/" + findingId + "/evidence")
                        .file(new MockMultipartFile("file", "整改照片.png", "image/png", PNG)).with(as(user)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.fileName").value("整改照片.png"));
    }

    @Test
    void theCountyVisitsTheTownshipRectifiesAndTheCountyPassesItThenItIsLocked() throws Exception {
        OrgUnit shiqiao = township("石桥乡");
        long id = countyFinding(shiqiao, postOf(shiqiao, PostKind.PROPAGANDA_MEMBER), TODAY.plusDays(20));

        // The county reviewer may not do the township's rectification work.
        api(post("/api/v1/inspection/findings/" + id + "/start"), "county", Map.of(), 403);
        // Submitting needs the task started first.
        api(post("/api/v1/inspection/findings/" + id + "/submit"), "officer2", Map.of("note", "完成"), 409);
        api(post("/api/v1/inspection/findings/" + id + "/start"), "officer2", Map.of(), 200);
        // ... and measures and evidence.
        api(post("/api/v1/inspection/findings/" + id + "/submit"), "officer2", Map.of("note", "完成"), 409);
        readyToSubmit2(id);
        JsonNode submitted = api(post("/api/v1/inspection/findings/" + id + "/submit"), "officer2",
                Map.of("note", "已整改到位"), 200);
        assertThat(submitted.at("/finding/state").asText()).isEqualTo("SUBMITTED");

        // officer2 submitted, so officer2 may not re-check it (and is not the upper level either).
        JsonNode own = api(post("/api/v1/inspection/findings/" + id + "/recheck"), "officer2",
                Map.of("passed", true, "reason", "自己复查"), 409);
        assertThat(own.get("detail").asText()).isEqualTo("不能复查自己提交的整改。");
        // A second officer of the same township did not submit, but is not the upper level.
        createAccount("insp-sq2-" + UUID.randomUUID().toString().substring(0, 8), Role.TOWNSHIP_OFFICER, shiqiao);
        JsonNode sameUnit = api(post("/api/v1/inspection/findings/" + id + "/recheck"), lastAccount,
                Map.of("passed", true, "reason", "同级复查"), 409);
        assertThat(sameUnit.get("detail").asText()).contains("上级");
        // A township leader is read-only.
        api(post("/api/v1/inspection/findings/" + id + "/recheck"), "leader", Map.of("passed", true, "reason", "x"), 403);

        // Passing locks the task for good, so the page's pass button asks first.
        mvc.perform(get("/inspection/findings/" + id).with(as("county"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern(
                        "(?s).*id=\"recheck-pass\"[^>]*data-confirm=\"复查通过后任务即销号锁定，不能再修改或撤回。确定通过吗？\".*")));
        JsonNode passed = api(post("/api/v1/inspection/findings/" + id + "/recheck"), "county",
                Map.of("passed", true, "reason", "复查合格"), 200);
        assertThat(passed.at("/finding/state").asText()).isEqualTo("PASSED");
        assertThat(passed.at("/finding/locked").asBoolean()).isTrue();
        assertThat(passed.at("/finding/recheckedBy").asText()).isEqualTo("county");

        // Every state change is on the timeline with who and why.
        List<String> actions = passed.get("timeline").findValuesAsText("action");
        assertThat(actions).containsExactly("RAISED", "STARTED", "PLANNED", "EVIDENCE", "SUBMITTED", "PASSED");
        JsonNode last = passed.get("timeline").get(actions.size() - 1);
        assertThat(last.get("actor").asText()).isEqualTo("county");
        assertThat(last.get("fromState").asText()).isEqualTo("SUBMITTED");
        assertThat(last.get("note").asText()).isEqualTo("复查合格");

        // Locked: no edit, no note, no evidence, through API and page.
        api(post("/api/v1/inspection/findings/" + id + "/notes"), "officer2", Map.of("note", "补充"), 409);
        // the finding's page again with the reason on top and the note kept, not an error page
        String lockedPage = mvc.perform(post("/inspection/findings/" + id + "/notes").param("note", "补充的说明")
                        .with(csrf()).with(as("officer2")))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(lockedPage).contains("id=\"rule-error\"").contains("id=\"finding-state\"").doesNotContain("id=\"error-page\"");
        // A new finding may reference it.
        JsonNode follow = api(post("/api/v1/inspection/findings/" + id + "/follow-up"), "county",
                Map.of("title", "问题再次出现", "deadline", TODAY.plusDays(10).toString()), 201);
        assertThat(follow.at("/finding/referencedFindingId").asLong()).isEqualTo(id);
        assertThat(follow.at("/finding/state").asText()).isEqualTo("OPEN");

        // The township was told on submission ... and the owner on passing.
        assertThat(notificationRepository.findAll()).anySatisfy(n -> {
            assertThat(n.getUnitId()).isEqualTo(shiqiao.getId());
            assertThat(n.getRole()).isEqualTo("TOWNSHIP_OFFICER");
            assertThat(n.getMessage()).contains("复查通过");
            assertThat(n.getLink()).isEqualTo("/inspection/findings/" + id);
        });
    }

    void readyToSubmit2(long id) throws Exception {
        JsonNode current = api(get("/api/v1/inspection/findings/" + id), "officer2", null, 200);
        api(put("/api/v1/inspection/findings/" + id + "/plan"), "officer2",
                Map.of("ownerPostId", current.at("/finding/ownerPostId").asLong(),
                        "deadline", current.at("/finding/deadline").asText(), "measures", "建立制度，专人负责"), 200);
        mvc.perform(multipart("/api/v1/inspection/findings/" + id + "/evidence")
                        .file(new MockMultipartFile("file", "整改照片.png", "image/png", PNG)).with(as("officer2")))
                .andExpect(status().isCreated());
    }

    String lastAccount;

    void createAccount(String username, Role role, OrgUnit unit) {
        accounts.create(units.systemScope("test"), username, username, "Luoshi@2026-x", role, unit.getId(), false);
        lastAccount = username;
    }

    @Test
    void nobodyWhoWorkedOnTheRectificationRechecksIt() throws Exception {
        OrgUnit liuxi = township("柳溪镇");
        OrgUnit village = child(liuxi, "柳溪村");
        long checklist = checklist("officer");
        JsonNode visit = api(post("/api/v1/inspection/visits"), "officer",
                Map.of("checklistId", checklist, "heldOn", TODAY.toString(), "unitIds", List.of(village.getId())), 201);
        JsonNode f = api(post("/api/v1/inspection/inspections/" + visit.at("/inspection/id").asLong() + "/findings"),
                "officer", Map.of("unitId", village.getId(), "title", "广播内容未审核-" + UUID.randomUUID(),
                        "ownerPostId", postOf(village, PostKind.PROPAGANDIST), "deadline", TODAY.plusDays(5).toString()), 201);
        long id = f.get("id").asLong();
        // The township officer helps with the village's rectification (a progress note); the clerk submits.
        readyToSubmit(id, "clerk");
        api(post("/api/v1/inspection/findings/" + id + "/notes"), "officer", Map.of("note", "镇里协助制定审核制度"), 200);
        api(post("/api/v1/inspection/findings/" + id + "/submit"), "clerk", Map.of("note", "已整改"), 200);

        // The officer did not submit, but worked on it: no re-check, neither on the page nor through the API.
        mvc.perform(get("/inspection/findings/" + id).with(as("officer"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("id=\"recheck-form\""))));
        JsonNode refused = api(post("/api/v1/inspection/findings/" + id + "/recheck"), "officer",
                Map.of("passed", true, "reason", "合格"), 409);
        assertThat(refused.get("detail").asText())
                .isEqualTo("不能复查自己参与过的整改（制定或修改计划、记录进展、上传佐证）。请由未参与整改的人复查。");
        assertThat(findingRepository.findById(id).orElseThrow().getState()).isEqualTo(RectificationState.SUBMITTED);

        // Another officer of the township, who did no work on it, may.
        createAccount("insp-lx-" + UUID.randomUUID().toString().substring(0, 8), Role.TOWNSHIP_OFFICER, liuxi);
        mvc.perform(get("/inspection/findings/" + id).with(as(lastAccount))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"recheck-form\"")));
        api(post("/api/v1/inspection/findings/" + id + "/recheck"), lastAccount, Map.of("passed", true, "reason", "合格"), 200);
    }

    @Test
    void aFailedRecheckGoesBackToWorkAndTheTownshipRechecksItsVillage() throws Exception {
        OrgUnit liuxi = township("柳溪镇");
        OrgUnit village = child(liuxi, "柳溪村");
        // The township visits its own village.
        long checklist = checklist("officer");
        JsonNode visit = api(post("/api/v1/inspection/visits"), "officer",
                Map.of("checklistId", checklist, "heldOn", TODAY.toString(), "unitIds", List.of(village.getId())), 201);
        long visitId = visit.at("/inspection/id").asLong();
        JsonNode f = api(post("/api/v1/inspection/inspections/" + visitId + "/findings"), "officer",
                Map.of("unitId", village.getId(), "title", "宣传栏内容过期", "ownerPostId", postOf(village, PostKind.PROPAGANDIST),
                        "deadline", TODAY.plusDays(5).toString()), 201);
        long id = f.get("id").asLong();

        // The village clerk works on the village's task.
        readyToSubmit(id, "clerk");
        api(post("/api/v1/inspection/findings/" + id + "/submit"), "clerk", Map.of("note", "已更换"), 200);
        // The clerk may not re-check (not a supervising role).
        api(post("/api/v1/inspection/findings/" + id + "/recheck"), "clerk", Map.of("passed", true, "reason", "x"), 403);
        JsonNode failed = api(post("/api/v1/inspection/findings/" + id + "/recheck"), "officer",
                Map.of("passed", false, "reason", "照片看不清，请补充"), 200);
        assertThat(failed.at("/finding/state").asText()).isEqualTo("IN_PROGRESS");
        assertThat(failed.at("/finding/locked").asBoolean()).isFalse();
        JsonNode event = failed.get("timeline").get(failed.get("timeline").size() - 1);
        assertThat(event.get("action").asText()).isEqualTo("FAILED");
        assertThat(event.get("toState").asText()).isEqualTo("IN_PROGRESS");
        api(post("/api/v1/inspection/findings/" + id + "/notes"), "clerk", Map.of("note", "重新拍照"), 200);
    }

    @Test
    void dataScopeHoldsThroughPagesAndApi() throws Exception {
        OrgUnit shiqiao = township("石桥乡");
        long id = countyFinding(shiqiao, postOf(shiqiao, PostKind.PROPAGANDA_MEMBER), TODAY.plusDays(20));

        // Another township's officer and a village clerk get 404, on pages and API.
        for (String outsider : List.of("officer", "clerk", "officer3")) {
            mvc.perform(get("/inspection/findings/" + id).with(as(outsider))).andExpect(status().isNotFound());
            api(get("/api/v1/inspection/findings/" + id), outsider, null, 404);
            api(post("/api/v1/inspection/findings/" + id + "/start"), outsider, Map.of(), 404);
        }
        // The township itself and the county see it.
        mvc.perform(get("/inspection/findings/" + id).with(as("officer2"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"start\"")));
        mvc.perform(get("/inspection/findings/" + id).with(as("county"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("id=\"start\""))));
        // Lists are filtered too.
        JsonNode list = api(get("/api/v1/inspection/findings?unitId=" + shiqiao.getId()), "county", null, 200);
        assertThat(list.get("content").findValuesAsText("id")).contains(String.valueOf(id));
        JsonNode officerList = api(get("/api/v1/inspection/findings?size=200"), "officer", null, 200);
        assertThat(officerList.get("content").findValuesAsText("unitName")).doesNotContain("石桥乡");
        api(get("/api/v1/inspection/findings?unitId=" + shiqiao.getId()), "officer", null, 404);

        // A village clerk sees only the findings of the village.
        OrgUnit village = child(township("柳溪镇"), "柳溪村");
        findingService.raiseFinding(FindingSource.OTHER, village.getId(), "村务公开栏破损", null,
                postOf(village, PostKind.PROPAGANDIST), TODAY.plusDays(30), null);
        JsonNode clerkList = api(get("/api/v1/inspection/findings"), "clerk", null, 200);
        assertThat(clerkList.get("content").findValuesAsText("unitName")).containsOnly("柳溪村");

        // Read-only roles cannot write: county reviewer (rectification), township leader (anything).
        api(post("/api/v1/inspection/findings/" + id + "/notes"), "county", Map.of("note", "x"), 403);
        mvc.perform(post("/inspection/findings/" + id + "/start").with(csrf()).with(as("county")))
                .andExpect(status().isForbidden());
        api(post("/api/v1/inspection/checklists"), "leader", Map.of("title", "x"), 403);
        api(post("/api/v1/inspection/checklists"), "clerk", Map.of("title", "x"), 403);
        mvc.perform(post("/inspection/checklists").param("title", "x").with(csrf()).with(as("leader")))
                .andExpect(status().isForbidden());
    }

    @Test
    void visitsAndChecklistsFollowTheHierarchy() throws Exception {
        long countyChecklist = checklist("county");
        // A township sees the county's checklist but cannot edit it.
        api(get("/api/v1/inspection/checklists/" + countyChecklist), "officer", null, 200);
        api(post("/api/v1/inspection/checklists/" + countyChecklist + "/items"), "officer",
                Map.of("itemNo", "9", "title", "x", "category", "OTHER"), 403);
        // The township's own checklist is invisible to other townships.
        long townshipChecklist = checklist("officer");
        api(get("/api/v1/inspection/checklists/" + townshipChecklist), "officer2", null, 404);
        api(get("/api/v1/inspection/checklists/" + townshipChecklist), "clerk", null, 200);
        // A visit goes below, never to one's own unit or another township.
        OrgUnit liuxi = township("柳溪镇");
        api(post("/api/v1/inspection/visits"), "officer",
                Map.of("checklistId", townshipChecklist, "heldOn", TODAY.toString(), "unitIds", List.of(liuxi.getId())), 409);
        api(post("/api/v1/inspection/visits"), "officer",
                Map.of("checklistId", townshipChecklist, "heldOn", TODAY.toString(),
                        "unitIds", List.of(township("石桥乡").getId())), 404);
        // Duplicate item numbers are refused.
        api(post("/api/v1/inspection/checklists/" + countyChecklist + "/items"), "county",
                Map.of("itemNo", "1", "title", "重复", "category", "OTHER"), 409);
    }

    @Test
    void validationErrorsAnswer400WithFieldErrors() throws Exception {
        JsonNode problem = api(post("/api/v1/inspection/checklists"), "county", Map.of("title", ""), 400);
        assertThat(problem.get("fieldErrors").findValuesAsText("field")).containsExactly("title");
        assertThat(problem.get("fieldErrors").findValuesAsText("message")).containsExactly("请填写清单名称");

        JsonNode visit = api(post("/api/v1/inspection/visits"), "county", Map.of("team", "x"), 400);
        assertThat(visit.get("fieldErrors").findValuesAsText("field")).contains("checklistId", "heldOn", "unitIds");

        OrgUnit shiqiao = township("石桥乡");
        long id = countyFinding(shiqiao, postOf(shiqiao, PostKind.PROPAGANDA_MEMBER), TODAY.plusDays(20));
        JsonNode recheck = api(post("/api/v1/inspection/findings/" + id + "/recheck"), "county", Map.of(), 400);
        assertThat(recheck.get("fieldErrors").findValuesAsText("field")).contains("passed", "reason");

        // Pages re-render with 400 and the message beside the field.
        mvc.perform(post("/inspection/checklists").param("title", " ").with(csrf()).with(as("county")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("请填写清单名称")));
        mvc.perform(post("/inspection/findings/" + id + "/notes").param("note", "").with(csrf()).with(as("officer2")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("请填写说明")));
        // Moving a deadline needs a reason.
        api(put("/api/v1/inspection/findings/" + id + "/plan"), "officer2",
                Map.of("ownerPostId", postOf(shiqiao, PostKind.PROPAGANDA_MEMBER),
                        "deadline", TODAY.plusDays(60).toString()), 409);
        // An owner post of another township is refused.
        api(put("/api/v1/inspection/findings/" + id + "/plan"), "county",
                Map.of("ownerPostId", postOf(township("柳溪镇"), PostKind.PROPAGANDA_MEMBER),
                        "deadline", TODAY.plusDays(20).toString()), 403);
        api(put("/api/v1/inspection/findings/" + id + "/plan"), "officer2",
                Map.of("ownerPostId", postOf(township("柳溪镇"), PostKind.PROPAGANDA_MEMBER),
                        "deadline", TODAY.plusDays(20).toString()), 409);
    }

    @Test
    void aSelfInspectionIsAnsweredOnOnePageWithOneSave() throws Exception {
        long checklist = checklist("county");
        JsonNode started = api(post("/api/v1/inspection/checklists/" + checklist + "/self-inspections"), "officer", null, 201);
        long id = started.at("/inspection/id").asLong();
        List<Long> items = started.get("answers").findValues("itemId").stream().map(JsonNode::asLong).toList();
        String page = mvc.perform(get("/inspection/inspections/" + id).with(as("officer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"answers-form\"").contains("form=\"answers-form\"")
                .containsPattern("<textarea[^>]*name=\"answers\\[1]\\.statement\"");
        // a statement without a result: told beside its item, everything typed kept, nothing saved
        String refused = mvc.perform(post("/inspection/inspections/" + id + "/answers").with(csrf()).with(as("officer"))
                        .param("answers[0].itemId", String.valueOf(items.get(0))).param("answers[0].result", "MEETS")
                        .param("answers[0].statement", "制度健全，记录完整")
                        .param("answers[1].itemId", String.valueOf(items.get(1))).param("answers[1].statement", "两处喇叭待修"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("id=\"answer-error-" + items.get(1) + "\"").contains("请选择检查结果")
                .contains("制度健全，记录完整").contains("两处喇叭待修").doesNotContain("id=\"error-page\"");
        assertThat(api(get("/api/v1/inspection/inspections/" + id), "officer", null, 200).get("answers")
                .findValues("result").stream().filter(r -> !r.isNull()).count()).isZero();
        // both at once
        mvc.perform(post("/inspection/inspections/" + id + "/answers").with(csrf()).with(as("officer"))
                        .param("answers[0].itemId", String.valueOf(items.get(0))).param("answers[0].result", "MEETS")
                        .param("answers[0].statement", "制度健全，记录完整")
                        .param("answers[1].itemId", String.valueOf(items.get(1))).param("answers[1].result", "NOT_MET")
                        .param("answers[1].statement", "两处喇叭待修"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("flash", "已保存 2 项作答。"));
        assertThat(api(get("/api/v1/inspection/inspections/" + id), "officer", null, 200).get("answers")
                .findValues("result").stream().map(JsonNode::asText).toList()).containsExactlyInAnyOrder("MEETS", "NOT_MET");
    }

    @Test
    void aSelfInspectionTurnsUnmetItemsIntoFindings() throws Exception {
        long checklist = checklist("county");
        JsonNode started = api(post("/api/v1/inspection/checklists/" + checklist + "/self-inspections"), "officer", null, 201);
        long id = started.at("/inspection/id").asLong();
        List<Long> items = started.get("answers").findValues("itemId").stream().map(JsonNode::asLong).toList();
        assertThat(items).hasSize(2);
        api(put("/api/v1/inspection/inspections/" + id + "/items/" + items.get(0)), "officer",
                Map.of("result", "MEETS", "statement", "健全"), 200);
        OrgUnit liuxi = township("柳溪镇");
        long owner = postOf(liuxi, PostKind.PROPAGANDA_MEMBER);
        // Not every item answered yet.
        api(post("/api/v1/inspection/inspections/" + id + "/finish-self"), "officer",
                Map.of("ownerPostId", owner, "deadline", TODAY.plusDays(30).toString()), 409);
        // the page says which, on the inspection page itself, not on an error page
        String refused = mvc.perform(post("/inspection/inspections/" + id + "/finish-self").with(csrf())
                        .with(org.luoshi.TestUsers.as(users, "officer")).param("ownerPostId", String.valueOf(owner))
                        .param("deadline", TODAY.plusDays(30).toString()).param("summary", "自查小结"))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("id=\"rule-error\"").contains("还有 1 个检查项目未作答：第 2 项。")
                .contains("id=\"inspection-status\"")
                // a 情况说明 is written in sentences: a text area, showing what was answered
                .containsPattern("<textarea[^>]*name=\"answers\\[\\d+]\\.statement\"[^>]*>健全</textarea>");
        api(put("/api/v1/inspection/inspections/" + id + "/items/" + items.get(1)), "officer",
                Map.of("result", "NOT_MET", "statement", "两处喇叭损坏"), 200);
        long meeting = ledger.list(units.systemScope("test"), new org.luoshi.ledger.RecordFilter("MEETING", liuxi.getId(), null,
                null, null, null, false), null, 1).records().get(0).id();
        api(post("/api/v1/inspection/inspections/" + id + "/items/" + items.get(1) + "/ledger-records"), "officer",
                Map.of("ledgerRecordId", meeting), 200);
        mvc.perform(multipart("/api/v1/inspection/inspections/" + id + "/items/" + items.get(1) + "/evidence")
                        .file(new MockMultipartFile("file", "喇叭.png", "image/png", PNG)).with(as("officer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.evidence[0].ledgerRecordId").value(meeting))
                .andExpect(jsonPath("$.evidence[1].fileName").value("喇叭.png"));
        // The county reviewer cannot answer a township's self-inspection.
        api(put("/api/v1/inspection/inspections/" + id + "/items/" + items.get(1)), "county",
                Map.of("result", "MEETS"), 403);
        JsonNode finished = api(post("/api/v1/inspection/inspections/" + id + "/finish-self"), "officer",
                Map.of("ownerPostId", owner, "deadline", TODAY.plusDays(30).toString()), 200);
        assertThat(finished.at("/inspection/status").asText()).isEqualTo("FINISHED");
        assertThat(finished.get("findings")).hasSize(1);
        JsonNode finding = finished.get("findings").get(0);
        assertThat(finding.get("source").asText()).isEqualTo("SELF_INSPECTION");
        assertThat(finding.get("title").asText()).isEqualTo("2 阵地巡查");
        assertThat(finding.get("category").asText()).isEqualTo("POSITION");
        assertThat(finding.get("detail").asText()).isEqualTo("两处喇叭损坏");
        // Finished: no more answers.
        api(put("/api/v1/inspection/inspections/" + id + "/items/" + items.get(0)), "officer",
                Map.of("result", "PARTLY"), 409);
        // The page shows it.
        mvc.perform(get("/inspection/inspections/" + id).with(as("officer"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("2 阵地巡查")));
        mvc.perform(get("/inspection/inspections/" + id).with(as("officer2"))).andExpect(status().isNotFound());
    }

    @Test
    void checklistImportThroughThePageRefusesBadRowsAndSavesNothing() throws Exception {
        String title = "导入测试-" + UUID.randomUUID();
        byte[] bad = ChecklistXlsxTest.sheet(List.of(List.of("1", "好的一行"), List.of("", "缺序号")));
        mvc.perform(multipart("/inspection/checklists/import")
                        .file(new MockMultipartFile("file", "清单.xlsx", null, bad))
                        .param("title", title).with(csrf()).with(as("county")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("第3行：序号不能为空")));
        assertThat(api(get("/api/v1/inspection/checklists"), "county", null, 200).findValuesAsText("title"))
                .doesNotContain(title);
        // Not an xlsx at all.
        mvc.perform(multipart("/inspection/checklists/import")
                        .file(new MockMultipartFile("file", "清单.xlsx", null, "hello".getBytes()))
                        .param("title", title).with(csrf()).with(as("county")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("不是 Excel")));
        // An old .xls workbook, refused by the same file checks as the ledger exchange.
        mvc.perform(multipart("/inspection/checklists/import")
                        .file(new MockMultipartFile("file", "清单.xlsx", null, ChecklistXlsxTest.ole("Workbook")))
                        .param("title", title).with(csrf()).with(as("county")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("旧版 Excel（.xls）")));
        // Through the API, errors come as a list.
        mvc.perform(multipart("/api/v1/inspection/checklists/import")
                        .file(new MockMultipartFile("file", "清单.xlsx", null, bad)).param("title", title).with(as("county")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0]").value("第3行：序号不能为空"));

        // A good file imports; its export imports again to the same items.
        byte[] good = ChecklistXlsxTest.sheet(List.of(List.of("1", "第一项", "指引", "佐证", "理论学习"), List.of("2", "第二项")));
        String location = mvc.perform(multipart("/inspection/checklists/import")
                        .file(new MockMultipartFile("file", "清单.xlsx", null, good))
                        .param("title", title).with(csrf()).with(as("county")))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        byte[] exported = mvc.perform(get("/inspection/checklists/" + id + "/export.xlsx").with(as("officer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        JsonNode reimported = json.readTree(mvc.perform(multipart("/api/v1/inspection/checklists/import")
                        .file(new MockMultipartFile("file", "x.xlsx", null, exported)).param("title", title + "-2")
                        .with(as("county")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        assertThat(reimported.get("items").findValuesAsText("title")).containsExactly("第一项", "第二项");
        assertThat(reimported.get("items").findValuesAsText("category")).containsExactly("STUDY", "OTHER");
        // Leaders cannot import.
        mvc.perform(multipart("/inspection/checklists/import").file(new MockMultipartFile("file", "x.xlsx", null, good))
                .param("title", "x").with(csrf()).with(as("leader"))).andExpect(status().isForbidden());
    }

    @Test
    void overdueWarningsGoToTheOwnerAndTheLeaderOnceAndCountsShowOnThePanel() throws Exception {
        OrgUnit shiqiao = township("石桥乡");
        long id = countyFinding(shiqiao, postOf(shiqiao, PostKind.PROPAGANDA_MEMBER), TODAY.plusDays(2));
        Finding finding = findingRepository.findById(id).orElseThrow();
        OverdueWarnings warnings = new OverdueWarnings(findingRepository, findingService, null);

        // Pretend it is three days later in Shanghai: the deadline has passed.
        java.time.Instant later = TODAY.plusDays(3).atTime(9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
        OverdueRule lateRule = new OverdueRule(java.time.Clock.fixed(later, ZoneId.of("UTC")), 7);
        long before = notificationRepository.count();
        warnings.warn(lateRule);
        List<Notification> sent = notificationRepository.findAll().stream()
                .filter(n -> n.getMessage().contains(finding.getTitle()) && n.getMessage().contains("已逾期")).toList();
        assertThat(sent).extracting(Notification::getRole).containsExactlyInAnyOrder("TOWNSHIP_OFFICER", "TOWNSHIP_LEADER");
        assertThat(sent).allSatisfy(n -> assertThat(n.getUnitId()).isEqualTo(shiqiao.getId()));
        assertThat(findingRepository.findById(id).orElseThrow().getWarnedLevel()).isEqualTo("RED");
        long after = notificationRepository.count();
        assertThat(after).isGreaterThan(before);
        // Not sent twice.
        warnings.warn(lateRule);
        assertThat(notificationRepository.findAll().stream()
                .filter(n -> n.getMessage().contains(finding.getTitle()) && n.getMessage().contains("已逾期")).count())
                .isEqualTo(2);

        // The panel (no layout) shows counts; the demo's 石桥乡 has an overdue task already.
        String panel = mvc.perform(get("/inspection/panel").with(as("officer2"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(panel).contains("inspection-panel").doesNotContain("<html");
        FindingCounts counts = findings.counts(new Actor(
                org.luoshi.org.DataScope.ofUser("officer2", shiqiao.getId(), shiqiao.getPath(), true), "TOWNSHIP_OFFICER"));
        assertThat(counts.overdue()).isGreaterThanOrEqualTo(1);
        assertThat(panel).contains(">" + counts.open() + "<").contains(">" + counts.overdue() + "<");
        // The leader's notices page lists the warning.
        mvc.perform(get("/inspection/notifications").with(as("leader"))).andExpect(status().isOk());
        mvc.perform(get("/inspection/notifications").with(as("officer2"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(finding.getTitle())));
    }

    @Test
    void theOverviewShowsRatesPerTownshipAndExportsThem() throws Exception {
        mvc.perform(get("/inspection/overview").with(as("county"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("石桥乡")));
        JsonNode overview = api(get("/api/v1/inspection/overview"), "county", null, 200);
        JsonNode shiqiao = null;
        for (JsonNode r : overview.get("rates")) {
            if (r.get("unitName").asText().equals("石桥乡")) {
                shiqiao = r;
            }
        }
        assertThat(shiqiao).isNotNull();
        long total = shiqiao.get("total").asLong();
        long passed = shiqiao.get("passed").asLong();
        assertThat(passed).isGreaterThanOrEqualTo(1);
        assertThat(shiqiao.get("ratePercent").asInt()).isEqualTo((int) Math.round(passed * 100.0 / total));

        byte[] xlsx = mvc.perform(get("/inspection/overview.xlsx").param("source", "VISIT").with(as("county")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rates = wb.getSheet(0).orElseThrow().read();
            assertThat(rates.get(0).getCellText(0)).isEqualTo("单位");
            Row sq = rates.stream().filter(r -> r.getCellText(0).equals("石桥乡")).findFirst().orElseThrow();
            assertThat(sq.getCellAsNumber(1).orElseThrow().longValue()).isEqualTo(total);
            assertThat(sq.getCellAsNumber(2).orElseThrow().longValue()).isEqualTo(passed);
            List<Row> list = wb.getSheet(1).orElseThrow().read();
            assertThat(list.stream().skip(1).map(r -> r.getCellText(2)).distinct().toList()).containsOnly("督导检查");
        }
        // The export has no row limit: with pages of 2 rows it still lists every finding the filter matches,
        // once each, by unit, deadline and id.
        long matching = findingService.count(new Actor(units.systemScope("test"), Actor.ADMIN), FindingFilter.none());
        int pageSize = findingService.exportPageSize;
        findingService.exportPageSize = 2;
        try {
            byte[] all = mvc.perform(get("/inspection/overview.xlsx").with(as("admin")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(all))) {
                List<Long> ids = wb.getSheet(1).orElseThrow().read().stream().skip(1)
                        .map(r -> r.getCellAsNumber(0).orElseThrow().longValue()).toList();
                assertThat(ids).hasSize((int) matching).doesNotHaveDuplicates();
                assertThat(ids).hasSizeGreaterThan(2);
            }
        } finally {
            findingService.exportPageSize = pageSize;
        }
        // A township's overview covers its villages only.
        JsonNode township = api(get("/api/v1/inspection/overview"), "officer", null, 200);
        assertThat(township.get("rates").findValuesAsText("unitName")).doesNotContain("石桥乡");
    }

    @Test
    void theDemoDataTellsTheStory() throws Exception {
        JsonNode shiqiao = api(get("/api/v1/inspection/findings?source=VISIT"), "officer2", null, 200);
        assertThat(shiqiao.get("content").findValuesAsText("title")).contains("乡农家书屋借阅登记两个月空白");
        JsonNode overdue = api(get("/api/v1/inspection/findings?overdue=true"), "officer2", null, 200);
        assertThat(overdue.get("content").findValuesAsText("title")).contains("中心组研讨发言材料缺失");
        JsonNode passed = api(get("/api/v1/inspection/findings?state=PASSED"), "officer2", null, 200);
        assertThat(passed.get("content").findValuesAsText("locked")).contains("true");
        JsonNode liuxi = api(get("/api/v1/inspection/findings?source=SELF_INSPECTION&state=IN_PROGRESS"), "officer", null, 200);
        assertThat(liuxi.get("content").findValuesAsText("title")).anyMatch(t -> t.contains("村村响") || t.contains("阵地"));
    }

    @Test
    void deadlinesBeforeTodayAreRefusedWhenSetOrMoved() throws Exception {
        OrgUnit shiqiao = township("石桥乡");
        long owner = postOf(shiqiao, PostKind.PROPAGANDA_MEMBER);
        String yesterday = TODAY.minusDays(1).toString();
        String message = "整改期限不能早于今天（" + TODAY + "）";
        long id = countyFinding(shiqiao, owner, TODAY.plusDays(20));
        long visitId = findingRepository.findById(id).orElseThrow().getInspectionId();
        long before = findingRepository.count();

        // A new finding of a visit with yesterday's deadline: 400 with the field error, nothing saved.
        JsonNode created = api(post("/api/v1/inspection/inspections/" + visitId + "/findings"), "county",
                Map.of("unitId", shiqiao.getId(), "title", "过期问题", "ownerPostId", owner, "deadline", yesterday), 400);
        assertThat(created.get("fieldErrors").findValuesAsText("field")).containsExactly("deadline");
        assertThat(created.get("fieldErrors").findValuesAsText("message")).containsExactly(message);
        mvc.perform(post("/inspection/inspections/" + visitId + "/findings").param("unitId", shiqiao.getId().toString())
                        .param("title", "过期问题").param("ownerPostId", String.valueOf(owner)).param("deadline", yesterday)
                        .with(csrf()).with(as("county")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(message)));
        assertThat(findingRepository.count()).isEqualTo(before);

        // Moving a deadline into the past, even with a reason, page and API.
        JsonNode moved = api(put("/api/v1/inspection/findings/" + id + "/plan"), "officer2",
                Map.of("ownerPostId", owner, "deadline", yesterday, "reason", "补录"), 400);
        assertThat(moved.get("fieldErrors").findValuesAsText("message")).containsExactly(message);
        mvc.perform(post("/inspection/findings/" + id + "/plan").param("ownerPostId", String.valueOf(owner))
                        .param("deadline", yesterday).param("reason", "补录").with(csrf()).with(as("officer2")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(message)));
        assertThat(findingRepository.findById(id).orElseThrow().getDeadline()).isEqualTo(TODAY.plusDays(20));
        // Today itself is fine.
        api(put("/api/v1/inspection/findings/" + id + "/plan"), "officer2",
                Map.of("ownerPostId", owner, "deadline", TODAY.toString(), "reason", "提前完成"), 200);

        // A task whose deadline has already passed may still be planned without moving it.
        long overdue = findingService.raiseFinding(FindingSource.VENUE_FAULT, shiqiao.getId(), "已逾期的问题", null,
                owner, TODAY.minusDays(3), "阵地巡查记录");
        api(put("/api/v1/inspection/findings/" + overdue + "/plan"), "officer2",
                Map.of("ownerPostId", owner, "deadline", TODAY.minusDays(3).toString(), "measures", "专人负责"), 200);
        // A follow-up is a new task: its deadline may not be in the past either.
        JsonNode follow = api(post("/api/v1/inspection/findings/" + overdue + "/follow-up"), "county",
                Map.of("title", "再查", "deadline", yesterday), 400);
        assertThat(follow.get("fieldErrors").findValuesAsText("field")).containsExactly("deadline");
    }

    @Test
    void otherModulesRaiseFindingsThroughThePublicMethod() throws Exception {
        OrgUnit liuxi = township("柳溪镇");
        OrgUnit village = child(liuxi, "上塘村");
        long id = findingService.raiseFinding(FindingSource.VENUE_FAULT, village.getId(), "村村响喇叭损坏", "巡查发现",
                postOf(village, PostKind.PROPAGANDIST), TODAY.plusDays(7), "阵地巡查记录");
        JsonNode f = api(get("/api/v1/inspection/findings/" + id), "officer", null, 200);
        assertThat(f.at("/finding/source").asText()).isEqualTo("VENUE_FAULT");
        assertThat(f.at("/finding/category").asText()).isEqualTo("POSITION");
        assertThat(f.at("/finding/raisedByUnitId").asLong()).isEqualTo(liuxi.getId());
        assertThat(f.at("/finding/urgency").asText()).isEqualTo("NEAR");
        api(get("/api/v1/inspection/findings/" + id), "clerk", null, 404);
    }

    @Test
    void reportsReadOpenAndClosedFindingsOfAUnit() throws Exception {
        OrgUnit shiqiao = township("石桥乡");
        org.luoshi.org.DataScope officer2 = org.luoshi.org.DataScope.ofUser("officer2", shiqiao.getId(), shiqiao.getPath(), true);
        List<FindingSummary> all = findingService.summaries(officer2, shiqiao.getId(), TODAY.minusDays(400), TODAY.plusDays(1));
        assertThat(all).anySatisfy(s -> {
            assertThat(s.title()).isEqualTo("乡农家书屋借阅登记两个月空白");
            assertThat(s.state()).isEqualTo("PASSED");
            assertThat(s.closedAt()).isNotNull();
        });
        assertThat(all).anySatisfy(s -> {
            assertThat(s.title()).isEqualTo("中心组研讨发言材料缺失");
            assertThat(s.overdue()).isTrue();
            assertThat(s.closedAt()).isNull();
        });
        assertThat(all).allSatisfy(s -> assertThat(s.unitName()).isIn("石桥乡", "石桥村", "青山村", "河口村", "东岭村", "桃源村", "文化站", "党政办"));
        assertThat(findingService.summaries(officer2, shiqiao.getId(), TODAY.plusDays(1), TODAY.plusDays(2))).isEmpty();
        OrgUnit liuxi = township("柳溪镇");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> findingService.summaries(officer2, liuxi.getId(),
                TODAY.minusDays(400), TODAY.plusDays(1))).isInstanceOf(org.luoshi.web.NotFoundException.class);
    }

    @Test
    void everyPageRendersForEveryRole() throws Exception {
        for (String user : List.of("admin", "county", "officer", "leader", "clerk", "officer2")) {
            for (String page : List.of("/inspection/findings", "/inspection/overview", "/inspection/checklists",
                    "/inspection/self-inspections", "/inspection/visits", "/inspection/notifications",
                    "/inspection/findings?overdue=true&source=VISIT&state=IN_PROGRESS")) {
                mvc.perform(get(page).with(as(user))).andExpect(status().isOk());
            }
        }
        long checklist = checklist("county");
        mvc.perform(get("/inspection/checklists/" + checklist).with(as("officer"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"start-self\"")));
        mvc.perform(get("/inspection/visits/new").with(as("county"))).andExpect(status().isOk());
        mvc.perform(get("/inspection/visits/new").with(as("clerk"))).andExpect(status().isForbidden());
        String docs = mvc.perform(get("/v3/api-docs").with(as("county"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(docs).contains("/api/v1/inspection/findings/{id}/recheck", "/api/v1/inspection/checklists/import");
    }
}
