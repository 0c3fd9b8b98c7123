package org.luoshi.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/**
 * Two instances starting at once on an empty PostgreSQL database: both run Flyway's migrate at the same moment.
 * Flyway serialises them with a PostgreSQL advisory lock, so one applies every migration and the other finds
 * them applied; each version is in the history once. The race runs in a fresh schema of the test database and
 * drops it after. Only in the PostgreSQL run (the embedded H2 database serves one instance).
 */
class ConcurrentMigrationTest {

    @Test
    void twoInstancesMigratingAnEmptyDatabaseAtOnceApplyEachMigrationOnce() throws Exception {
        String url = System.getProperty("LUOSHI_TEST_DB_URL", "");
        assumeThat(url).as("PostgreSQL run only (LUOSHI_TEST_PG_URL)").startsWith("jdbc:postgresql:");
        String user = System.getProperty("LUOSHI_TEST_DB_USER");
        String password = System.getProperty("LUOSHI_TEST_DB_PASSWORD");
        String schema = "race_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        // The schema exists beforehand, as public does in a new database: the race is over the migrations.
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<MigrateResult>> instances = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                instances.add(pool.submit(() -> {
                    Flyway flyway = Flyway.configure().dataSource(url, user, password).schemas(schema)
                            .locations("classpath:db/migration", "classpath:db/vendor/postgresql").load();
                    start.await();
                    return flyway.migrate();
                }));
            }
            start.countDown();
            List<MigrateResult> results = new ArrayList<>();
            for (Future<MigrateResult> f : instances) {
                results.add(f.get(5, TimeUnit.MINUTES));
            }
            assertThat(results).allMatch(r -> r.success);
            int applied = results.get(0).migrationsExecuted + results.get(1).migrationsExecuted;
            assertThat(applied).as("one instance applied them all, the other none").isPositive()
                    .isIn(results.get(0).migrationsExecuted, results.get(1).migrationsExecuted);
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("select count(*), count(distinct version), bool_and(success) from " + schema
                        + ".flyway_schema_history where version is not null")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(applied).isEqualTo(rs.getInt(2));
                    assertThat(rs.getBoolean(3)).isTrue();
                }
            }
        } finally {
            pool.shutdownNow();
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                s.execute("drop schema if exists " + schema + " cascade");
            }
        }
    }
}
