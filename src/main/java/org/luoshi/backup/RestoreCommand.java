package org.luoshi.backup;

import java.nio.file.Path;
import org.luoshi.evidence.EvidenceStore;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * {@code java -jar luoshi.jar --luoshi.backup.restore=<archive.zip>}: restores into the database and data
 * directory the usual settings name (profiles, {@code LUOSHI_DB_URL}, {@code luoshi.data-dir}), which must
 * be empty. It starts no application: only the configuration is read, so that neither Flyway nor the demo
 * data touches the empty database first.
 */
public final class RestoreCommand {

    public static final String PROPERTY = "luoshi.backup.restore";

    private RestoreCommand() {
    }

    /** The only bean of the restore's context: none is needed, the environment is. */
    static class Configuration {
    }

    public static int run(String[] args) {
        // A context of this class alone: Spring Boot's configuration files and profiles, no auto-configuration.
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Configuration.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(args)) {
            Environment env = context.getEnvironment();
            Path archive = Path.of(env.getRequiredProperty(PROPERTY));
            DatabaseDump.Database target = new DatabaseDump.Database(env.getRequiredProperty("spring.datasource.url"),
                    env.getProperty("spring.datasource.username"), env.getProperty("spring.datasource.password"));
            Path auditArchives = Path.of(env.getRequiredProperty("luoshi.audit.archive-dir"));
            EvidenceStore attachments = EvidenceStore.of(env);
            try {
                Restore.Restored restored = Restore.run(archive, target, attachments, auditArchives, env.getProperty("luoshi.backup.pg-bin"));
                System.out.println("Restored " + archive + ": " + restored.database() + " database into "
                        + target.url().replaceAll("[?;].*", "") + ", " + restored.attachments() + " evidence files into "
                        + attachments.describe() + ", " + restored.auditArchives() + " audit archive files into " + auditArchives);
            } finally {
                if (attachments instanceof AutoCloseable closeable) {
                    closeable.close();
                }
            }
            return 0;
        } catch (Exception e) {
            System.err.println("Restore failed: " + e.getMessage());
            return 1;
        }
    }
}
