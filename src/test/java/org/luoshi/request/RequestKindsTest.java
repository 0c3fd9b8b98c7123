package org.luoshi.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.TestClock;
import org.luoshi.TestUsers;
import org.luoshi.XlsxDownload;
import org.luoshi.account.AccountService;
import org.luoshi.account.Role;
import org.luoshi.inspection.Notifications;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitCommand;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The other kinds of request: a report of a kind for a year, answered by the township's report (generated
 * on opening, submitted with the answer, reviewed once), and free questions answered in text. Each test
 * makes its own township, so that no other test's reports or answers are in the way.
 */
@LuoshiTest
class RequestKindsTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired OrgUnitService units;
    @Autowired AccountService accounts;
    @Autowired TaskAnswerRepository answers;
    @Autowired ReportingTaskRepository tasks;
    @Autowired RequestService requests;
    @Autowired Notifications notifications;
    @Autowired ObjectMapper json;

    static final LocalDate TODAY = TestClock.today();
    static final LocalDate JAN_1 = TODAY.withDayOfYear(1);

    OrgUnit township;
    String officer;
    /** The township's party secretary, whose 审定 a report needs before it goes up. */
    String leader;
    String title;

    @BeforeEach
    void township() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        var system = units.systemScope("test");
        township = units.create(system, new OrgUnitCommand(units.root().orElseThrow().getId(), OrgUnitKind.TOWNSHIP,
                "报送" + tag + "镇", null, 20_000, 99));
        officer = "req-off-" + tag;
        accounts.create(system, officer, "宣传委员", "Luoshi@2026", Role.TOWNSHIP_OFFICER, township.getId(), false);
        leader = "req-lead-" + tag;
        accounts.create(system, leader, "党委书记", "Luoshi@2026", Role.TOWNSHIP_LEADER, township.getId(), false);
        title = "任务-" + tag;
    }

    ResultActions as(String user, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(TestUsers.as(users, user)).with(csrf()));
    }

    MockHttpServletRequestBuilder send() {
        return send(JAN_1);
    }

    MockHttpServletRequestBuilder send(LocalDate from) {
        return post("/requests").param("title", title).param("from", from.toString()).param("to", TODAY.toString())
                .param("deadline", TODAY.plusDays(7).toString()).param("townshipIds", township.getId().toString());
    }

    long answerOf(String location) {
        long taskId = Long.parseLong(location.substring("/requests/".length()));
        return answers.findByTaskIdAndTownshipId(taskId, township.getId()).orElseThrow().getId();
    }

    JsonNode report(long id) throws Exception {
        return json.readTree(as(officer, get("/api/v1/reports/" + id)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    /** What the officer does on the report page before it can go up: settle each missing figure, write the problems. */
    void clearMarkers(long id) throws Exception {
        Set<String> figures = new LinkedHashSet<>();
        for (JsonNode block : report(id).get("blocks")) {
            for (JsonNode line : block.get("lines")) {
                for (JsonNode part : line) {
                    if (part.get("missing").asBoolean() && part.hasNonNull("figure")) {
                        figures.add(part.get("figure").asText());
                    }
                }
            }
        }
        for (String figure : figures) {
            // some figures cannot read "本年度无" (a list): they are left out instead
            int code = as(officer, post("/report/" + id + "/resolve").param("figure", figure).param("resolution",
                    "NONE_THIS_YEAR")).andReturn().getResponse().getStatus();
            if (code != 302) {
                as(officer, post("/report/" + id + "/resolve").param("figure", figure).param("resolution", "DELETE"));
            }
        }
        writeProblems(id, "台账资料归档还不够及时。");
        assertThat(report(id).get("markers").size()).as("markers left").isZero();
    }

    void writeProblems(long id, String text) throws Exception {
        JsonNode view = report(id);
        List<String> keys = new java.util.ArrayList<>();
        view.get("blocks").forEach(b -> keys.add(b.get("key").asText()));
        assertThat(keys).as("the report's blocks").contains("problems");
        as(officer, post("/report/" + id).param("title", view.get("report").get("title").asText())
                .param("unitName", "中共测试镇委员会").param("reportDate", TODAY.toString()).param("addressee", "中共青禾县委宣传部")
                .param("expectedVersion", view.get("version").asText()).param("texts[problems]", text))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void aReportRequestIsAnsweredByTheTownshipsReportReviewedOnce() throws Exception {
        // refused: a period over two years (reports are yearly), and a kind that cannot be generated unasked
        as("county", send(JAN_1.minusYears(1)).param("reportKind", "RESPONSIBILITY"))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("统计期间须在同一年度内")));
        as("county", send().param("reportKind", "SELF_INSPECTION")).andExpect(status().isConflict())
                .andExpect(content().string(containsString("请选择可报送的报告类型")));

        long answerId = answerOf(as("county", send().param("reportKind", "RESPONSIBILITY"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl());
        assertThat(answers.findById(answerId).orElseThrow().getReportId()).isNull();
        as("county", get("/requests/answers/" + answerId)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"no-report\"")));

        // the township opens the request: its report of the year is generated from its records and linked
        String page = as(officer, get("/requests/answers/" + answerId)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"report-link\"")))
                .andExpect(content().string(containsString("报送报告"))).andReturn().getResponse().getContentAsString();
        Long reportId = answers.findById(answerId).orElseThrow().getReportId();
        assertThat(reportId).isNotNull();
        assertThat(page).contains("/report/" + reportId);
        assertThat(report(reportId).get("report").get("year").asInt()).isEqualTo(TODAY.getYear());
        // opening again links the same report: no second one
        as(officer, get("/requests/answers/" + answerId)).andExpect(status().isOk());
        assertThat(answers.findById(answerId).orElseThrow().getReportId()).isEqualTo(reportId);

        // another township's officer does not see it
        as("officer2", get("/requests/answers/" + answerId)).andExpect(status().isNotFound());
        as("officer2", post("/requests/answers/" + answerId + "/submit")).andExpect(status().isNotFound());

        // the report still has a 【待补充】: the answer is refused with the report's reason, and stays open
        writeProblems(reportId, "【待补充：存在的问题】");
        as(officer, post("/requests/answers/" + answerId + "/submit")).andExpect(status().isConflict())
                .andExpect(content().string(containsString("待补充")));
        assertThat(answers.findById(answerId).orElseThrow().getStatus()).isEqualTo(AnswerStatus.OPEN);

        // once settled, the report still needs the party secretary's 审定 before it goes up with the answer
        clearMarkers(reportId);
        as(officer, post("/requests/answers/" + answerId + "/submit")).andExpect(status().isConflict())
                .andExpect(content().string(containsString("审定")));
        assertThat(answers.findById(answerId).orElseThrow().getStatus()).isEqualTo(AnswerStatus.OPEN);
        as(leader, post("/report/" + reportId + "/approve")).andExpect(status().is3xxRedirection());
        // then one step submits the answer and sends the report for review
        as(officer, post("/requests/answers/" + answerId + "/submit").param("explanation", "请审阅"))
                .andExpect(status().is3xxRedirection());
        assertThat(answers.findById(answerId).orElseThrow().getStatus()).isEqualTo(AnswerStatus.SUBMITTED);
        assertThat(report(reportId).get("report").get("status").asText()).isEqualTo("SUBMITTED");

        // the county reads the report from the request page, and returns it: one review, one notice
        as("county", get("/requests/answers/" + answerId)).andExpect(status().isOk())
                .andExpect(content().string(containsString("/report/" + reportId)));
        as("county", get("/report/" + reportId)).andExpect(status().isOk());
        long unread = notifications.unread(township.getId(), RequestService.OFFICERS);
        as("county", post("/requests/answers/" + answerId + "/return").param("reason", "请补充阵地建设情况"))
                .andExpect(status().is3xxRedirection());
        assertThat(notifications.unread(township.getId(), RequestService.OFFICERS)).isEqualTo(unread + 1);
        TaskAnswer returned = answers.findById(answerId).orElseThrow();
        assertThat(returned.getStatus()).isEqualTo(AnswerStatus.RETURNED);
        assertThat(returned.getReturnReason()).isEqualTo("请补充阵地建设情况");
        assertThat(report(reportId).get("report").get("status").asText()).isEqualTo("RETURNED");

        // approved again after the return, answered again; the county accepts it on the report's own page, and the answer follows
        as(leader, post("/report/" + reportId + "/approve")).andExpect(status().is3xxRedirection());
        as(officer, post("/requests/answers/" + answerId + "/submit")).andExpect(status().is3xxRedirection());
        assertThat(report(reportId).get("report").get("status").asText()).isEqualTo("SUBMITTED");
        as("county", post("/report/" + reportId + "/accept")).andExpect(status().is3xxRedirection());
        assertThat(answers.findById(answerId).orElseThrow().getStatus()).isEqualTo(AnswerStatus.ACCEPTED);
        as("county", post("/requests/answers/" + answerId + "/accept")).andExpect(status().isConflict());
        as(officer, post("/requests/answers/" + answerId + "/submit")).andExpect(status().isConflict());

        List<List<String>> rows = XlsxDownload.rows(as("county", get("/requests/"
                + answers.findById(answerId).orElseThrow().getTaskId() + "/answers.xlsx")).andExpect(status().isOk()).andReturn());
        int column = rows.get(0).indexOf("报告");
        assertThat(rows.get(1).get(column)).contains("已采用");
    }

    @Test
    void freeQuestionsAreAnsweredInTextAndALateAnswerIsMarkedLate() throws Exception {
        as("county", send().param("questions", "\n  ")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请至少选择一项报送指标")));
        long answerId = answerOf(as("county", send().param("questions", "本年度意识形态工作的主要亮点\n存在的主要困难"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl());
        ReportingTask task = tasks.findById(answers.findById(answerId).orElseThrow().getTaskId()).orElseThrow();
        assertThat(task.getQuestions()).containsExactly("本年度意识形态工作的主要亮点", "存在的主要困难");
        assertThat(task.getMeasures()).isEmpty();

        as(officer, get("/requests/answers/" + answerId)).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"replies[1]\"")));
        as(officer, post("/requests/answers/" + answerId + "/submit").param("replies[0]", "新时代文明实践站全覆盖"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("请回答此问题")))
                .andExpect(content().string(containsString("新时代文明实践站全覆盖")));
        as("officer2", post("/requests/answers/" + answerId + "/submit").param("replies[0]", "x").param("replies[1]", "y"))
                .andExpect(status().isNotFound());

        // the deadline passes (moved back, since the form refuses a past one): the answer is taken, marked late
        org.springframework.test.util.ReflectionTestUtils.setField(task, "deadline", TODAY.minusDays(1));
        tasks.saveAndFlush(task);
        as(officer, post("/requests/answers/" + answerId + "/submit").param("replies[0]", "新时代文明实践站全覆盖")
                .param("replies[1]", "专职人员不足")).andExpect(status().is3xxRedirection());
        TaskAnswer answered = answers.findById(answerId).orElseThrow();
        assertThat(answered.getReplies()).containsExactly("新时代文明实践站全覆盖", "专职人员不足");
        assertThat(requests.late(task, answered)).isTrue();
        as("county", get("/requests/answers/" + answerId)).andExpect(status().isOk())
                .andExpect(content().string(containsString("专职人员不足"))).andExpect(content().string(containsString("逾期")));

        List<List<String>> rows = XlsxDownload.rows(as("county", get("/requests/" + task.getId() + "/answers.xlsx"))
                .andExpect(status().isOk()).andReturn());
        // the printable summary: every township's status and replies, the county's only
        as("county", get("/requests/" + task.getId() + "/summary")).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"summary-" + township.getId() + "\"")))
                .andExpect(content().string(containsString("专职人员不足")))
                .andExpect(content().string(containsString("已报送 1 个，逾期 1 个")));
        as(officer, get("/requests/" + task.getId() + "/summary")).andExpect(status().isForbidden());
        as("county", get("/requests/" + Long.MAX_VALUE + "/summary")).andExpect(status().isNotFound());
        int column = rows.get(0).indexOf("问题回答");
        assertThat(rows.get(1).get(column)).contains("存在的主要困难：专职人员不足");
        assertThat(rows.get(1).get(rows.get(0).indexOf("逾期"))).isIn("是", "true", "TRUE");
    }
}
