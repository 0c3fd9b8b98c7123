package org.luoshi.responsibility;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.springframework.http.MediaType;

/** Data scope and write rights of each role, through the pages and the API. */
@LuoshiTest
class ResponsibilityScopeTest extends ResponsibilityTestBase {

    String seatJson(long postId) {
        return "{\"role\":\"MEMBER\",\"postId\":" + postId + "}";
    }

    String letterJson(long township, long counterpart) {
        int year = org.luoshi.TestClock.today().getYear() - 2; // a year without demo letters
        return "{\"townshipId\":" + township + ",\"counterpartUnitId\":" + counterpart + ",\"year\":" + year
                + ",\"signedOn\":\"" + year + "-02-01\",\"signerName\":\"x\"}";
    }

    @Test
    void anOfficerSeesNothingOfAnotherTownship() throws Exception {
        long shiqiao = fx.township("石桥乡").getId();
        mvc.perform(get("/responsibility/groups").param("townshipId", String.valueOf(shiqiao)).with(as("officer")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/responsibility/duties").param("townshipId", String.valueOf(shiqiao)).with(as("officer")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/responsibility/letters").param("townshipId", String.valueOf(shiqiao)).with(as("officer")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/responsibility/groups/{t}/seats/new", shiqiao).with(as("officer")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/responsibility/groups/{t}/confirm", shiqiao).with(as("officer")).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/responsibility/groups/{t}", shiqiao).with(fx.bearer("officer")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/responsibility/duties").param("unitId", String.valueOf(shiqiao)).with(fx.bearer("officer")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/responsibility/letters").param("townshipId", String.valueOf(shiqiao)).with(fx.bearer("officer")))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/responsibility/letters").with(fx.bearer("officer")).contentType(MediaType.APPLICATION_JSON)
                        .content(letterJson(shiqiao, fx.unit("石桥乡", "青山村").getId())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/responsibility/attention").with(fx.bearer("officer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].townshipName", everyItem(is("柳溪镇"))));
        mvc.perform(get("/api/v1/responsibility/attention").with(fx.bearer("officer2")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].townshipName", everyItem(is("石桥乡"))))
                .andExpect(jsonPath("$[*].holderName", hasItem("顾晓岚")));
        long liuxiSeat = firstSeat(fx.township("柳溪镇").getId());
        mvc.perform(delete("/api/v1/responsibility/groups/{t}/seats/{s}", shiqiao, liuxiSeat).with(fx.bearer("officer2")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theCountyReviewerReadsEveryTownshipButWritesNothing() throws Exception {
        long shiqiao = fx.township("石桥乡").getId();
        mvc.perform(get("/responsibility/groups").param("townshipId", String.valueOf(shiqiao)).with(as("county")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"seats\"")))
                .andExpect(content().string(not(containsString("id=\"add-seat\""))));
        mvc.perform(get("/responsibility/duties").param("townshipId", String.valueOf(shiqiao)).with(as("county")))
                .andExpect(status().isOk());
        mvc.perform(get("/responsibility/letters").param("townshipId", String.valueOf(shiqiao)).with(as("county")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("桃源村")));
        mvc.perform(get("/responsibility/attention").with(as("county")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("顾晓岚")));
        mvc.perform(get("/api/v1/responsibility/groups/{t}", shiqiao).with(fx.bearer("county")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.seats[?(@.role == 'LEADER')]").isNotEmpty());

        long post = fx.heldPost("石桥乡", "审核测试" + Fixtures.unique()).getId();
        mvc.perform(post("/api/v1/responsibility/groups/{t}/seats", shiqiao).with(fx.bearer("county"))
                        .contentType(MediaType.APPLICATION_JSON).content(seatJson(post)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(post("/api/v1/responsibility/groups/{t}/confirm", shiqiao).with(fx.bearer("county")))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/responsibility/letters").with(fx.bearer("county")).contentType(MediaType.APPLICATION_JSON)
                        .content(letterJson(shiqiao, fx.unit("石桥乡", "青山村").getId())))
                .andExpect(status().isForbidden());
        mvc.perform(post("/responsibility/groups/{t}/confirm", shiqiao).with(as("county")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/responsibility/groups/{t}/seats/new", shiqiao).with(as("county")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theTownshipLeaderReadsButWritesNothing() throws Exception {
        long liuxi = fx.township("柳溪镇").getId();
        mvc.perform(get("/responsibility/groups").with(as("leader")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"seats\"")))
                .andExpect(content().string(not(containsString("id=\"confirm-group\""))));
        mvc.perform(get("/api/v1/responsibility/duties").param("unitId", String.valueOf(liuxi)).with(fx.bearer("leader")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.kind == 'PRIMARY')].postTitle", hasItem("党委书记")));
        long seat = firstSeat(liuxi);
        mvc.perform(delete("/api/v1/responsibility/groups/{t}/seats/{s}", liuxi, seat).with(fx.bearer("leader")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/responsibility/groups/{t}/seats/{s}/delete", liuxi, seat).with(as("leader")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/responsibility/duties/confirm").param("townshipId", String.valueOf(liuxi))
                        .with(as("leader")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/responsibility/letters").with(fx.bearer("leader")).contentType(MediaType.APPLICATION_JSON)
                        .content(letterJson(liuxi, fx.unit("柳溪镇", "上塘村").getId())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/responsibility/groups/{t}", liuxi).with(fx.bearer("leader")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.seats[?(@.id == " + seat + ")]").isNotEmpty());
    }

    @Test
    void aVillageClerkSeesTheirOwnVillagesLetterOnly() throws Exception {
        long liuxi = fx.township("柳溪镇").getId();
        mvc.perform(get("/responsibility/letters").with(as("clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("柳溪村")))
                .andExpect(content().string(not(containsString("上塘村"))))
                .andExpect(content().string(not(containsString("/responsibility/letters/sign"))));
        mvc.perform(get("/api/v1/responsibility/letters").with(fx.bearer("clerk")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows.length()").value(1))
                .andExpect(jsonPath("$.rows[0].counterpartName").value("柳溪村"))
                .andExpect(jsonPath("$.due").value(1));
        mvc.perform(get("/api/v1/responsibility/letters").param("townshipId", String.valueOf(fx.township("石桥乡").getId()))
                        .with(fx.bearer("clerk")))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/responsibility/letters").with(fx.bearer("clerk")).contentType(MediaType.APPLICATION_JSON)
                        .content(letterJson(liuxi, fx.unit("柳溪镇", "柳溪村").getId())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/responsibility/letters/sign").with(as("clerk")).param("townshipId", String.valueOf(liuxi))
                        .param("counterpartId", String.valueOf(fx.unit("柳溪镇", "柳溪村").getId())).param("year", "2025"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/responsibility/groups/{t}", liuxi).with(fx.bearer("clerk")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/responsibility/duties").param("unitId", String.valueOf(liuxi)).with(fx.bearer("clerk")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/responsibility/groups").with(as("clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"seats\""))));
        mvc.perform(get("/responsibility/attention/panel").with(as("clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("list-group-item"))));
        mvc.perform(get("/api/v1/responsibility/attention").with(fx.bearer("clerk")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
    }

    private long firstSeat(long townshipId) throws Exception {
        String json = mvc.perform(get("/api/v1/responsibility/groups/{t}", townshipId).with(fx.bearer("admin")))
                .andReturn().getResponse().getContentAsString();
        return Long.parseLong(json.replaceAll("(?s).*?\"seats\":\\[\\{\"id\":(\\d+).*", "$1"));
    }
}
