package org.luoshi.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.TestUsers;
import org.luoshi.account.SignedInUser;
import org.luoshi.evidence.HostileFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * A new record with its photos in one submit: a refused file keeps the typed fields, names the file and
 * why, and saves neither the record nor the files before it (one transaction); good files are stored
 * with the record. Not in a test transaction: the rollback must happen as it does for a user.
 */
@LuoshiTest
class RecordWithFilesTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    MockMultipartHttpServletRequestBuilder outreach(String title, MockMultipartFile... files) {
        long unit = ((SignedInUser) users.loadUserByUsername("officer")).scope().unitId();
        MockMultipartHttpServletRequestBuilder request = multipart("/ledger/outreach");
        for (MockMultipartFile file : files) {
            request.file(file);
        }
        request.with(TestUsers.as(users, "officer")).with(csrf()).header("Accept-Language", "zh-CN")
                .param("unitId", String.valueOf(unit)).param("occurredOn", LocalDate.now(clock).toString())
                .param("title", title).param("fields[lecturers]", "县宣讲团").param("fields[audience]", "45");
        return request;
    }

    long records(String title) {
        return jdbc.sql("select count(*) from ledger_record where title = ?").param(title).query(Long.class).single();
    }

    long attachments() {
        return jdbc.sql("select count(*) from attachment").query(Long.class).single();
    }

    @Test
    void aRefusedFileKeepsTheFormAndSavesNothingAndGoodFilesComeWithTheRecord() throws Exception {
        String title = "带照片的宣讲" + UUID.randomUUID().toString().substring(0, 6);
        long before = attachments();
        String page = mvc.perform(outreach(title,
                        new MockMultipartFile("files", "现场照片.png", "image/png", HostileFiles.png()),
                        new MockMultipartFile("files", "签到表.png", "image/png", HostileFiles.truncatedPng())))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("签到表.png").contains("图片不完整或已损坏").contains("value=\"" + title + "\"")
                .contains("value=\"县宣讲团\"").contains("id=\"files-error\"");
        assertThat(records(title)).isZero();
        assertThat(attachments()).isEqualTo(before);

        String location = mvc.perform(outreach(title,
                        new MockMultipartFile("files", "现场照片.png", "image/png", HostileFiles.png()),
                        new MockMultipartFile("files", "签到表.jpg", "image/jpeg", HostileFiles.jpeg())))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(records(title)).isEqualTo(1);
        assertThat(attachments()).isEqualTo(before + 2);
        assertThat(mvc.perform(get(location).with(TestUsers.as(users, "officer")).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("现场照片.png").contains("签到表.jpg");

        // without files the form saves the record as before
        mvc.perform(outreach(title + "无附件")).andExpect(status().is3xxRedirection());
        assertThat(records(title + "无附件")).isEqualTo(1);
    }
}
