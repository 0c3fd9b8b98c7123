package org.luoshi.ledger;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The rollups at start-up and from the command line (README, 台账汇总): the first start after the
 * rollups were introduced builds them from the records; {@code --luoshi.ledger.rebuild-rollups}
 * rebuilds them (after records were loaded by SQL), prints the time they are complete up to, and exits.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RollupCommands implements ApplicationRunner {

    static final String REBUILD = "luoshi.ledger.rebuild-rollups";

    private final LedgerRollups rollups;
    private final Environment env;
    private final ApplicationContext context;
    private final java.time.Clock clock;

    RollupCommands(LedgerRollups rollups, Environment env, ApplicationContext context, java.time.Clock clock) {
        this.clock = clock;
        this.rollups = rollups;
        this.env = env;
        this.context = context;
    }

    /** Before the other start-up runners (demo data), which then keep the rollups as every write does. */
    @Override
    public void run(ApplicationArguments args) {
        rollups.buildIfNeverBuilt();
    }

    @EventListener(ApplicationReadyEvent.class)
    public void rebuildOnRequest() {
        if (!env.containsProperty(REBUILD) || "false".equals(env.getProperty(REBUILD))) {
            return;
        }
        long rows = rollups.rebuild("command line");
        System.out.println("Ledger rollups rebuilt: " + rows + " rows, complete up to (截至) "
                + rollups.rebuilt().map(r -> r.at().atZone(clock.getZone()).toLocalDateTime().toString()).orElse("?"));
        System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> 0));
    }
}
