package org.luoshi.responsibility;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;

/** The responsibility endpoints are described in the OpenAPI document. */
@LuoshiTest
class ResponsibilityApiDocsTest extends ResponsibilityTestBase {

    @Test
    void openApiListsTheResponsibilityEndpoints() throws Exception {
        mvc.perform(get("/v3/api-docs").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/v1/responsibility/groups/{townshipId}/seats/{seatId}")))
                .andExpect(content().string(containsString("/api/v1/responsibility/duties/{id}/confirm")))
                .andExpect(content().string(containsString("/api/v1/responsibility/attention")))
                .andExpect(content().string(containsString("/api/v1/responsibility/letters/{id}/scan")))
                .andExpect(content().string(containsString("Responsibility letters")));
    }
}
