package org.luoshi.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The database's own dump and load, never table by table: H2 writes and runs an SQL script ({@code SCRIPT
 * TO} / {@code RUNSCRIPT FROM}); PostgreSQL uses {@code pg_dump --format=custom} and {@code pg_restore},
 * which must be on the PATH (or named by {@code luoshi.backup.pg-bin}). Reading through the dump keeps the
 * backup out of every module's tables and gives one consistent snapshot.
 */
enum DatabaseDump {

    H2("database/h2-script.sql"),
    POSTGRESQL("database/postgresql.dump");

    final String entry;

    DatabaseDump(String entry) {
        this.entry = entry;
    }

    static DatabaseDump of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("backup knows H2 and PostgreSQL, not " + jdbcUrl.replaceAll("\\?.*", ""));
    }

    static DatabaseDump ofEntry(String name) {
        for (DatabaseDump d : values()) {
            if (d.entry.equals(name)) {
                return d;
            }
        }
        return null;
    }

    /** Writes the dump of the database behind {@code connection} (H2) or {@code url} (PostgreSQL) to {@code file}. */
    void dump(Connection connection, Database db, Path file, String pgBin) throws IOException, SQLException {
        if (this == H2) {
            // One statement in a repeatable-read transaction: a snapshot, while the application keeps writing.
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (Statement s = connection.createStatement()) {
                s.execute("SCRIPT TO " + quote(file));
                connection.commit();
            } finally {
                connection.setTransactionIsolation(isolation);
                connection.setAutoCommit(autoCommit);
            }
        } else {
            run(db, List.of(tool(pgBin, "pg_dump"), "--format=custom", "--no-owner", "--no-acl", "--file=" + file), db.uri());
        }
    }

    /** Loads {@code file} into the empty database {@code db}. */
    void load(Database db, Path file, String pgBin) throws IOException, SQLException {
        if (this == H2) {
            try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password()); Statement s = c.createStatement()) {
                s.execute("RUNSCRIPT FROM " + quote(file));
            }
        } else {
            run(db, List.of(tool(pgBin, "pg_restore"), "--no-owner", "--no-acl", "--exit-on-error"), db.uri(), file.toString());
        }
    }

    /** The tables in the target's own schema; a restore goes only into a database with none. */
    static List<String> tables(Database db) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String schema = rs.getString("TABLE_SCHEM");
                    if (schema != null && schema.equalsIgnoreCase("public")) {
                        names.add(rs.getString("TABLE_NAME"));
                    }
                }
            }
            return names;
        }
    }

    /** How to reach a database: the JDBC URL and credentials, and for the PostgreSQL tools a libpq URI. */
    record Database(String url, String user, String password) {

        /** jdbc:postgresql://host:port/db?… → postgresql://host:port/db (JDBC-only parameters dropped). */
        String uri() {
            String u = url.substring("jdbc:".length());
            if (!u.startsWith("postgresql://")) {
                throw new IllegalArgumentException("pg_dump needs a jdbc:postgresql://host/db URL");
            }
            int query = u.indexOf('?');
            return query < 0 ? u : u.substring(0, query);
        }
    }

    private static void run(Database db, List<String> command, String... more) throws IOException {
        List<String> args = new ArrayList<>(command);
        if (db.user() != null && !db.user().isBlank()) {
            args.add("--username=" + db.user());
        }
        args.add("--dbname=" + more[0]);
        for (int i = 1; i < more.length; i++) {
            args.add(more[i]);
        }
        ProcessBuilder pb = new ProcessBuilder(args).redirectErrorStream(true);
        // The password goes through the environment, never the command line that `ps` shows.
        if (db.password() != null && !db.password().isEmpty()) {
            pb.environment().put("PGPASSWORD", db.password());
        }
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(6, TimeUnit.HOURS) || p.exitValue() != 0) {
                throw new IOException(args.get(0) + " failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(args.get(0) + " interrupted");
        }
    }

    private static String tool(String pgBin, String name) {
        return pgBin == null || pgBin.isBlank() ? name : Path.of(pgBin, name).toString();
    }

    private static String quote(Path file) {
        return "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
    }

    static boolean isDirectoryEmpty(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return true;
        }
        try (var files = Files.list(dir)) {
            return files.findAny().isEmpty();
        }
    }
}
