package org.luoshi.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V33/V34 on a database that already holds records: the placements become published, the awards
 * honours received, a directive may lose its number, and a regulation's bracket variants become 〔〕.
 * Its own in-memory H2 database, migrated to V31 first, then to the end.
 */
class ReportedFactsMigrationTest {

    @Test
    void existingRowsGetTheValuesTheyMeant() {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:facts-migration;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        db.setUser("sa");
        Flyway.configure().dataSource(db).locations("classpath:db/migration", "classpath:db/vendor/h2").target("31").load().migrate();
        JdbcClient jdbc = JdbcClient.create(db);
        jdbc.sql("insert into org_unit (id, kind, name, path, created_at, updated_at) values "
                + "(1, 'TOWNSHIP', '柳溪镇', '/1/', current_timestamp, current_timestamp)").update();
        String record = "insert into ledger_record (id, org_unit_id, unit_path, kind, occurred_on, title, recorded_at, recorded_by) "
                + "values (:id, 1, '/1/', :kind, date '2024-05-01', :title, current_timestamp, 'officer')";
        Map<Long, String> kinds = Map.of(1L, "MEDIA_PLACEMENT", 2L, "AWARD", 3L, "REGULATION", 4L, "REGULATION", 5L, "STUDY_SESSION",
                6L, "DIRECTIVE");
        kinds.forEach((id, kind) -> jdbc.sql(record).param("id", id).param("kind", kind).param("title", kind + id).update());
        jdbc.sql("insert into ledger_media_placement (record_id, outlet, level, medium) values (1, '省报', 'PROVINCIAL', 'PRINT')").update();
        jdbc.sql("insert into ledger_award (record_id, sub_kind, level, awardee_name) values (2, 'GOOD_PERSON', 'COUNTY', '某某')").update();
        jdbc.sql("insert into ledger_regulation (record_id, sub_kind, issued_by, doc_number) values (3, 'RULES', '镇党委', '柳党发 [2023] 5号')")
                .update();
        jdbc.sql("insert into ledger_regulation (record_id, sub_kind, issued_by, doc_number) values (4, 'RULES', '镇党委', ' ')").update();
        jdbc.sql("insert into ledger_study_session (record_id, sub_kind, topic) values (5, 'CENTRAL_GROUP', '学习')").update();
        jdbc.sql("insert into ledger_directive (record_id, issuer, doc_number) values (6, '县委办', '青办发〔2023〕1号')").update();

        Flyway.configure().dataSource(db).locations("classpath:db/migration", "classpath:db/vendor/h2").load().migrate();

        assertThat(jdbc.sql("select state from ledger_media_placement where record_id = 1").query(String.class).single())
                .isEqualTo("PUBLISHED");
        assertThat(jdbc.sql("select party_paper from ledger_media_placement where record_id = 1").query(Boolean.class).single())
                .isFalse();
        assertThat(jdbc.sql("select direction from ledger_award where record_id = 2").query(String.class).single())
                .isEqualTo("RECEIVED");
        assertThat(jdbc.sql("select doc_number from ledger_regulation where record_id = 3").query(String.class).single())
                .isEqualTo("柳党发〔2023〕5号");
        assertThat(jdbc.sql("select count(*) from ledger_regulation where record_id = 4 and doc_number is null").query(Long.class)
                .single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from ledger_study_session where record_id = 5 and trained_count is null "
                + "and eligible_count is null").query(Long.class).single()).isEqualTo(1);
        // a directive without a number can be stored now
        jdbc.sql(record).param("id", 7L).param("kind", "DIRECTIVE").param("title", "会议精神").update();
        jdbc.sql("insert into ledger_directive (record_id, issuer) values (7, '市委宣传部')").update();
        // the database keeps the rules too, for writes that bypass the application
        assertThatThrownBy(() -> jdbc.sql("update ledger_study_session set eligible_count = 10, trained_count = 11 where record_id = 5")
                .update()).satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("ck_ledger_study_session_trained"));
        assertThatThrownBy(() -> jdbc.sql("update ledger_media_placement set state = 'LOST' where record_id = 1").update())
                .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("ck_ledger_media_state"));
        jdbc.sql(record).param("id", 8L).param("kind", "NEW_MEDIA_OUTPUT").param("title", "公众号").update();
        assertThatThrownBy(() -> jdbc.sql("insert into ledger_new_media_output (record_id, account, platform, posts) "
                + "values (8, '微柳溪', 'WECHAT_OA', -1)").update())
                .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("ck_ledger_new_media_output_posts"));
    }
}
