package org.luoshi.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.luoshi.TestUsers.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The work kinds (阵地 … 群众队伍): required fields, counts never negative, references within the township. */
@LuoshiTest
class WorkKindsTest {

    @Autowired
    LedgerService ledger;
    @Autowired
    LedgerStatistics stats;
    @Autowired
    LedgerFixtures fx;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    DataScope officer() {
        return fx.scope("officer");
    }

    static Set<String> refused(Runnable action) {
        try {
            action.run();
        } catch (LedgerValidationException e) {
            Set<String> fields = new HashSet<>();
            e.violations().forEach(v -> fields.add(v.field() + ":" + v.messageKey()));
            return fields;
        }
        throw new AssertionError("expected the record to be refused");
    }

    long records(long unitId) {
        return jdbc.sql("select count(*) from ledger_record where org_unit_id = :u").param("u", unitId).query(Long.class).single();
    }

    static RecordCommand command(long unitId, String title, Map<String, Object> fields) {
        return new RecordCommand(unitId, LedgerFixtures.TODAY.minusDays(2), null, title, null, List.of(), fields, List.of());
    }

    static Map<String, Object> with(Map<String, Object> base, String name, Object value) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.put(name, value);
        return copy;
    }

    LedgerRecord venue(DataScope scope, long unitId) {
        return ledger.create(scope, "VENUE", command(unitId, "农家书屋", Map.of("subKind", "LIBRARY", "location", "村部二楼")));
    }

    LedgerRecord team(DataScope scope, long unitId) {
        return ledger.create(scope, "VOLUNTEER_TEAM", command(unitId, "敬老志愿服务队", Map.of("theme", "敬老", "members", 12)));
    }

    /** For each kind: a valid record is kept; the required field missing and a count below zero are refused. */
    @ParameterizedTest
    @CsvSource({
            "VENUE,subKind,,",
            "VENUE_CHECK,venue,visitors,",
            "ACTIVITY,subKind,participants,",
            "VOLUNTEER_TEAM,,members,",
            "VOLUNTEER_SERVICE,team,beneficiaries,hours",
            "AWARD,awardeeName,,",
            "PUBLICITY_MATERIAL,subKind,quantity,cost",
            "CULTURE_TEAM,subKind,members,",
            "REGULATION,issuedBy,,"})
    void eachKindRequiresItsFieldsAndRefusesNegativeCounts(String kind, String required, String count, String decimal) {
        OrgUnit unit = fx.freshVillage("柳溪镇");
        Map<String, Object> valid = validFields(kind, unit.getId());
        LedgerRecord kept = ledger.create(officer(), kind, command(unit.getId(), "有效记录", valid));
        assertThat(kept.kind()).isEqualTo(kind);
        if (required != null) {
            Map<String, Object> missing = new HashMap<>(valid);
            missing.remove(required);
            assertThat(refused(() -> ledger.create(officer(), kind, command(unit.getId(), "缺必填", missing))))
                    .containsExactly("fields." + required + ":ledger.error.required");
        }
        assertThat(refused(() -> ledger.create(officer(), kind, command(unit.getId(), " ", valid))))
                .containsExactly("title:ledger.error.required");
        if (count != null) {
            assertThat(refused(() -> ledger.create(officer(), kind, command(unit.getId(), "负数", with(valid, count, -1)))))
                    .containsExactly("fields." + count + ":ledger.error.negative");
        }
        if (decimal != null) {
            assertThat(refused(() -> ledger.create(officer(), kind, command(unit.getId(), "负数", with(valid, decimal, "-0.5")))))
                    .containsExactly("fields." + decimal + ":ledger.error.negative");
            assertThat(refused(() -> ledger.create(officer(), kind, command(unit.getId(), "小数", with(valid, decimal, "1.005")))))
                    .containsExactly("fields." + decimal + ":ledger.error.decimals");
        }
        assertThat(records(unit.getId())).isEqualTo(kind.equals("VENUE_CHECK") || kind.equals("VOLUNTEER_SERVICE") ? 2 : 1);
    }

    Map<String, Object> validFields(String kind, long unitId) {
        return switch (kind) {
            case "VENUE" -> Map.of("subKind", "BROADCAST", "village", unitId, "manager", "村宣传员");
            case "VENUE_CHECK" -> Map.of("venue", venue(officer(), unitId).id(), "state", "NEEDS_REPAIR", "visitors", 40,
                    "faultsFound", 2, "faultsFixed", 1);
            case "ACTIVITY" -> Map.of("subKind", "ANTI_PORN", "participants", 6, "establishmentsChecked", 9);
            case "VOLUNTEER_TEAM" -> Map.of("theme", "环境整治", "members", 20);
            case "VOLUNTEER_SERVICE" -> Map.of("team", team(officer(), unitId).id(), "volunteers", 8, "hours", "24.5",
                    "beneficiaries", 60);
            case "AWARD" -> Map.of("subKind", "STAR_FAMILY", "level", "TOWNSHIP", "direction", "GIVEN", "awardeeName", "某某户");
            case "PUBLICITY_MATERIAL" -> Map.of("subKind", "BANNER", "quantity", 30, "cost", "1260.00");
            case "CULTURE_TEAM" -> Map.of("subKind", "ART_TROUPE", "village", unitId, "members", 15);
            case "REGULATION" -> Map.of("subKind", "RULES", "issuedBy", "镇党委");
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @Test
    void faultsFixedCannotExceedFaultsFound() {
        OrgUnit unit = fx.freshVillage("柳溪镇");
        long venue = venue(officer(), unit.getId()).id();
        assertThat(refused(() -> ledger.create(officer(), "VENUE_CHECK", command(unit.getId(), "季度检查",
                Map.of("venue", venue, "state", "GOOD", "faultsFound", 1, "faultsFixed", 3)))))
                .containsExactly("fields.faultsFixed:ledger.error.notAbove");
        LedgerRecord ok = ledger.create(officer(), "VENUE_CHECK", command(unit.getId(), "季度检查",
                Map.of("venue", venue, "state", "GOOD", "faultsFound", 3, "faultsFixed", 3)));
        assertThat(ok.field("faultsFixed")).isEqualTo(3L);
    }

    @Test
    void aVenueCheckReferencesOnlyAVenueOfTheSameTownshipEvenForTheAdministrator() {
        OrgUnit liuxi = fx.freshVillage("柳溪镇");
        OrgUnit shiqiao = fx.freshVillage("石桥乡");
        DataScope admin = fx.scope("admin");
        long foreignVenue = venue(admin, shiqiao.getId()).id();
        long foreignTeam = team(admin, shiqiao.getId()).id();
        Map<String, Object> check = Map.of("venue", foreignVenue, "state", "GOOD");
        assertThat(refused(() -> ledger.create(admin, "VENUE_CHECK", command(liuxi.getId(), "检查", check))))
                .containsExactly("fields.venue:ledger.error.refNotFound");
        assertThat(refused(() -> ledger.create(officer(), "VENUE_CHECK", command(liuxi.getId(), "检查", check))))
                .containsExactly("fields.venue:ledger.error.refNotFound");
        assertThat(refused(() -> ledger.create(admin, "VOLUNTEER_SERVICE", command(liuxi.getId(), "服务",
                Map.of("team", foreignTeam)))))
                .containsExactly("fields.team:ledger.error.refNotFound");
        // A venue of another village of the same township is fine; a venue check is not a venue.
        long localVenue = venue(admin, fx.freshVillage("柳溪镇").getId()).id();
        LedgerRecord local = ledger.create(officer(), "VENUE_CHECK", command(liuxi.getId(), "检查", Map.of("venue", localVenue,
                "state", "GOOD")));
        assertThat(refused(() -> ledger.create(officer(), "VENUE_CHECK", command(liuxi.getId(), "检查",
                Map.of("venue", local.id(), "state", "GOOD")))))
                .containsExactly("fields.venue:ledger.error.refNotFound");
        assertThat(records(liuxi.getId())).isEqualTo(1);
    }

    @Test
    void sumsOfTheNewKindsAreAvailableToIndicators() {
        OrgUnit unit = fx.freshVillage("石桥乡");
        DataScope officer2 = fx.scope("officer2");
        long team = team(officer2, unit.getId()).id();
        for (String hours : List.of("12.5", "7.25")) {
            ledger.create(officer2, "VOLUNTEER_SERVICE", command(unit.getId(), "关爱留守儿童" + hours, Map.of("team", team, "hours", hours,
                    "beneficiaries", 10)));
        }
        Selection services = Selection.of(unit.getPath(), LedgerKind.VOLUNTEER_SERVICE, LedgerFixtures.TODAY.minusDays(10),
                LedgerFixtures.TODAY);
        assertThat(stats.sum(services, "hours")).isEqualByComparingTo(new BigDecimal("19.75"));
        assertThat(stats.sum(services, "beneficiaries")).isEqualByComparingTo(new BigDecimal("20"));
    }

    @Test
    void apiRefusesBadWorkRecordsWithFieldErrors() throws Exception {
        OrgUnit unit = fx.freshVillage("柳溪镇");
        OrgUnit other = fx.freshVillage("石桥乡");
        long foreignVenue = venue(fx.scope("admin"), other.getId()).id();
        String on = LedgerFixtures.TODAY.toString();
        Map<String, String> bodies = Map.of(
                "venue", "{\"title\": \"文化站\", \"fields\": {\"location\": \"镇政府东侧\"}}",
                "venue-check", "{\"title\": \"检查\", \"fields\": {\"venue\": " + foreignVenue
                        + ", \"state\": \"GOOD\", \"visitors\": -3}}",
                "activity", "{\"title\": \"广场舞比赛\", \"fields\": {\"subKind\": \"SPORTS\", \"sessions\": -1}}",
                "volunteer-team", "{\"title\": \"\", \"fields\": {\"members\": -5}}",
                "volunteer-service", "{\"title\": \"服务\", \"fields\": {\"hours\": -2}}",
                "award", "{\"title\": \"星级文明户\", \"fields\": {\"subKind\": \"STAR_FAMILY\", \"level\": \"TOWNSHIP\"}}",
                "publicity-material", "{\"title\": \"横幅\", \"fields\": {\"subKind\": \"BANNER\", \"cost\": -100}}",
                "culture-team", "{\"title\": \"篮球队\", \"fields\": {\"subKind\": \"SPORTS_TEAM\", \"members\": -1}}",
                "regulation", "{\"title\": \"学习计划\", \"fields\": {\"subKind\": \"STUDY_PLAN\"}}");
        Map<String, String> expected = Map.of("venue", "fields.subKind", "venue-check", "fields.venue", "activity",
                "fields.sessions", "volunteer-team", "fields.members", "volunteer-service", "fields.team", "award",
                "fields.awardeeName", "publicity-material", "fields.cost", "culture-team", "fields.members", "regulation",
                "fields.issuedBy");
        for (var entry : bodies.entrySet()) {
            String body = entry.getValue().replaceFirst("\\{", "{\"unitId\": " + unit.getId() + ", \"occurredOn\": \"" + on + "\", ");
            mvc.perform(post("/api/v1/ledger/{kind}", entry.getKey()).with(as(users, "officer"))
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.fieldErrors[*].field", hasItem(expected.get(entry.getKey()))));
        }
        mvc.perform(post("/api/v1/ledger/venue-check").with(as(users, "officer")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unitId\": %d, \"occurredOn\": \"%s\", \"title\": \"检查\", \"fields\": {\"venue\": %d, \"state\": \"GOOD\"}}"
                                .formatted(unit.getId(), on, foreignVenue)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors[0].field").value("fields.venue"));
        mvc.perform(post("/api/v1/ledger/venue-check").with(as(users, "officer")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unitId\": %d, \"occurredOn\": \"%s\", \"title\": \"检查\", \"fields\": {\"venue\": %d, \"state\": \"GOOD\", \"faultsFound\": 1, \"faultsFixed\": 2}}"
                                .formatted(unit.getId(), on, venue(fx.scope("officer"), unit.getId()).id())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors[0].field").value("fields.faultsFixed"))
                .andExpect(jsonPath("$.fieldErrors[0].message", containsString("不能大于1")));
        mvc.perform(post("/api/v1/ledger/award").with(as(users, "county")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unitId\": %d, \"occurredOn\": \"%s\", \"title\": \"好人\", \"fields\": {\"subKind\": \"GOOD_PERSON\", \"level\": \"COUNTY\", \"awardeeName\": \"某某\"}}"
                                .formatted(unit.getId(), on)))
                .andExpect(status().isForbidden());
        assertThat(records(unit.getId())).isEqualTo(1);
    }

    @Test
    void formsOfTheNewKindsRenderAndTheVenueCheckOffersOnlyLocalVenues() throws Exception {
        for (String kind : List.of("venue", "venue-check", "activity", "volunteer-team", "volunteer-service", "award",
                "publicity-material", "culture-team", "regulation")) {
            mvc.perform(get("/ledger/{k}/new", kind).with(as(users, "officer"))).andExpect(status().isOk());
            mvc.perform(get("/ledger/{k}", kind).with(as(users, "county"))).andExpect(status().isOk());
        }
        OrgUnit liuxi = fx.freshVillage("柳溪镇");
        LedgerRecord local = ledger.create(fx.scope("admin"), "VENUE", command(liuxi.getId(), "本镇村村响", Map.of("subKind", "BROADCAST")));
        LedgerRecord foreign = ledger.create(fx.scope("admin"), "VENUE", command(fx.freshVillage("石桥乡").getId(), "外乡村村响",
                Map.of("subKind", "BROADCAST")));
        String form = mvc.perform(get("/ledger/venue-check/new").param("unitId", String.valueOf(liuxi.getId()))
                        .with(as(users, "admin"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("value=\"" + local.id() + "\"").doesNotContain("value=\"" + foreign.id() + "\"");
        mvc.perform(get("/api/v1/ledger/kinds").with(as(users, "officer"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", hasItem("CULTURE_TEAM")))
                .andExpect(jsonPath("$[*].code", hasItem("VENUE_CHECK")));
    }
}
