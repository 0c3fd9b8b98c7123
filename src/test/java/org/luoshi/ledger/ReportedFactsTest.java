package org.luoshi.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.luoshi.TestUsers.as;
import static org.luoshi.ledger.WorkKindsTest.refused;
import static org.luoshi.ledger.WorkKindsTest.with;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The facts township reports state that the ledger could not hold before (issue 13, item 10): each is
 * kept when valid and refused, beside its field and in Chinese, when not.
 */
@LuoshiTest
class ReportedFactsTest {

    static final LocalDate TODAY = LedgerFixtures.TODAY;

    @Autowired
    LedgerService ledger;
    @Autowired
    LedgerStatistics stats;
    @Autowired
    LedgerFixtures fx;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    DataScope officer() {
        return fx.scope("officer");
    }

    static RecordCommand command(long unitId, LocalDate on, LocalDate until, String title, Map<String, Object> fields) {
        return new RecordCommand(unitId, on, until, title, null, List.of(), fields, List.of());
    }

    static RecordCommand command(long unitId, String title, Map<String, Object> fields) {
        return command(unitId, TODAY.minusDays(2), null, title, fields);
    }

    LedgerRecord create(long unitId, String kind, String title, Map<String, Object> fields) {
        return ledger.create(officer(), kind, command(unitId, title, fields));
    }

    Map<String, Object> study() {
        return Map.of("subKind", "CADRE_STUDY", "topic", "网络意识形态安全");
    }

    // ---- 学习: a training over days, trained of eligible ----

    @Test
    void aStudySessionMaySpanSeveralDaysButNotEndBeforeItStartsOrInTheFuture() {
        OrgUnit unit = fx.freshVillage("柳溪镇");
        LedgerRecord training = ledger.create(officer(), "STUDY_SESSION",
                command(unit.getId(), TODAY.minusDays(6), TODAY.minusDays(4), "三天集中轮训", study()));
        assertThat(training.occurredOn()).isEqualTo(TODAY.minusDays(6));
        assertThat(training.occurredUntil()).isEqualTo(TODAY.minusDays(4));
        assertThat(refused(() -> ledger.create(officer(), "STUDY_SESSION",
                command(unit.getId(), TODAY.minusDays(4), TODAY.minusDays(6), "倒着的日期", study()))))
                .containsExactly("occurredUntil:ledger.error.untilBeforeOn");
        assertThat(refused(() -> ledger.create(officer(), "STUDY_SESSION",
                command(unit.getId(), TODAY.minusDays(1), TODAY.plusDays(1), "还没结束", study()))))
                .containsExactly("occurredUntil:ledger.error.future");
        // 宣讲 campaigns and the township's own new-media output run over a period too; a meeting does not
        assertThat(LedgerKind.OUTREACH.definition().allowsRange()).isTrue();
        assertThat(LedgerKind.NEW_MEDIA_OUTPUT.definition().allowsRange()).isTrue();
        Map<String, Object> meeting = Map.of("subKind", "JOINT", "topics", "联席会议");
        assertThat(refused(() -> ledger.create(officer(), "MEETING",
                command(unit.getId(), TODAY.minusDays(6), TODAY.minusDays(5), "两天的会", meeting))))
                .containsExactly("occurredUntil:ledger.error.noRange");
    }

    @Test
    void aRecordOverSeveralDaysIsLateOnlyWhenRecordedLongAfterItsLastDay() {
        OrgUnit unit = fx.freshVillage("柳溪镇");
        java.time.Instant now = org.luoshi.TestClock.now();
        LocalDate today = now.atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate();
        Map<String, Object> posts = Map.of("account", "微柳溪", "platform", "WECHAT_OA", "posts", 20);
        // a month of posts recorded a week after the month ended: on time, although the month began 37 days ago
        LedgerRecord month = ledger.create(officer(), "NEW_MEDIA_OUTPUT",
                command(unit.getId(), today.minusDays(37), today.minusDays(7), "一个月的发布", posts), now);
        assertThat(month.late()).isFalse();
        LedgerRecord longAfter = ledger.create(officer(), "NEW_MEDIA_OUTPUT",
                command(unit.getId(), today.minusDays(62), today.minusDays(31), "很久以后才登记", posts), now);
        assertThat(longAfter.late()).isTrue();
        LedgerRecord oneDay = ledger.create(officer(), "STUDY_SESSION",
                command(unit.getId(), today.minusDays(31), null, "一天的学习", study()), now);
        assertThat(oneDay.late()).isTrue();
    }

    @Test
    void trainedCannotExceedEligibleAndTheFormSaysSoBesideTheFieldInChinese() throws Exception {
        OrgUnit unit = fx.freshVillage("柳溪镇");
        assertThat(refused(() -> create(unit.getId(), "STUDY_SESSION", "培训", with(with(study(), "eligibleCount", 30),
                "trainedCount", 31)))).containsExactly("fields.trainedCount:ledger.error.notAbove");
        assertThat(refused(() -> create(unit.getId(), "STUDY_SESSION", "培训", with(study(), "eligibleCount", -1))))
                .containsExactly("fields.eligibleCount:ledger.error.negative");
        assertThat(refused(() -> create(unit.getId(), "STUDY_SESSION", "培训", with(study(), "trainedCount", -1))))
                .containsExactly("fields.trainedCount:ledger.error.negative");
        LedgerRecord all = create(unit.getId(), "STUDY_SESSION", "全员培训", with(with(study(), "eligibleCount", 30), "trainedCount", 30));
        assertThat(all.field(LedgerTerms.TRAINED_COUNT)).isEqualTo(30L);
        assertThat(all.field(LedgerTerms.ELIGIBLE_COUNT)).isEqualTo(30L);
        // either may be given alone
        assertThat(create(unit.getId(), "STUDY_SESSION", "只知参训", with(study(), "trainedCount", 12))
                .field(LedgerTerms.ELIGIBLE_COUNT)).isNull();

        String page = mvc.perform(post("/ledger/study-session").with(as(users, "officer")).with(csrf())
                        .param("unitId", String.valueOf(unit.getId())).param("occurredOn", TODAY.minusDays(3).toString())
                        .param("occurredUntil", TODAY.minusDays(2).toString()).param("title", "两天培训")
                        .param("fields[subKind]", "CADRE_STUDY").param("fields[topic]", "专题培训")
                        .param("fields[eligibleCount]", "30").param("fields[trainedCount]", "35"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        int field = page.indexOf("id=\"field-trainedCount\"");
        assertThat(field).isPositive();
        assertThat(page.substring(field, page.indexOf("</div>", field))).contains("不能大于30（应训人数）");
        mvc.perform(post("/api/v1/ledger/study-session").with(as(users, "officer")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"unitId": %d, "occurredOn": "%s", "occurredUntil": "%s", "title": "两天培训",
                                 "fields": {"subKind": "CADRE_STUDY", "topic": "专题培训", "eligibleCount": 30, "trainedCount": 35}}"""
                                .formatted(unit.getId(), TODAY.minusDays(3), TODAY.minusDays(2))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors[0].field").value("fields.trainedCount"))
                .andExpect(jsonPath("$.fieldErrors[0].message").value("不能大于30（应训人数）。"));
    }

    // ---- 上稿: state and 党报 ----

    @Test
    void aPlacementHasAStateThatDefaultsToPublishedAndMayBeInAPartyPaper() {
        OrgUnit unit = fx.freshVillage("柳溪镇");
        Map<String, Object> media = LedgerFixtures.media(unit.getId(), TODAY, "PROVINCIAL", 1).fields();
        LedgerRecord old = create(unit.getId(), "MEDIA_PLACEMENT", "未写状态的稿件", media);
        assertThat(old.field(LedgerTerms.STATE)).isEqualTo(LedgerTerms.PUBLISHED);
        assertThat(old.field(LedgerTerms.PARTY_PAPER)).isEqualTo(false);
        LedgerRecord adopted = create(unit.getId(), "MEDIA_PLACEMENT", "录用稿件",
                with(with(media, "state", "ADOPTED"), "partyPaper", true));
        assertThat(adopted.field(LedgerTerms.STATE)).isEqualTo(LedgerTerms.ADOPTED);
        assertThat(adopted.field(LedgerTerms.PARTY_PAPER)).isEqualTo(true);
        assertThat(refused(() -> create(unit.getId(), "MEDIA_PLACEMENT", "空状态", with(media, "state", " "))))
                .containsExactly("fields.state:ledger.error.required");
        assertThat(refused(() -> create(unit.getId(), "MEDIA_PLACEMENT", "怪状态", with(media, "state", "REJECTED"))))
                .containsExactly("fields.state:ledger.error.notAnOption");
        assertThat(refused(() -> create(unit.getId(), "MEDIA_PLACEMENT", "怪党报", with(media, "partyPaper", "也许"))))
                .containsExactly("fields.partyPaper:ledger.error.notABoolean");
        Selection placements = Selection.of(unit.getPath(), LedgerKind.MEDIA_PLACEMENT, TODAY.minusDays(5), TODAY);
        assertThat(stats.count(placements.where(LedgerTerms.STATE, LedgerTerms.PUBLISHED))).isEqualTo(1);
        assertThat(stats.count(placements.where(LedgerTerms.PARTY_PAPER, true))).isEqualTo(1);
        assertThat(LedgerKind.MEDIA_PLACEMENT.enumFields().get(LedgerTerms.STATE))
                .containsExactly(LedgerTerms.SUBMITTED, LedgerTerms.ADOPTED, LedgerTerms.PUBLISHED);
    }

    // ---- 新媒体发布 ----

    @Test
    void newMediaOutputCoversAPeriodAndNeedsAccountPlatformAndPosts() throws Exception {
        OrgUnit unit = fx.freshVillage("柳溪镇");
        LocalDate first = TODAY.minusMonths(1).withDayOfMonth(1);
        LocalDate last = first.plusMonths(1).minusDays(1);
        Map<String, Object> valid = Map.of("account", "微柳溪", "platform", "WECHAT_OA", "posts", 28);
        LedgerRecord month = ledger.create(officer(), "NEW_MEDIA_OUTPUT", command(unit.getId(), first, last, "上月公众号", valid));
        assertThat(month.occurredUntil()).isEqualTo(last);
        assertThat(month.field(LedgerTerms.POSTS)).isEqualTo(28L);
        for (String required : List.of("account", "platform", "posts")) {
            Map<String, Object> missing = new HashMap<>(valid);
            missing.remove(required);
            assertThat(refused(() -> ledger.create(officer(), "NEW_MEDIA_OUTPUT", command(unit.getId(), first, last, "缺", missing))))
                    .as(required).containsExactly("fields." + required + ":ledger.error.required");
        }
        assertThat(refused(() -> create(unit.getId(), "NEW_MEDIA_OUTPUT", "负数", with(valid, "posts", -1))))
                .containsExactly("fields.posts:ledger.error.negative");
        assertThat(refused(() -> create(unit.getId(), "NEW_MEDIA_OUTPUT", "平台", with(valid, "platform", "TWITTER"))))
                .containsExactly("fields.platform:ledger.error.notAnOption");
        assertThat(create(unit.getId(), "NEW_MEDIA_OUTPUT", "停更的一周", with(valid, "posts", 0)).field(LedgerTerms.POSTS))
                .isEqualTo(0L);
        assertThat(stats.sum(Selection.of(unit.getPath(), LedgerKind.NEW_MEDIA_OUTPUT, first, TODAY)
                .where(LedgerTerms.PLATFORM, LedgerTerms.WECHAT_OA), LedgerTerms.POSTS)).isEqualByComparingTo("28");

        mvc.perform(get("/ledger/new-media-output/new").with(as(users, "officer"))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        org.hamcrest.Matchers.allOf(containsString("新建新媒体发布"), containsString("视频号"),
                                containsString("id=\"occurredUntil\""), containsString("起始日期"))));
        mvc.perform(get("/ledger/records/{id}", month.id()).with(as(users, "officer"))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        org.hamcrest.Matchers.allOf(containsString("账号名称"), containsString("公众号"), containsString("发布条数"))));
        mvc.perform(get("/api/v1/ledger/kinds").with(as(users, "officer"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == 'NEW_MEDIA_OUTPUT')].allowsRange", hasItem(true)))
                .andExpect(jsonPath("$[?(@.code == 'NEW_MEDIA_OUTPUT')].label", hasItem("新媒体发布")));
    }

    @Test
    void theKindsStandInTheOrderOfTheirDefinitions() {
        List<Integer> orders = java.util.Arrays.stream(LedgerKind.values()).map(k -> k.definition().order()).toList();
        assertThat(orders).isSorted().doesNotHaveDuplicates();
        assertThat(LedgerKind.NEW_MEDIA_OUTPUT.ordinal()).isEqualTo(LedgerKind.MEDIA_PLACEMENT.ordinal() + 1);
    }

    // ---- 文号 ----

    @Test
    void aDirectiveMayHaveNoNumberAndARegulationsNumberTakesTheSameForm() {
        OrgUnit unit = fx.freshVillage("柳溪镇");
        Map<String, Object> directive = Map.of("issuer", "青禾县委宣传部", "requirements", "传达学习全市电视电话会议精神");
        assertThat(create(unit.getId(), "DIRECTIVE", "全市电视电话会议精神", directive).field("docNumber")).isNull();
        assertThat(create(unit.getId(), "DIRECTIVE", "通知", with(directive, "docNumber", "青宣发［2024］ 7号")).field("docNumber"))
                .isEqualTo("青宣发〔2024〕7号");
        assertThat(refused(() -> create(unit.getId(), "DIRECTIVE", "坏文号", with(directive, "docNumber", "第7号"))))
                .containsExactly("fields.docNumber:ledger.error.docNumber");

        Map<String, Object> rule = Map.of("subKind", "RULES", "issuedBy", "镇党委");
        assertThat(create(unit.getId(), "REGULATION", "没有文号的制度", rule).field("docNumber")).isNull();
        assertThat(create(unit.getId(), "REGULATION", "实施细则", with(rule, "docNumber", "柳党发[2024]3号")).field("docNumber"))
                .isEqualTo("柳党发〔2024〕3号");
        for (String bad : List.of("3号", "柳党发〔2024〕03号", "柳党发2024-3")) {
            assertThat(refused(() -> create(unit.getId(), "REGULATION", "坏文号", with(rule, "docNumber", bad))))
                    .as(bad).containsExactly("fields.docNumber:ledger.error.docNumber");
        }
    }

    // ---- 阵地、志愿服务队、评选、文化市场 ----

    @Test
    void venueUsageRegisteredVolunteersAwardDirectionAndCultureMarketChecks() {
        OrgUnit unit = fx.freshVillage("柳溪镇");
        long venue = create(unit.getId(), "VENUE", "文化站", Map.of("subKind", "CULTURE_STATION")).id();
        Map<String, Object> check = Map.of("venue", venue, "state", "GOOD", "visitors", 320, "groupsReceived", 6, "bookings", 14);
        LedgerRecord kept = create(unit.getId(), "VENUE_CHECK", "第二季度使用情况", check);
        assertThat(kept.field(LedgerTerms.GROUPS_RECEIVED)).isEqualTo(6L);
        assertThat(kept.field(LedgerTerms.BOOKINGS)).isEqualTo(14L);
        for (String count : List.of("groupsReceived", "bookings")) {
            assertThat(refused(() -> create(unit.getId(), "VENUE_CHECK", "负数", with(check, count, -2))))
                    .containsExactly("fields." + count + ":ledger.error.negative");
        }

        // registered volunteers are another set than the members: more of them is fine
        LedgerRecord team = create(unit.getId(), "VOLUNTEER_TEAM", "志愿服务队", Map.of("members", 12, "registeredVolunteers", 40));
        assertThat(team.field(LedgerTerms.REGISTERED_VOLUNTEERS)).isEqualTo(40L);
        assertThat(refused(() -> create(unit.getId(), "VOLUNTEER_TEAM", "负数", Map.of("members", 12, "registeredVolunteers", -1))))
                .containsExactly("fields.registeredVolunteers:ledger.error.negative");

        Map<String, Object> award = Map.of("subKind", "STAR_FAMILY", "level", "TOWNSHIP", "awardeeName", "某某户");
        assertThat(refused(() -> create(unit.getId(), "AWARD", "没写来源", award)))
                .containsExactly("fields.direction:ledger.error.required");
        assertThat(refused(() -> create(unit.getId(), "AWARD", "怪来源", with(award, "direction", "BOUGHT"))))
                .containsExactly("fields.direction:ledger.error.notAnOption");
        assertThat(create(unit.getId(), "AWARD", "本镇评选", with(award, "direction", "GIVEN")).field(LedgerTerms.DIRECTION))
                .isEqualTo(LedgerTerms.GIVEN);

        Map<String, Object> market = Map.of("subKind", "CULTURE_MARKET", "establishmentsChecked", 9, "inspectorTimes", 12);
        LedgerRecord inspection = create(unit.getId(), "ACTIVITY", "文化市场检查", market);
        assertThat(inspection.field(LedgerTerms.SUB_KIND)).isEqualTo(LedgerTerms.CULTURE_MARKET);
        assertThat(inspection.field(LedgerTerms.INSPECTOR_TIMES)).isEqualTo(12L);
        assertThat(refused(() -> create(unit.getId(), "ACTIVITY", "负数", with(market, "inspectorTimes", -1))))
                .containsExactly("fields.inspectorTimes:ledger.error.negative");
        assertThat(stats.sum(Selection.of(unit.getPath(), LedgerKind.ACTIVITY, TODAY.minusDays(5), TODAY)
                .where(LedgerTerms.SUB_KIND, LedgerTerms.CULTURE_MARKET), LedgerTerms.INSPECTOR_TIMES)).isEqualByComparingTo("12");
    }

    @Test
    void theApiRefusesTheNewFactsBesideTheirFieldsInChinese() throws Exception {
        OrgUnit unit = fx.freshVillage("柳溪镇");
        String on = TODAY.toString();
        Map<String, String> bodies = Map.of(
                "award", "{\"title\": \"好人\", \"fields\": {\"subKind\": \"GOOD_PERSON\", \"level\": \"COUNTY\", \"awardeeName\": \"某某\"}}",
                "new-media-output", "{\"title\": \"公众号\", \"fields\": {\"account\": \"微柳溪\", \"platform\": \"WECHAT_OA\", \"posts\": -3}}",
                "media-placement", "{\"title\": \"稿件\", \"fields\": {\"outlet\": \"省报\", \"level\": \"PROVINCIAL\", \"medium\": \"PRINT\", \"state\": \"LOST\"}}",
                "volunteer-team", "{\"title\": \"服务队\", \"fields\": {\"registeredVolunteers\": -1}}");
        Map<String, String[]> expected = Map.of("award", new String[] {"fields.direction", "必填。"},
                "new-media-output", new String[] {"fields.posts", "不能为负数。"},
                "media-placement", new String[] {"fields.state", "请从选项中选择。"},
                "volunteer-team", new String[] {"fields.registeredVolunteers", "不能为负数。"});
        for (var entry : bodies.entrySet()) {
            String body = entry.getValue().replaceFirst("\\{", "{\"unitId\": " + unit.getId() + ", \"occurredOn\": \"" + on + "\", ");
            mvc.perform(post("/api/v1/ledger/{kind}", entry.getKey()).with(as(users, "officer"))
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.fieldErrors[0].field").value(expected.get(entry.getKey())[0]))
                    .andExpect(jsonPath("$.fieldErrors[0].message").value(expected.get(entry.getKey())[1]));
        }
    }

    // ---- 党委会 attendance ----

    @Test
    void aMeetingListsWhoAttendedAndAMeetingWithoutAttendanceStillWorks() throws Exception {
        OrgUnit unit = fx.freshVillage("柳溪镇");
        Person secretary = fx.person(unit.getId());
        Person member = fx.person(unit.getId());
        Map<String, Object> thematic = Map.of("subKind", "THEMATIC", "topics", "专题研究意识形态工作");
        LedgerRecord meeting = ledger.create(officer(), "MEETING", new RecordCommand(unit.getId(), TODAY.minusDays(1), null,
                "党委会", null, List.of(), thematic, List.of(new AttendanceEntry(secretary.getId(), "PRESENT", null, true, false),
                        new AttendanceEntry(member.getId(), "LEAVE", "下村处理急事", false, false))));
        assertThat(meeting.attendance()).hasSize(2);
        assertThat(meeting.attendanceRate()).isEqualTo(50.0);
        LedgerRecord bare = create(unit.getId(), "MEETING", "联席会议", Map.of("subKind", "JOINT", "topics", "联席会议"));
        assertThat(bare.attendance()).isEmpty();
        assertThat(bare.attendanceRate()).isNull();
        AttendanceFigure figure = stats.attendance(Selection.of(unit.getPath(), LedgerKind.MEETING, TODAY.minusDays(5), TODAY)
                .where(LedgerTerms.SUB_KIND, LedgerTerms.THEMATIC));
        assertThat(figure.listed()).isEqualTo(2);
        assertThat(figure.present()).isEqualTo(1);
        // a leave needs its reason, as for study
        assertThat(refused(() -> ledger.create(officer(), "MEETING", new RecordCommand(unit.getId(), TODAY.minusDays(1), null,
                "党委会二", null, List.of(), thematic, List.of(new AttendanceEntry(member.getId(), "LEAVE", " ", false, false))))))
                .containsExactly("attendance[0].leaveReason:ledger.attendance.leaveReasonRequired");

        mvc.perform(get("/ledger/records/{id}", meeting.id()).with(as(users, "officer"))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        org.hamcrest.Matchers.allOf(containsString(secretary.getName()), containsString("下村处理急事"),
                                containsString("应到 2 人，实到 1 人"))));
        mvc.perform(get("/ledger/records/{id}", bare.id()).with(as(users, "officer"))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        containsString("尚未登记出勤名单")));
        mvc.perform(get("/ledger/meeting/new").param("unitId", String.valueOf(unit.getId())).with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        containsString("id=\"att-person-0\"")));
        mvc.perform(get("/api/v1/ledger/records/{id}", meeting.id()).with(as(users, "officer"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.attendance.length()").value(2))
                .andExpect(jsonPath("$.attendanceRate").value(50.0));
        // a correction without the rows takes the attendance away, visibly in the history
        LedgerRecord corrected = ledger.update(officer(), meeting.id(), new RecordCommand(unit.getId(), TODAY.minusDays(1), null,
                "党委会", null, List.of(), thematic, List.of()), "名单登记错了", null);
        assertThat(corrected.attendance()).isEmpty();
    }
}
