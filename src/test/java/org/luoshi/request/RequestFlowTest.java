package org.luoshi.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.TestClock;
import org.luoshi.TestUsers;
import org.luoshi.XlsxDownload;
import org.luoshi.inspection.Notifications;
import org.luoshi.ledger.LedgerKind;
import org.luoshi.ledger.LedgerStatistics;
import org.luoshi.ledger.LedgerTerms;
import org.luoshi.ledger.Selection;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A measure request from the county to three demo townships: figures prefilled equal to the ledger's
 * statistics API, one township answers as prefilled, one types over a figure (marked, with its reason),
 * one does not answer and is reminded; return and accept (locked); the Excel summary reopened.
 */
@LuoshiTest
class RequestFlowTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    OrgUnitService units;

    @Autowired
    LedgerStatistics ledger;

    @Autowired
    TaskAnswerRepository answers;

    @Autowired
    ReportingTaskRepository tasks;

    @Autowired
    RequestService requests;

    @Autowired
    Notifications notifications;

    // the year so far, by the tests' business clock (the demo ledger covers it)
    static final LocalDate TODAY = TestClock.today();
    static final LocalDate FROM = TODAY.minusMonths(11).withDayOfMonth(1);

    ResultActions as(String user, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(TestUsers.as(users, user)).with(csrf()));
    }

    OrgUnit township(String name) {
        return units.ofKind(units.systemReader("test"), OrgUnitKind.TOWNSHIP).stream()
                .filter(t -> t.getName().equals(name)).findFirst().orElseThrow();
    }

    /** The figures as the ledger's statistics API gives them, asked here without the request module's code. */
    Map<String, BigDecimal> expected(OrgUnit t) {
        Selection study = Selection.of(t.getPath(), LedgerKind.STUDY_SESSION, FROM, TODAY)
                .where(LedgerTerms.SUB_KIND, LedgerTerms.CENTRAL_GROUP);
        return Map.of(
                "CENTRAL_GROUP_SESSIONS", BigDecimal.valueOf(ledger.count(study)),
                "ARTICLES_PUBLISHED", ledger.sum(Selection.of(t.getPath(), LedgerKind.MEDIA_PLACEMENT, FROM, TODAY)
                        .where(LedgerTerms.STATE, LedgerTerms.PUBLISHED), LedgerTerms.ARTICLE_COUNT),
                "VILLAGES_REACHED", BigDecimal.valueOf(ledger.villagesReached(
                        Selection.of(t.getPath(), LedgerKind.OUTREACH, FROM, TODAY)).covered()));
    }

    static final Pattern VALUE = Pattern.compile("name=\"values\\[(\\w+)\\]\"[^>]*value=\"([^\"]*)\"");

    /** The figures the answer form shows, by measure: what the browser would send back untouched. */
    Map<String, String> shownValues(String html) {
        Map<String, String> values = new java.util.HashMap<>();
        Matcher m = VALUE.matcher(html);
        while (m.find()) {
            values.put(m.group(1), m.group(2));
        }
        return values;
    }

    MockHttpServletRequestBuilder submit(long answerId, Map<String, String> shown) {
        return submit(answerId, shown, Map.of());
    }

    /** The form as shown, with some figures typed over. */
    MockHttpServletRequestBuilder submit(long answerId, Map<String, String> shown, Map<String, String> typed) {
        MockHttpServletRequestBuilder post = post("/requests/answers/" + answerId + "/submit");
        shown.forEach((measure, value) -> post.param("values[" + measure + "]", typed.getOrDefault(measure, value))
                .param("shown[" + measure + "]", value));
        return post;
    }

    @Test
    void countyAsksThreeTownshipsWhoAnswerFromTheirRecords() throws Exception {
        OrgUnit liuxi = township("柳溪镇");
        OrgUnit shiqiao = township("石桥乡");
        OrgUnit dongcheng = township("东城街道");
        int year = TestClock.now().atZone(TestClock.zone()).getYear();
        long receivedBefore = requests.receivedIn(units.systemReader("test"), year).getOrDefault(liuxi.getId(), 0L);
        String title = "半年报送-" + UUID.randomUUID().toString().substring(0, 8);

        // the form refuses a request without measures, beside the field
        as("county", post("/requests").param("title", title).param("from", FROM.toString()).param("to", TODAY.toString())
                .param("deadline", TODAY.plusDays(7).toString())).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请至少选择一项报送指标")));
        as("officer", post("/requests").param("title", title)).andExpect(status().isForbidden());

        String location = as("county", post("/requests").param("title", title).param("from", FROM.toString())
                .param("to", TODAY.toString()).param("deadline", TODAY.plusDays(7).toString())
                .param("measures", "CENTRAL_GROUP_SESSIONS", "ARTICLES_PUBLISHED", "VILLAGES_REACHED")
                .param("townshipIds", String.valueOf(liuxi.getId()), String.valueOf(shiqiao.getId()),
                        String.valueOf(dongcheng.getId())))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long taskId = Long.parseLong(location.substring("/requests/".length()));
        assertThat(answers.findByTaskIdOrderByIdAsc(taskId)).hasSize(3);
        assertThat(requests.receivedIn(units.systemReader("test"), year).get(liuxi.getId())).isEqualTo(receivedBefore + 1);
        long liuxiAnswer = answers.findByTaskIdAndTownshipId(taskId, liuxi.getId()).orElseThrow().getId();
        long shiqiaoAnswer = answers.findByTaskIdAndTownshipId(taskId, shiqiao.getId()).orElseThrow().getId();

        // 柳溪镇 finds every figure prefilled, equal to the statistics API, and submits without typing one
        as("officer", get("/requests")).andExpect(status().isOk()).andExpect(content().string(containsString(title)));
        String page = as("officer", get("/requests/answers/" + liuxiAnswer)).andExpect(status().isOk())
                .andExpect(content().string(containsString("/ledger/study-session?unitId=" + liuxi.getId())))
                .andReturn().getResponse().getContentAsString();
        Map<String, String> shown = shownValues(page);
        assertThat(shown).hasSize(3);
        expected(liuxi).forEach((measure, value) ->
                assertThat(new BigDecimal(shown.get(measure))).as(measure).isEqualByComparingTo(value));
        assertThat(new BigDecimal(shown.get("CENTRAL_GROUP_SESSIONS"))).isPositive();
        as("officer", submit(liuxiAnswer, shown)).andExpect(status().is3xxRedirection());
        TaskAnswer submitted = answers.findById(liuxiAnswer).orElseThrow();
        assertThat(submitted.getStatus()).isEqualTo(AnswerStatus.SUBMITTED);
        assertThat(submitted.getFigures()).hasSize(3).noneMatch(TaskFigure::isTypedOver);
        as("officer", submit(liuxiAnswer, shown)).andExpect(status().isConflict());

        // a township sees neither the county's page nor another township's answer
        as("officer", get("/requests/" + taskId)).andExpect(status().isForbidden());
        as("officer", get("/requests/answers/" + shiqiaoAnswer)).andExpect(status().isNotFound());

        // 石桥乡 types over one figure: refused without a reason (beside the field), then kept and marked
        Map<String, String> shiqiaoShown = shownValues(as("officer2", get("/requests/answers/" + shiqiaoAnswer))
                .andReturn().getResponse().getContentAsString());
        BigDecimal records = new BigDecimal(shiqiaoShown.get("ARTICLES_PUBLISHED"));
        String typed = records.add(BigDecimal.valueOf(3)).toPlainString();
        as("officer2", submit(shiqiaoAnswer, shiqiaoShown, Map.of("ARTICLES_PUBLISHED", typed))).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("改填了台账数字，请写明原因")));
        as("officer2", submit(shiqiaoAnswer, shiqiaoShown, Map.of("ARTICLES_PUBLISHED", typed))
                .param("notes[ARTICLES_PUBLISHED]", "3篇刊发于12月，台账尚未录入")).andExpect(status().is3xxRedirection());
        TaskFigure articles = answers.findById(shiqiaoAnswer).orElseThrow().figure(Measure.ARTICLES_PUBLISHED).orElseThrow();
        assertThat(articles.isTypedOver()).isTrue();
        assertThat(articles.getFromRecords()).isEqualByComparingTo(records);
        assertThat(articles.getAnswered()).isEqualByComparingTo(typed);

        // the county sees answered and not answered; returns 石桥乡 with a reason, accepts 柳溪镇 (locked)
        as("county", get("/requests/" + taskId)).andExpect(status().isOk())
                .andExpect(content().string(containsString("已报送"))).andExpect(content().string(containsString("未报送")));
        as("county", get("/requests/answers/" + shiqiaoAnswer)).andExpect(status().isOk())
                .andExpect(content().string(containsString("手工改填")));
        as("county", post("/requests/answers/" + shiqiaoAnswer + "/return")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请填写退回理由")));
        long unreadBefore = notifications.unread(shiqiao.getId(), RequestService.OFFICERS);
        as("county", post("/requests/answers/" + shiqiaoAnswer + "/return").param("reason", "上稿数请先补录台账"))
                .andExpect(status().is3xxRedirection());
        assertThat(notifications.unread(shiqiao.getId(), RequestService.OFFICERS)).isEqualTo(unreadBefore + 1);
        as("officer2", get("/requests/answers/" + shiqiaoAnswer)).andExpect(status().isOk())
                .andExpect(content().string(containsString("上稿数请先补录台账")))
                .andExpect(content().string(containsString("id=\"answer-form\"")));
        as("officer", post("/requests/answers/" + liuxiAnswer + "/accept")).andExpect(status().isForbidden());
        as("county", post("/requests/answers/" + liuxiAnswer + "/accept")).andExpect(status().is3xxRedirection());
        assertThat(answers.findById(liuxiAnswer).orElseThrow().getStatus()).isEqualTo(AnswerStatus.ACCEPTED);
        as("county", post("/requests/answers/" + liuxiAnswer + "/accept")).andExpect(status().isConflict());
        as("officer", get("/requests/answers/" + liuxiAnswer)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"answer-form\""))));

        // 东城街道 and the returned 石桥乡 have not answered: both are reminded, once a day
        long dongchengUnread = notifications.unread(dongcheng.getId(), RequestService.OFFICERS);
        as("county", post("/requests/" + taskId + "/remind")).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "已提醒 2 个乡镇（街道）"));
        assertThat(notifications.unread(dongcheng.getId(), RequestService.OFFICERS)).isEqualTo(dongchengUnread + 1);
        as("county", post("/requests/" + taskId + "/remind")).andExpect(flash().attribute("flash", "已提醒 0 个乡镇（街道）"));

        // one sheet: a row per township, a column per measure, typed-over measures named
        List<List<String>> rows = XlsxDownload.rows(as("county", get("/requests/" + taskId + "/answers.xlsx"))
                .andExpect(status().isOk()).andReturn());
        assertThat(rows.get(0)).containsSubsequence("乡镇（街道）", "状态", "中心组学习次数", "上稿篇数", "宣讲覆盖村数",
                "手工改填的指标");
        assertThat(rows).hasSize(4);
        int sessions = rows.get(0).indexOf("中心组学习次数");
        int placed = rows.get(0).indexOf("上稿篇数");
        int typedColumn = rows.get(0).indexOf("手工改填的指标");
        List<String> liuxiRow = rows.stream().filter(r -> r.get(0).equals("柳溪镇")).findFirst().orElseThrow();
        assertThat(liuxiRow.get(1)).isEqualTo("已采用");
        assertThat(new BigDecimal(liuxiRow.get(sessions))).isEqualByComparingTo(expected(liuxi).get("CENTRAL_GROUP_SESSIONS"));
        assertThat(new BigDecimal(liuxiRow.get(placed))).isEqualByComparingTo(expected(liuxi).get("ARTICLES_PUBLISHED"));
        List<String> dongchengRow = rows.stream().filter(r -> r.get(0).equals("东城街道")).findFirst().orElseThrow();
        assertThat(dongchengRow.get(1)).isEqualTo("未报送");
        assertThat(dongchengRow.size() > sessions ? dongchengRow.get(sessions) : "").isEmpty();
        List<String> shiqiaoRow = rows.stream().filter(r -> r.get(0).equals("石桥乡")).findFirst().orElseThrow();
        assertThat(shiqiaoRow.get(1)).isEqualTo("已退回");

        // the burden page counts, per township, figures taken from the records and typed by hand
        RequestService.Burden liuxiBurden = requests.burden(units.systemReader("test"), year).stream()
                .filter(b -> b.township().getId().equals(liuxi.getId())).findFirst().orElseThrow();
        RequestService.Burden shiqiaoBurden = requests.burden(units.systemReader("test"), year).stream()
                .filter(b -> b.township().getId().equals(shiqiao.getId())).findFirst().orElseThrow();
        assertThat(liuxiBurden.received()).isEqualTo(receivedBefore + 1);
        assertThat(liuxiBurden.fromRecords()).isGreaterThanOrEqualTo(3);
        assertThat(shiqiaoBurden.typed()).isGreaterThanOrEqualTo(1);
        assertThat(shiqiaoBurden.averageDaysToAnswer()).isNotNull();
        as("county", get("/requests/burden").param("year", String.valueOf(year))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"burden-" + shiqiao.getId() + "\"")));
        as("officer", get("/requests/burden")).andExpect(status().isForbidden());
    }

    @Test
    void aTownshipPastTheDeadlineIsLateAndToldSo() {
        OrgUnit county = units.root().orElseThrow();
        OrgUnit dongcheng = township("东城街道");
        // sent last week, due yesterday: made through the repository, since the form refuses a past deadline
        ReportingTask task = tasks.saveAndFlush(new ReportingTask(county.getId(), "逾期测试", null, FROM, TODAY,
                List.of(Measure.VENUE_CHECKS), TODAY.minusDays(1), "county", TestClock.now().minusSeconds(7 * 86_400)));
        answers.saveAndFlush(new TaskAnswer(task.getId(), dongcheng.getId()));
        org.luoshi.org.DataScope scope = units.systemScope("test");
        assertThat(requests.rows(scope, task)).singleElement().satisfies(r -> assertThat(r.late()).isTrue());
        long unread = notifications.unread(dongcheng.getId(), RequestService.OFFICERS);
        assertThat(requests.remind(task)).isEqualTo(1);
        assertThat(notifications.unread(dongcheng.getId(), RequestService.OFFICERS)).isEqualTo(unread + 1);
    }
}
