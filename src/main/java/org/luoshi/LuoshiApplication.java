package org.luoshi;

import java.util.Arrays;
import java.util.stream.Stream;
import org.luoshi.backup.RestoreCommand;
import org.springframework.boot.SpringApplication;
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
        if (Arrays.stream(args).anyMatch(a -> Arrays.stream(ONE_SHOT).anyMatch(a::startsWith))) {
            // The web context is still built (the security configuration needs it), but no port is opened:
            // such a run may go next to a serving instance of the same PostgreSQL database.
            args = Stream.concat(Arrays.stream(args), Stream.of("--server.port=-1")).toArray(String[]::new);
        }
        SpringApplication.run(LuoshiApplication.class, args);
    }
}
