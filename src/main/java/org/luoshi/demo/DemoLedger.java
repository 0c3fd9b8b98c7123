package org.luoshi.demo;

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

/** The current year of the work ledger for each demo township, generated from a fixed seed. Runs once. */
@Component
@Order(4)
@ConditionalOnProperty(name = "luoshi.demo-data", havingValue = "true")
class DemoLedger implements ApplicationRunner {

    static final long SEED = 20_260_501L;

    private final OrgUnitService units;
    private final LedgerGenerator generator;

    DemoLedger(OrgUnitService units, LedgerGenerator generator) {
        this.units = units;
        this.generator = generator;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<Long> townships = DemoOrgTree.demoTownships(units).stream().map(OrgUnit::getId).toList();
        if (townships.isEmpty() || generator.hasRecords(townships.get(0))) {
            return;
        }
        generator.generate(townships, 1, SEED);
    }
}
