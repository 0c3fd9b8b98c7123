package org.luoshi.assessment;

import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With demo data, the county starts with the default indicator set, published, for the current year
 * and the year before: the demo ledger covers both, and in January the year just ended is the one
 * being assessed.
 * Runs after the demo org tree (order 1); without demo data an administrator loads it from the sets page.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "luoshi.demo-data", havingValue = "true")
class DefaultIndicatorSetLoader implements ApplicationRunner {

    private final IndicatorSetService sets;
    private final OrgUnitService units;
    private final EvaluationService evaluation;

    DefaultIndicatorSetLoader(IndicatorSetService sets, OrgUnitService units, EvaluationService evaluation) {
        this.sets = sets;
        this.units = units;
        this.evaluation = evaluation;
    }

    @Override
    public void run(ApplicationArguments args) {
        int year = evaluation.today().getYear();
        // every county gets the default table, the root county as before and each county below a city or province
        if (units.root().isPresent()) {
            units.ofKind(units.systemReader("default-indicators"), OrgUnitKind.COUNTY).forEach(county -> {
                sets.ensureDefault(county, year - 1);
                sets.ensureDefault(county, year);
            });
        }
    }
}
