package org.luoshi.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.TestUsers;
import org.luoshi.assessment.Evaluation;
import org.luoshi.assessment.EvaluationService;
import org.luoshi.assessment.IndicatorResult;
import org.luoshi.assessment.LedgerFigures;
import org.luoshi.assessment.Obligation;
import org.luoshi.assessment.PeriodResult;
import org.luoshi.assessment.Status;
import org.luoshi.ledger.LedgerRecord;
import org.luoshi.ledger.LedgerService;
import org.luoshi.ledger.RecordCommand;
import org.luoshi.ledger.RecordFilter;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.luoshi.org.Post;
import org.luoshi.org.PostKind;
import org.luoshi.org.PostService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Inspection on top of the assessment and the ledger: answers pre-filled from a known evaluation,
 * findings from red indicators and faulty venue checks raised once, warnings sent once, ledger
 * evidence checked, and the keyset pages of the findings list.
 */
@LuoshiTest
class AssessmentLinksTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    ObjectMapper json;
    @Autowired
    OrgUnitService units;
    @Autowired
    PostService posts;
    @Autowired
    EvaluationService evaluation;
    @Autowired
    LedgerFigures figures;
    @Autowired
    LedgerService ledger;
    @Autowired
    SystemFindings systemFindings;
    @Autowired
    FindingService findingService;
    @Autowired
    FindingRepository findingRepository;
    @Autowired
    NotificationRepository notificationRepository;

    JsonNode api(MockHttpServletRequestBuilder request, String user, Object body, int expected) throws Exception {
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        var response = mvc.perform(request.with(TestUsers.as(users, user))).andReturn().getResponse();
        String text = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(text).isEqualTo(expected);
        return text.isEmpty() ? null : json.readTree(text);
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

    DataScope scopeOf(OrgUnit unit) {
        return DataScope.ofUser("officer", unit.getId(), unit.getPath(), true);
    }

    LedgerRecord anyRecord(OrgUnit unit, String kind) {
        return ledger.list(units.systemScope("test"), new RecordFilter(kind, unit.getId(), null, null, null, null, false), null, 1)
                .records().get(0);
    }

    @Test
    void prefillProposesTheAnswersOfTheEvaluation() throws Exception {
        OrgUnit liuxi = township("柳溪镇");
        LocalDate today = evaluation.today();
        JsonNode c = api(post("/api/v1/inspection/checklists"), "county", Map.of("title", "考评自查-" + UUID.randomUUID()), 201);
        long checklist = c.get("id").asLong();
        for (String[] item : new String[][] {{"1", "专题研究", "ZZ-01"}, {"2", "形势研判", "ZZ-02"},
                {"3", "网络阵地", "WL-01"}, {"4", "未知指标", "XX-99"}, {"5", "台账整理", null}}) {
            Map<String, Object> body = new HashMap<>(Map.of("itemNo", item[0], "title", item[1], "category", "OTHER"));
            if (item[2] != null) {
                body.put("indicatorCode", item[2]);
            }
            api(post("/api/v1/inspection/checklists/" + checklist + "/items"), "county", body, 201);
        }
        JsonNode started = api(post("/api/v1/inspection/checklists/" + checklist + "/self-inspections"), "officer", null, 201);
        long id = started.at("/inspection/id").asLong();
        // The unit's own answer to WL-01 stays as it is.
        long wl = itemId(started, "3");
        api(put("/api/v1/inspection/inspections/" + id + "/items/" + wl), "officer",
                Map.of("result", "PARTLY", "statement", "本单位自己的说明"), 200);

        JsonNode result = api(post("/api/v1/inspection/inspections/" + id + "/prefill"), "officer", null, 200);
        assertThat(result.get("proposed").asInt()).isEqualTo(2);
        assertThat(result.get("kept").asInt()).isEqualTo(1);
        assertThat(result.get("unknownIndicatorCodes").get(0).asText()).isEqualTo("XX-99");

        Map<String, IndicatorResult> expected = new HashMap<>();
        for (Evaluation e : evaluation.evaluate(units.systemScope("test"), liuxi.getId(), today.getYear(), today)) {
            e.indicators().forEach(r -> expected.putIfAbsent(r.indicator().code(), r));
        }
        for (String[] pair : new String[][] {{"1", "ZZ-01"}, {"2", "ZZ-02"}}) {
            IndicatorResult r = expected.get(pair[1]);
            JsonNode answer = answerOf(result.get("inspection"), pair[0]);
            assertThat(answer.get("result").asText()).isEqualTo(AssessmentPrefill.proposal(r.status()).name());
            assertThat(answer.get("proposed").asBoolean()).isTrue();
            String statement = answer.get("statement").asText();
            // prose, as a finding's statement may be quoted in a report: no code, the date as 2026年5月10日
            assertThat(statement).doesNotContain(pair[1]).contains(r.indicator().name())
                    .contains("截至" + today.getYear() + "年" + today.getMonthValue() + "月" + today.getDayOfMonth() + "日");
            for (PeriodResult p : r.periods()) {
                assertThat(statement).contains(p.label() + "目标" + p.target().stripTrailingZeros().toPlainString() + "，实际"
                        + (p.actual() == null ? "无数据" : p.actual().stripTrailingZeros().toPlainString()));
            }
            List<Long> records = new ArrayList<>();
            for (PeriodResult p : r.periods()) {
                for (Long rid : figures.recordIds(p.query(), AssessmentPrefill.RECORDS_PER_ITEM)) {
                    if (!records.contains(rid) && records.size() < AssessmentPrefill.RECORDS_PER_ITEM) {
                        records.add(rid);
                    }
                }
            }
            List<Long> linked = answer.get("evidence").findValues("ledgerRecordId").stream().map(JsonNode::asLong).toList();
            assertThat(linked).containsExactlyElementsOf(records);
        }
        JsonNode own = answerOf(result.get("inspection"), "3");
        assertThat(own.get("result").asText()).isEqualTo("PARTLY");
        assertThat(own.get("statement").asText()).isEqualTo("本单位自己的说明");
        assertThat(own.get("proposed").asBoolean()).isFalse();

        // Proposals must be confirmed before the self-inspection can be finished.
        long item5 = itemId(started, "5");
        long item4 = itemId(started, "4");
        for (long item : List.of(item4, item5)) {
            api(put("/api/v1/inspection/inspections/" + id + "/items/" + item), "officer", Map.of("result", "MEETS"), 200);
        }
        long owner = postOf(liuxi, PostKind.PROPAGANDA_MEMBER);
        JsonNode refused = api(post("/api/v1/inspection/inspections/" + id + "/finish-self"), "officer",
                Map.of("ownerPostId", owner, "deadline", today.plusDays(30).toString()), 409);
        assertThat(refused.get("detail").asText()).contains("2").contains("预填");
        // Confirming = answering; a second prefill leaves confirmed answers alone.
        for (String no : List.of("1", "2")) {
            JsonNode a = answerOf(result.get("inspection"), no);
            api(put("/api/v1/inspection/inspections/" + id + "/items/" + itemId(started, no)), "officer",
                    Map.of("result", a.get("result").asText(), "statement", a.get("statement").asText()), 200);
        }
        JsonNode again = api(post("/api/v1/inspection/inspections/" + id + "/prefill"), "officer", null, 200);
        assertThat(again.get("proposed").asInt()).isZero();
        assertThat(again.get("kept").asInt()).isEqualTo(3);
        api(post("/api/v1/inspection/inspections/" + id + "/finish-self"), "officer",
                Map.of("ownerPostId", owner, "deadline", today.plusDays(30).toString()), 200);
        // Finished: no more prefill; other roles never.
        api(post("/api/v1/inspection/inspections/" + id + "/prefill"), "officer", null, 409);
        api(post("/api/v1/inspection/inspections/" + id + "/prefill"), "leader", null, 403);
        api(post("/api/v1/inspection/inspections/" + id + "/prefill"), "officer2", null, 404);
    }

    private static long itemId(JsonNode inspection, String itemNo) {
        return answerOf(inspection, itemNo).get("itemId").asLong();
    }

    private static JsonNode answerOf(JsonNode inspection, String itemNo) {
        for (JsonNode a : inspection.get("answers")) {
            if (a.get("itemNo").asText().equals(itemNo)) {
                return a;
            }
        }
        throw new AssertionError("no item " + itemNo);
    }

    @Test
    void redIndicatorsBecomeFindingsAndWarningsAreSentOnce() {
        OrgUnit liuxi = township("柳溪镇");
        Post owner = systemFindings.ownerPost(liuxi).orElseThrow();
        assertThat(owner.getKind()).isEqualTo(PostKind.PROPAGANDA_MEMBER);
        LocalDate asOf = LocalDate.of(2026, 7, 10);
        String set = "测试指标表-" + UUID.randomUUID();
        // Unique names: the PostgreSQL test database keeps the notices of earlier runs.
        String study = "理论学习中心组学习-" + UUID.randomUUID().toString().substring(0, 8);
        Evaluation e = new Evaluation(set, 2026, liuxi.getPath(), asOf, List.of(), List.of(), BigDecimal.ZERO,
                BigDecimal.TEN, List.of(
                        new Obligation("ZZ-02", "意识形态领域形势研判", "上半年", LocalDate.of(2026, 6, 30), Status.FAILED,
                                "上半年还差 1 次"),
                        new Obligation("LL-01", study, "第三季度", LocalDate.of(2026, 9, 30), Status.WARNING,
                                "第三季度还差 2 次")), List.of());
        long before = notificationRepository.countByUnitIdAndRoleAndReadAtIsNull(liuxi.getId(), Actor.TOWNSHIP_OFFICER);

        SystemFindings.Outcome first = systemFindings.fromEvaluation(liuxi, owner, e, asOf);
        assertThat(first.indicatorFindings()).isEqualTo(1);
        assertThat(first.warnings()).isEqualTo(2);
        String key = "IND:" + liuxi.getId() + ":" + Integer.toHexString(set.hashCode()) + ":ZZ-02:2026-06-30";
        Finding f = findingRepository.findAll().stream().filter(x -> key.equals(x.getOriginKey())).findFirst().orElseThrow();
        assertThat(f.getSource()).isEqualTo(FindingSource.INDICATOR);
        assertThat(f.getUnitId()).isEqualTo(liuxi.getId());
        assertThat(f.getOwnerPostId()).isEqualTo(owner.getId());
        assertThat(f.getTitle()).isEqualTo("考评指标未达标：ZZ-02 意识形态领域形势研判（上半年）");
        assertThat(f.getDetail()).contains(set).contains("上半年还差 1 次");
        assertThat(f.getDeadline()).isEqualTo(asOf.plusDays(30));
        // Red: the finding's own notice plus the red warning; yellow: the warning. To the owner (the officer's unit and role).
        long after = notificationRepository.countByUnitIdAndRoleAndReadAtIsNull(liuxi.getId(), Actor.TOWNSHIP_OFFICER);
        assertThat(after - before).isEqualTo(3);
        assertThat(notificationRepository.findAll().stream().map(Notification::getMessage)
                .filter(t -> t.contains("黄灯预警") && t.contains("LL-01 " + study) && t.contains("第三季度还差 2 次"))).hasSize(1);

        // Idempotent: nothing new the second time.
        SystemFindings.Outcome second = systemFindings.fromEvaluation(liuxi, owner, e, asOf);
        assertThat(second.indicatorFindings()).isZero();
        assertThat(second.warnings()).isZero();
        assertThat(notificationRepository.countByUnitIdAndRoleAndReadAtIsNull(liuxi.getId(), Actor.TOWNSHIP_OFFICER))
                .isEqualTo(after);
        assertThat(findingRepository.findAll().stream().filter(x -> key.equals(x.getOriginKey()))).hasSize(1);
        // The yellow period turning red later is a new colour: one red warning and one finding.
        Evaluation later = new Evaluation(set, 2026, liuxi.getPath(), asOf, List.of(), List.of(), BigDecimal.ZERO,
                BigDecimal.TEN, List.of(new Obligation("LL-01", study, "第三季度", LocalDate.of(2026, 9, 30),
                        Status.FAILED, "第三季度还差 2 次")), List.of());
        SystemFindings.Outcome turned = systemFindings.fromEvaluation(liuxi, owner, later, LocalDate.of(2026, 10, 1));
        assertThat(turned.indicatorFindings()).isEqualTo(1);
        assertThat(turned.warnings()).isEqualTo(1);

        // The report's 存在问题 sees it.
        assertThat(findingService.summaries(units.systemScope("test"), liuxi.getId(), org.luoshi.TestClock.today().minusDays(1),
                org.luoshi.TestClock.today().plusDays(2))).anyMatch(s -> s.id() == f.getId() && s.source().equals("INDICATOR"));
        // Outside the township the finding does not exist.
        assertThat(f.getId()).isPositive();
    }

    @Test
    void theRealEvaluationRaisesEveryRedPeriodOnce() throws Exception {
        OrgUnit donghe = township("东城街道");
        LocalDate today = evaluation.today();
        systemFindings.run(donghe, today);
        SystemFindings.Outcome second = systemFindings.run(donghe, today);
        assertThat(second).isEqualTo(new SystemFindings.Outcome(1, 0, 0, 0));
        for (Evaluation e : evaluation.evaluate(units.systemScope("test"), donghe.getId(), today.getYear(), today)) {
            for (Obligation o : e.warnings()) {
                if (o.status() == Status.FAILED) {
                    assertThat(findingRepository.existsByOriginKey("IND:" + donghe.getId() + ":"
                            + Integer.toHexString(e.setName().hashCode()) + ":" + o.indicatorCode() + ":" + o.due()))
                            .as(o.indicatorCode() + " " + o.periodLabel()).isTrue();
                }
            }
        }
        // The button does the same for the officer's own township; other roles may not press it.
        JsonNode pressed = api(post("/api/v1/inspection/findings/generate"), "officer3", null, 200);
        assertThat(pressed.get("townships").asInt()).isEqualTo(1);
        assertThat(pressed.get("indicatorFindings").asInt()).isZero();
        api(post("/api/v1/inspection/findings/generate"), "clerk", null, 403);
        api(post("/api/v1/inspection/findings/generate"), "leader", null, 403);
    }

    @Test
    void faultyVenueChecksBecomeFindingsOfTheirUnitOnce() throws Exception {
        OrgUnit liuxi = township("柳溪镇");
        OrgUnit village = child(liuxi, "柳溪村");
        Post owner = systemFindings.ownerPost(liuxi).orElseThrow();
        LocalDate today = evaluation.today();
        long venue = anyRecord(village, "VENUE").id();
        Map<String, Object> broken = new HashMap<>(Map.of("venue", venue, "state", "NEEDS_REPAIR", "faultsFound", 2,
                "faultsFixed", 0, "faultDescription", "广播线路断开，待更换"));
        String title = "阵地巡查-" + UUID.randomUUID();
        LedgerRecord faulty = ledger.create(scopeOf(liuxi), "VENUE_CHECK",
                new RecordCommand(village.getId(), today.minusDays(1), null, title, null, null, broken, null));
        LedgerRecord fine = ledger.create(scopeOf(liuxi), "VENUE_CHECK", new RecordCommand(village.getId(),
                today.minusDays(1), null, title + "-良好", null, null,
                Map.of("venue", venue, "state", "GOOD", "faultsFound", 1, "faultsFixed", 1), null));
        assertThat(SystemFindings.hasFault(faulty)).isTrue();
        assertThat(SystemFindings.hasFault(fine)).isFalse();

        int raised = systemFindings.fromVenueChecks(liuxi, owner, today);
        assertThat(raised).isGreaterThanOrEqualTo(1);
        Finding f = findingRepository.findAll().stream().filter(x -> ("VENUE:" + faulty.id()).equals(x.getOriginKey()))
                .findFirst().orElseThrow();
        assertThat(findingRepository.existsByOriginKey("VENUE:" + fine.id())).isFalse();
        assertThat(f.getSource()).isEqualTo(FindingSource.VENUE_FAULT);
        assertThat(f.getCategory()).isEqualTo(FindingCategory.POSITION);
        assertThat(f.getUnitId()).isEqualTo(village.getId());
        assertThat(f.getOwnerPostId()).isEqualTo(owner.getId());
        assertThat(f.getTitle()).startsWith("阵地故障：");
        assertThat(f.getDetail()).contains("需维修").contains("发现故障 2 处，已修复 0 处").contains("广播线路断开，待更换");
        assertThat(systemFindings.fromVenueChecks(liuxi, owner, today)).isZero();

        // Scope: the village clerk sees it, another township does not.
        api(get("/api/v1/inspection/findings/" + f.getId()), "clerk", null, 200);
        api(get("/api/v1/inspection/findings/" + f.getId()), "officer2", null, 404);
        assertThat(findingService.summaries(units.systemScope("test"), liuxi.getId(), today.minusDays(1), today.plusDays(2)))
                .anyMatch(s -> s.id() == f.getId() && s.source().equals("VENUE_FAULT") && s.unitName().equals("柳溪村"));
    }

    @Test
    void ledgerEvidenceMustExistBeLiveAndInScope() throws Exception {
        OrgUnit liuxi = township("柳溪镇");
        OrgUnit shiqiao = township("石桥乡");
        long own = anyRecord(liuxi, "MEETING").id();
        long foreign = anyRecord(shiqiao, "MEETING").id();
        LedgerRecord doomed = ledger.create(scopeOf(liuxi), "VENUE_CHECK", new RecordCommand(liuxi.getId(),
                evaluation.today(), null, "待删除-" + UUID.randomUUID(), null, null,
                Map.of("venue", anyRecord(liuxi, "VENUE").id(), "state", "GOOD"), null));
        ledger.delete(scopeOf(liuxi), doomed.id(), "录入错误");

        JsonNode c = api(post("/api/v1/inspection/checklists"), "officer", Map.of("title", "佐证-" + UUID.randomUUID()), 201);
        long checklist = c.get("id").asLong();
        api(post("/api/v1/inspection/checklists/" + checklist + "/items"), "officer",
                Map.of("itemNo", "1", "title", "会议记录", "category", "OTHER"), 201);
        JsonNode started = api(post("/api/v1/inspection/checklists/" + checklist + "/self-inspections"), "officer", null, 201);
        long id = started.at("/inspection/id").asLong();
        long item = itemId(started, "1");
        api(put("/api/v1/inspection/inspections/" + id + "/items/" + item), "officer", Map.of("result", "NOT_MET"), 200);
        String path = "/api/v1/inspection/inspections/" + id + "/items/" + item + "/ledger-records";
        for (long bad : List.of(987_654_321L, foreign, doomed.id())) {
            JsonNode refused = api(post(path), "officer", Map.of("ledgerRecordId", bad), 409);
            assertThat(refused.get("detail").asText()).isEqualTo("台账记录 " + bad + " 不存在、已删除或不在您的数据范围内，请核对编号。");
        }
        JsonNode ok = api(post(path), "officer", Map.of("ledgerRecordId", own), 200);
        assertThat(ok.get("evidence").findValues("ledgerRecordId").stream().map(JsonNode::asLong)).containsExactly(own);
        api(post(path), "officer", Map.of("ledgerRecordId", 0), 400);

        // The same rule for the evidence of a rectification.
        long findingId = findingService.raiseFinding(FindingSource.OTHER, liuxi.getId(), "佐证校验", null,
                postOf(liuxi, PostKind.PROPAGANDA_MEMBER), evaluation.today().plusDays(10), null);
        String fpath = "/api/v1/inspection/findings/" + findingId + "/ledger-records";
        api(post(fpath), "officer", Map.of("ledgerRecordId", foreign), 409);
        api(post(fpath), "officer", Map.of("ledgerRecordId", doomed.id()), 409);
        JsonNode linked = api(post(fpath), "officer", Map.of("ledgerRecordId", own), 200);
        assertThat(linked.get("evidence").findValues("ledgerRecordId").stream().map(JsonNode::asLong)).containsExactly(own);
    }

    @Test
    void theFindingsListPagesByKeyset() throws Exception {
        OrgUnit dongcheng = township("东城街道");
        OrgUnit unit = units.children(units.systemScope("test"), dongcheng.getId()).get(0);
        long owner = postOf(dongcheng, PostKind.PROPAGANDA_MEMBER);
        LocalDate base = evaluation.today().plusDays(40);
        for (int i = 0; i < 23; i++) {
            // Several findings share a deadline: the id breaks the tie.
            findingService.raiseFinding(FindingSource.OTHER, unit.getId(), "分页-" + i, null, owner, base.plusDays(i % 5), null);
        }
        List<Finding> all = findingRepository.findAll().stream()
                .filter(f -> f.getUnitId().equals(unit.getId()) || units.getUnchecked(f.getUnitId()).getPath().startsWith(unit.getPath()))
                .sorted(Comparator.comparing(Finding::getDeadline).thenComparing(Finding::getId)).toList();
        List<Long> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            String url = "/api/v1/inspection/findings?unitId=" + unit.getId() + "&size=7" + (after == null ? "" : "&after=" + after);
            JsonNode page = api(get(url), "county", null, 200);
            assertThat(page.get("content").size()).isLessThanOrEqualTo(7);
            page.get("content").forEach(n -> seen.add(n.get("id").asLong()));
            after = page.get("next").isNull() ? null : page.get("next").asText();
            pages++;
        } while (after != null && pages < 100);
        assertThat(seen).containsExactlyElementsOf(all.stream().map(Finding::getId).toList());
        assertThat(pages).isEqualTo((all.size() + 6) / 7);
        api(get("/api/v1/inspection/findings?after=gestern"), "county", null, 409);
        // The page follows the same cursor.
        Finding third = all.get(2);
        String html = mvc.perform(get("/inspection/findings?unitId=" + unit.getId() + "&after=" + third.getDeadline() + "_"
                + third.getId()).with(TestUsers.as(users, "county"))).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("/inspection/findings/" + all.get(3).getId()).doesNotContain("/inspection/findings/" + third.getId() + "\"");
    }

    @Test
    void oneNoteFormServesEveryTextAction() throws Exception {
        OrgUnit liuxi = township("柳溪镇");
        long id = findingService.raiseFinding(FindingSource.OTHER, liuxi.getId(), "表单合并", null,
                postOf(liuxi, PostKind.PROPAGANDA_MEMBER), evaluation.today().plusDays(10), null);
        String base = "/api/v1/inspection/findings/" + id;
        // The note is required for notes and submission, optional for starting.
        assertThat(api(post(base + "/notes"), "officer", Map.of("note", " "), 400)).isNotNull();
        api(post(base + "/start"), "officer", null, 200);
        api(post(base + "/submit"), "officer", Map.of(), 400);
        JsonNode noted = api(post(base + "/notes"), "officer", Map.of("note", "已联系维修"), 200);
        assertThat(noted.get("timeline").findValuesAsText("note")).contains("已联系维修");
        // A visit's summary travels in the same form, under its own name.
        JsonNode c = api(post("/api/v1/inspection/checklists"), "county", Map.of("title", "小结-" + UUID.randomUUID()), 201);
        long checklist = c.get("id").asLong();
        JsonNode visit = api(post("/api/v1/inspection/visits"), "county", Map.of("checklistId", checklist, "heldOn",
                evaluation.today().toString(), "unitIds", List.of(liuxi.getId())), 201);
        JsonNode finished = api(post("/api/v1/inspection/inspections/" + visit.at("/inspection/id").asLong()
                + "/finish-visit"), "county", Map.of("summary", "总体良好"), 200);
        assertThat(finished.at("/inspection/summary").asText()).isEqualTo("总体良好");
    }
}
