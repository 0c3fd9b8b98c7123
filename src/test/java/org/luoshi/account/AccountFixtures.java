package org.luoshi.account;

import java.util.concurrent.atomic.AtomicInteger;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitService;

/**
 * Accounts of the tests' own, with unique names, so that no test locks or changes the shared demo
 * accounts.
 */
class AccountFixtures {

    static final String PASSWORD = "Fixture#2026pw";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    final AccountService accounts;
    final OrgUnitService units;

    AccountFixtures(AccountService accounts, OrgUnitService units) {
        this.accounts = accounts;
        this.units = units;
    }

    static String uniqueName(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQUENCE.incrementAndGet();
    }

    Account create(String prefix, Role role, String unitName, boolean mustChange) {
        return accounts.create(units.systemScope("test"), uniqueName(prefix), "Test " + prefix, PASSWORD, role,
                unit(unitName).getId(), mustChange);
    }

    Account officer(String prefix) {
        return create(prefix, Role.TOWNSHIP_OFFICER, "柳溪镇", false);
    }

    OrgUnit unit(String name) {
        return units.tree(units.systemScope("test")).stream().filter(u -> u.getName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no demo unit " + name));
    }

    OrgUnit county() {
        return units.root().orElseThrow();
    }
}
