package org.luoshi.account;

import java.util.List;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitService;
import org.luoshi.web.NotFoundException;
import org.luoshi.web.RuleViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating accounts and changing passwords, with the password rules applied everywhere. */
@Service
@Transactional
public class AccountService {

    private final AccountRepository accounts;
    private final OrgUnitService units;
    private final PasswordEncoder encoder;

    AccountService(AccountRepository accounts, OrgUnitService units, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.units = units;
        this.encoder = encoder;
    }

    /**
     * Creates an account in a unit within the administrator's scope.
     *
     * @param mustChangePassword true when someone other than the user chose the password
     */
    public Account create(DataScope scope, String username, String displayName, String password, Role role,
            long orgUnitId, boolean mustChangePassword) {
        OrgUnit unit = units.get(scope, orgUnitId);
        return create(username, displayName, password, role, unit.getId(), mustChangePassword);
    }

    /** Creates an account without a scope check: for start-up (first admin, demo data) only. */
    Account create(String username, String displayName, String password, Role role, long orgUnitId,
            boolean mustChangePassword) {
        if (accounts.existsByUsername(username)) {
            throw new RuleViolationException("account.username.taken", username);
        }
        requireAcceptable(username, password);
        Account account = new Account(username, displayName, encoder.encode(password), role, orgUnitId);
        account.changePassword(account.getPasswordHash(), mustChangePassword);
        return accounts.save(account);
    }

    /** The user changes their own password; the current one must be given. */
    public void changeOwnPassword(long accountId, String currentPassword, String newPassword) {
        Account account = accounts.findById(accountId).orElseThrow(() -> new NotFoundException("Account", accountId));
        if (!encoder.matches(currentPassword, account.getPasswordHash())) {
            throw new RuleViolationException("account.password.currentWrong");
        }
        if (encoder.matches(newPassword, account.getPasswordHash())) {
            throw new RuleViolationException("account.password.unchanged");
        }
        requireAcceptable(account.getUsername(), newPassword);
        account.changePassword(encoder.encode(newPassword), false);
    }

    private static void requireAcceptable(String username, String password) {
        List<String> problems = PasswordPolicy.violations(username, password);
        if (!problems.isEmpty()) {
            throw new RuleViolationException(problems.get(0));
        }
    }

    @Transactional(readOnly = true)
    public boolean anyExists() {
        return accounts.count() > 0;
    }
}
