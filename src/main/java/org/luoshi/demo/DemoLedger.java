package org.luoshi.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.luoshi.ledger.LedgerGenerator;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The work ledger of each demo township, generated from a fixed seed: the twelve months up to today
 * and the year before them, so that on any day of the year (2 January too) the demo shows a full
 * year of work, a report for the year just ended and year-on-year figures. Runs once.
 */
@Component
@Order(4)
@ConditionalOnProperty(name = "luoshi.demo-data", havingValue = "true")
class DemoLedger implements ApplicationRunner {

    static final long SEED = 20_260_501L;

    private final OrgUnitService units;
    private final LedgerGenerator generator;
    private final Clock clock;

    DemoLedger(OrgUnitService units, LedgerGenerator generator, Clock clock) {
        this.clock = clock;
        this.units = units;
        this.generator = generator;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<Long> townships = DemoOrgTree.demoTownships(units).stream().map(OrgUnit::getId).toList();
        if (townships.isEmpty() || generator.hasRecords(townships.get(0))) {
            return;
        }
        generator.generate(townships, LocalDate.now(clock).minusMonths(24).plusDays(1), SEED);
    }
}
