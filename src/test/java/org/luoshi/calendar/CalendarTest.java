package org.luoshi.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.luoshi.TestUsers.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.account.AccessTokenService;
import org.luoshi.account.SignedInUser;
import org.luoshi.calendar.CalendarEntry.State;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The work calendar on the real stack (H2, or PostgreSQL with LUOSHI_TEST_PG_URL): duties come from a
 * published indicator set and the ledger, their state from the day given; the page keeps to the
 * user's scope; the feed is valid iCalendar, opened by a personal access token in its URL and shut
 * by revoking it.
 *
 * <p>The data lies in a year long past ({@link #YEAR}), with an indicator code of its own, so that
 * neither the demo data nor other tests change what is asserted, whatever the clock says.
 */
@LuoshiTest
class CalendarTest {

    static final int YEAR = 2021;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    ObjectMapper json;

    @Autowired
    OrgUnitService units;

    @Autowired
    ObligationCalendar calendar;

    @Autowired
    AccessTokenService tokens;

    String code;
    String name;
    long township;
    long recordId;

    SignedInUser user(String username) {
        return (SignedInUser) users.loadUserByUsername(username);
    }

    long townshipNamed(String townshipName) {
        return units.ofKind(units.systemReader("test"), OrgUnitKind.TOWNSHIP).stream()
                .filter(u -> u.getName().equals(townshipName)).map(OrgUnit::getId).findFirst().orElseThrow();
    }

    /**
     * 柳溪镇's own set for {@link #YEAR}: a monthly 中心组学习 with a code of this test, published; and
     * one such study recorded on 10 March.
     */
    @BeforeEach
    void monthlyStudyWithMarchDone() throws Exception {
        code = "CAL-" + UUID.randomUUID().toString().substring(0, 6);
        name = "理论学习中心组按计划每月集中学习（日历测试" + code + "）";
        township = townshipNamed("柳溪镇");
        JsonNode set = json.readTree(mvc.perform(post("/api/v1/assessment/sets").with(as(users, "officer"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\":" + YEAR + ",\"name\":\"日历测试" + code + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        long setId = set.path("set").path("id").asLong();
        mvc.perform(post("/api/v1/assessment/sets/" + setId + "/indicators").with(as(users, "officer"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"code":"%s","name":"%s","category":"理论学习","weight":10,"target":1,
                                 "periodMode":"EACH_MONTH","scoring":"PROPORTIONAL","rule":{"aggregation":"COUNT",
                                 "kind":"STUDY_SESSION","filters":[{"type":"SUB_KIND","values":["CENTRAL_GROUP"]}]}}"""
                                .formatted(code, name)))
                .andExpect(status().isCreated());
        JsonNode current = json.readTree(mvc.perform(get("/api/v1/assessment/sets/" + setId).with(as(users, "officer")))
                .andReturn().getResponse().getContentAsString());
        mvc.perform(put("/api/v1/assessment/sets/" + setId).with(as(users, "officer"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\":" + YEAR + ",\"name\":\"日历测试" + code + "\",\"published\":true,\"version\":"
                                + current.path("set").path("version").asLong() + "}"))
                .andExpect(status().isOk());
        JsonNode record = json.readTree(mvc.perform(post("/api/v1/ledger/study-session").with(as(users, "officer"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"unitId": %d, "occurredOn": "%d-03-10", "title": "中心组学习（%s）",
                                 "fields": {"subKind": "CENTRAL_GROUP", "topic": "理论学习"}}""".formatted(township, YEAR, code)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        recordId = record.path("id").asLong();
    }

    Map<LocalDate, CalendarEntry> mine(List<CalendarEntry> entries) {
        return entries.stream().filter(e -> e.code().equals(code))
                .collect(Collectors.toMap(CalendarEntry::due, e -> e));
    }

    @Test
    void eachPeriodIsDoneDueOrOverdueOnTheDayGiven() {
        // on 15 April: March met, February ended unmet, April running, May not started
        Map<LocalDate, CalendarEntry> april = mine(calendar.year(user("officer").scope(), township, YEAR,
                LocalDate.of(YEAR, 4, 15)));
        assertThat(april).hasSize(12);
        assertThat(april.get(LocalDate.of(YEAR, 3, 31)).state()).isEqualTo(State.DONE);
        assertThat(april.get(LocalDate.of(YEAR, 3, 31)).link()).isEqualTo("/ledger/records/" + recordId);
        assertThat(april.get(LocalDate.of(YEAR, 2, 28)).state()).isEqualTo(State.OVERDUE);
        assertThat(april.get(LocalDate.of(YEAR, 2, 28)).note()).contains("2月");
        assertThat(april.get(LocalDate.of(YEAR, 4, 30)).state()).isEqualTo(State.DUE);
        assertThat(april.get(LocalDate.of(YEAR, 5, 31)).state()).isEqualTo(State.DUE);
        assertThat(april.get(LocalDate.of(YEAR, 4, 30)).link())
                .isEqualTo("/ledger/study-session?unitId=" + township + "&from=" + YEAR + "-04-01&to=" + YEAR + "-04-30");
        // the last day of April is still in time; the day after, April is overdue
        assertThat(mine(calendar.year(user("officer").scope(), township, YEAR, LocalDate.of(YEAR, 4, 30)))
                .get(LocalDate.of(YEAR, 4, 30)).state()).isEqualTo(State.DUE);
        assertThat(mine(calendar.year(user("officer").scope(), township, YEAR, LocalDate.of(YEAR, 5, 1)))
                .get(LocalDate.of(YEAR, 4, 30)).state()).isEqualTo(State.OVERDUE);
        // before the year: nothing started, everything due, the uid the same as later
        Map<LocalDate, CalendarEntry> before = mine(calendar.year(user("officer").scope(), township, YEAR,
                LocalDate.of(YEAR - 1, 12, 1)));
        assertThat(before.values()).extracting(CalendarEntry::state).containsOnly(State.DUE);
        assertThat(before.get(LocalDate.of(YEAR, 3, 31)).uid()).isEqualTo(april.get(LocalDate.of(YEAR, 3, 31)).uid());
    }

    @Test
    void thePageShowsTheMonthWithStatesAndLinks() throws Exception {
        // the year is past on the application's clock: March done, April overdue
        String march = mvc.perform(get("/calendar").param("townshipId", String.valueOf(township))
                        .param("year", String.valueOf(YEAR)).param("month", "3").with(as(users, "officer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(march).contains("data-state=\"DONE\" data-code=\"" + code + "\"")
                .contains("/ledger/records/" + recordId).contains("已完成").contains("工作日历")
                .contains("/calendar/feed.ics?townshipId=" + township + "&amp;token=");
        String april = mvc.perform(get("/calendar").param("townshipId", String.valueOf(township))
                        .param("year", String.valueOf(YEAR)).param("month", "4").with(as(users, "leader")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(april).contains("data-state=\"OVERDUE\" data-code=\"" + code + "\"").contains("已逾期");
        // the county reviewer reads the township; without one chosen, is asked to pick
        mvc.perform(get("/calendar").param("townshipId", String.valueOf(township)).param("year", String.valueOf(YEAR))
                        .param("month", "3").with(as(users, "county")))
                .andExpect(status().isOk()).andExpect(content().string(containsString(code)));
        mvc.perform(get("/calendar").with(as(users, "county")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请先选择")));
        mvc.perform(get("/calendar").param("month", "13").with(as(users, "officer"))).andExpect(status().isNotFound());
    }

    @Test
    void anotherTownshipsCalendarIsNotFoundAndAClerkHasNone() throws Exception {
        long other = townshipNamed("石桥乡");
        mvc.perform(get("/calendar").param("townshipId", String.valueOf(other)).with(as(users, "officer")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/calendar").param("townshipId", String.valueOf(township)).with(as(users, "officer2")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/calendar").with(as(users, "clerk"))).andExpect(status().isForbidden());
    }

    @Test
    void theFeedIsICalendarOpenedByATokenInItsUrlAndShutByRevokingIt() throws Exception {
        SignedInUser officer = user("officer");
        AccessTokenService.IssuedToken token = tokens.issue(officer.getAccountId(), "手机日历-" + code, null);
        // a phone in English still gets the Chinese summaries
        byte[] body = mvc.perform(get("/calendar/feed.ics").param("year", String.valueOf(YEAR))
                        .param("token", token.token()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/calendar;charset=UTF-8"))
                .andReturn().getResponse().getContentAsByteArray();
        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(text).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        // every physical line ends in CRLF (no bare LF) and is at most 75 octets
        assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        for (String line : text.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        // unfolded and parsed back: one event per month of the indicator
        List<Map<String, String>> events = parse(text);
        List<Map<String, String>> ours = events.stream().filter(e -> e.getOrDefault("SUMMARY", "").contains(code)).toList();
        assertThat(ours).hasSize(12);
        Map<String, String> march = ours.stream().filter(e -> e.get("DTSTART;VALUE=DATE").equals(YEAR + "0331"))
                .findFirst().orElseThrow();
        assertThat(march.get("SUMMARY")).isEqualTo("【已完成】" + name + "（3月）");
        assertThat(march.get("DTEND;VALUE=DATE")).isEqualTo(YEAR + "0401");
        assertThat(march.get("UID")).endsWith("@luoshi");
        assertThat(march.get("URL")).endsWith("/calendar?townshipId=" + township + "&year=" + YEAR + "&month=3");
        assertThat(ours.stream().filter(e -> e.get("DTSTART;VALUE=DATE").equals(YEAR + "0430")).findFirst().orElseThrow()
                .get("SUMMARY")).startsWith("【已逾期】");
        assertThat(ours).extracting(e -> e.get("UID")).doesNotHaveDuplicates();
        // the same feed again: the same UIDs, so a phone updates rather than duplicates
        String again = mvc.perform(get("/calendar/feed.ics").param("year", String.valueOf(YEAR)).param("token", token.token()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(parse(again).stream().map(e -> e.get("UID")).toList())
                .isEqualTo(events.stream().map(e -> e.get("UID")).toList());

        // another township's feed is not found with this token either
        mvc.perform(get("/calendar/feed.ics").param("townshipId", String.valueOf(townshipNamed("石桥乡")))
                .param("token", token.token())).andExpect(status().isNotFound());
        // no token, a wrong one, a revoked one: 401, never the login page
        mvc.perform(get("/calendar/feed.ics")).andExpect(status().isUnauthorized());
        mvc.perform(get("/calendar/feed.ics").param("token", "lsk_wrong")).andExpect(status().isUnauthorized());
        tokens.revoke(officer.getAccountId(), token.id());
        mvc.perform(get("/calendar/feed.ics").param("token", token.token())).andExpect(status().isUnauthorized());
        // the token in a URL opens the feed only: not the pages
        AccessTokenService.IssuedToken other = tokens.issue(officer.getAccountId(), "其他-" + code, null);
        mvc.perform(get("/calendar").param("token", other.token())).andExpect(status().is3xxRedirection());
    }

    /** The events of an iCalendar text: lines unfolded (RFC 5545 3.1), each property name to its value. */
    static List<Map<String, String>> parse(String text) {
        String unfolded = text.replace("\r\n ", "").replace("\r\n\t", "");
        List<Map<String, String>> events = new ArrayList<>();
        Map<String, String> event = null;
        for (String line : unfolded.split("\r\n")) {
            if (line.equals("BEGIN:VEVENT")) {
                event = new java.util.LinkedHashMap<>();
            } else if (line.equals("END:VEVENT")) {
                events.add(event);
                event = null;
            } else if (event != null) {
                int colon = line.indexOf(':');
                event.put(line.substring(0, colon), line.substring(colon + 1).replace("\\,", ",").replace("\\;", ";")
                        .replace("\\n", "\n").replace("\\\\", "\\"));
            }
        }
        return events;
    }
}
