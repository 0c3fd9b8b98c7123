package org.luoshi;

import java.util.Arrays;
import org.luoshi.backup.RestoreCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LuoshiApplication {

    /** Command-line runs that do their job and exit, without serving (README: 审计日志, 备份与恢复). */
    private static final String[] ONE_SHOT = {"--luoshi.audit.verify", "--luoshi.backup.run", "--luoshi.backup.check"};

    public static void main(String[] args) {
        if (Arrays.stream(args).anyMatch(a -> a.startsWith("--" + RestoreCommand.PROPERTY + "="))) {
            // Before any application starts: Flyway and the demo data must not touch the empty target first.
            System.exit(RestoreCommand.run(args));
        }
        SpringApplication app = new SpringApplication(LuoshiApplication.class);
        if (Arrays.stream(args).anyMatch(a -> Arrays.stream(ONE_SHOT).anyMatch(a::startsWith))) {
            app.setWebApplicationType(WebApplicationType.NONE);
        }
        app.run(args);
    }
}
