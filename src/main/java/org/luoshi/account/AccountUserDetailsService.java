package org.luoshi.account;

import java.time.Clock;
import java.time.Instant;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;
    private final OrgUnitService units;
    private final Clock clock;

    AccountUserDetailsService(AccountRepository accounts, OrgUnitService units, Clock clock) {
        this.clock = clock;
        this.accounts = accounts;
        this.units = units;
    }

    @Override
    @Transactional(readOnly = true)
    public SignedInUser loadUserByUsername(String username) {
        Account account = accounts.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException(username));
        return toUser(account);
    }

    SignedInUser toUser(Account account) {
        OrgUnit unit = units.getUnchecked(account.getOrgUnitId());
        return new SignedInUser(account, unit.getId(), unit.getPath(), unit.getName(), unit.getKind(), unit.isActive(),
                account.isLocked(clock.instant()));
    }
}
