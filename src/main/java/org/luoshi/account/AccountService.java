package org.luoshi.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitService;
import org.luoshi.org.Person;
import org.luoshi.org.PersonService;
import org.luoshi.web.NotFoundException;
import org.luoshi.web.RuleViolationException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating and administering accounts and changing passwords, with the password rules applied
 * everywhere. Administration goes through the administrator's {@link DataScope}: an account
 * whose unit lies outside it does not exist for them (404).
 */
@Service
@Transactional
public class AccountService {

    private final AccountRepository accounts;
    private final AccountSearch search;
    private final OrgUnitService units;
    private final PasswordEncoder encoder;
    private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;
    private final LoginAttempts attempts;
    private final PasswordHistory history;
    private final AccessTokenRepository tokens;
    private final Clock clock;
    private final PersonService people;

    AccountService(AccountRepository accounts, AccountSearch search, OrgUnitService units, PasswordEncoder encoder,
            ObjectProvider<FindByIndexNameSessionRepository<?>> sessions, LoginAttempts attempts,
            PasswordHistory history, AccessTokenRepository tokens, Clock clock, PersonService people) {
        this.people = people;
        this.attempts = attempts;
        this.history = history;
        this.tokens = tokens;
        this.clock = clock;
        this.accounts = accounts;
        this.search = search;
        this.units = units;
        this.encoder = encoder;
        this.sessions = sessions;
    }

    /**
     * Creates an account in a unit within the administrator's scope.
     *
     * @param mustChangePassword true when someone other than the user chose the password
     */
    public Account create(DataScope scope, String username, String displayName, String password, Role role,
            long orgUnitId, boolean mustChangePassword) {
        OrgUnit unit = units.get(scope, orgUnitId);
        if (!role.fits(unit.getKind())) {
            throw RuleViolationException.at("orgUnitId", AccountAdminController.misfitKey(role), unit.getName());
        }
        return create(username, displayName, password, role, unit.getId(), mustChangePassword);
    }

    /** Creates an account without a scope check: for start-up (first admin, demo data) only. */
    Account create(String username, String displayName, String password, Role role, long orgUnitId,
            boolean mustChangePassword) {
        Instant now = clock.instant();
        if (accounts.existsByUsername(username)) {
            throw new RuleViolationException("account.username.taken", username);
        }
        requireAcceptable(username, password);
        Account account = new Account(username, displayName, encoder.encode(password), role, orgUnitId, now);
        account.changePassword(account.getPasswordHash(), mustChangePassword, now);
        Account saved = accounts.save(account);
        history.add(saved.getId(), saved.getPasswordHash(), now);
        return saved;
    }

    /** The account, if its unit lies in scope; otherwise 404. */
    @Transactional(readOnly = true)
    public Account get(DataScope scope, long id) {
        return accounts.findById(id)
                .filter(a -> scope.covers(units.getUnchecked(a.getOrgUnitId())))
                .orElseThrow(() -> new NotFoundException("Account", id));
    }

    @Transactional(readOnly = true)
    Page<AccountSearch.Row> search(DataScope scope, AccountSearch.Filter filter, Pageable page) {
        List<OrgUnit> subtree = filter.unitId() == null ? units.tree(scope) : units.subtree(scope, filter.unitId());
        return search.find(subtree, filter, clock.instant(), page);
    }

    @Transactional(readOnly = true)
    public boolean usernameTaken(String username) {
        return accounts.existsByUsername(username);
    }

    /**
     * Changes name, role and unit. Administrators may not change their own role or unit, so that
     * nobody locks themselves out of administration by mistake.
     */
    public Account update(DataScope scope, long id, String displayName, Role role, long orgUnitId) {
        Account account = get(scope, id);
        OrgUnit unit = units.get(scope, orgUnitId);
        if (isSelf(scope, account) && (role != account.getRole() || orgUnitId != account.getOrgUnitId())) {
            throw new RuleViolationException("account.self.demote");
        }
        if (!role.fits(unit.getKind())) {
            throw RuleViolationException.at("orgUnitId", AccountAdminController.misfitKey(role), unit.getName());
        }
        boolean rightsChanged = role != account.getRole() || orgUnitId != account.getOrgUnitId();
        if (orgUnitId != account.getOrgUnitId()) {
            // the person named belongs to the old unit
            account.linkPerson(null, clock.instant());
        }
        account.assign(displayName, role, unit.getId(), clock.instant());
        if (rightsChanged) {
            // The session holds the old role and scope: make the user sign in again.
            endSessions(account.getUsername(), null);
        }
        return account;
    }

    /**
     * Names the person who uses the account (null: none). The person must belong to the account's own
     * unit: a name from elsewhere would put a stranger's name on what this account records.
     */
    public Account linkPerson(DataScope scope, long id, Long personId) {
        Account account = get(scope, id);
        if (personId != null && !personId.equals(account.getPersonId())) {
            Person person = people.get(scope, personId);
            if (!person.getOrgUnitId().equals(account.getOrgUnitId())) {
                throw RuleViolationException.at("personId", "account.person.otherUnit");
            }
        }
        account.linkPerson(personId, clock.instant());
        return account;
    }

    /** Seeding: the accounts of a role in a unit that name nobody yet are used by this person. */
    public void linkUnlinked(DataScope scope, long unitId, Role role, long personId) {
        units.get(scope, unitId);
        for (Account account : accounts.findByOrgUnitIdAndRoleAndPersonIdIsNull(unitId, role)) {
            account.linkPerson(personId, clock.instant());
        }
    }

    public Account setEnabled(DataScope scope, long id, boolean enabled) {
        Account account = get(scope, id);
        if (!enabled && isSelf(scope, account)) {
            throw new RuleViolationException("account.self.disable");
        }
        account.setEnabled(enabled, clock.instant());
        if (!enabled) {
            endSessions(account.getUsername(), null);
        }
        return account;
    }

    public Account unlock(DataScope scope, long id) {
        Account account = get(scope, id);
        account.unlock(clock.instant());
        return account;
    }

    /**
     * Sets a generated temporary password, returned once, that must be changed at the next login; the
     * user's sessions end and their tokens are revoked.
     */
    public String resetPassword(DataScope scope, long id) {
        Instant now = clock.instant();
        Account account = get(scope, id);
        String temporary = PasswordPolicy.generate();
        account.changePassword(encoder.encode(temporary), true, now);
        account.unlock(now);
        history.add(account.getId(), account.getPasswordHash(), now);
        endSessions(account.getUsername(), null);
        tokens.revokeAll(account.getId(), now);
        return temporary;
    }

    /**
     * The user changes their own password; the current one must be given, and a wrong one counts
     * towards the lock-out as a wrong login does. The user's other sessions end and their tokens are
     * revoked: whoever learnt the old password or a token is out.
     *
     * @param currentSessionId the session the change was made in, which stays signed in (null: none)
     */
    public void changeOwnPassword(long accountId, String currentPassword, String newPassword, String currentSessionId) {
        Account account = accounts.findById(accountId).orElseThrow(() -> new NotFoundException("Account", accountId));
        String username = account.getUsername();
        if (!attempts.take(username)) {
            endSessions(username, null);
            throw new RuleViolationException("account.password.locked");
        }
        if (!encoder.matches(currentPassword, account.getPasswordHash())) {
            attempts.failed(username);
            throw new RuleViolationException("account.password.currentWrong");
        }
        attempts.succeeded(username);
        if (history.reused(accountId, newPassword)) {
            throw new RuleViolationException(encoder.matches(newPassword, account.getPasswordHash())
                    ? "account.password.unchanged" : "account.password.reused", PasswordHistory.KEPT);
        }
        requireAcceptable(username, newPassword);
        Instant now = clock.instant();
        // the attempts were counted in their own transactions: read the account afresh before changing it
        account = accounts.findById(accountId).orElseThrow();
        account.changePassword(encoder.encode(newPassword), false, now);
        history.add(accountId, account.getPasswordHash(), now);
        endSessions(username, currentSessionId);
        tokens.revokeAll(accountId, now);
    }

    /** Sets (or, blank, removes) the account's own e-mail address; the form has checked its shape. */
    public Account changeEmail(long accountId, String email) {
        Account account = own(accountId);
        account.changeEmail(email == null || email.isBlank() ? null : email.strip(), clock.instant());
        return account;
    }

    /** Who may get a digest: an enabled account with an address, its unit and role (the notices' address). */
    public record DigestRecipient(long accountId, String username, long unitId, String role, String email,
            Instant lastDigestAt) {
    }

    @Transactional(readOnly = true)
    public List<DigestRecipient> digestRecipients() {
        return accounts.findByEnabledTrueAndEmailIsNotNullOrderByIdAsc().stream()
                .map(a -> new DigestRecipient(a.getId(), a.getUsername(), a.getOrgUnitId(), a.getRole().name(),
                        a.getEmail(), a.getDigestSentAt()))
                .toList();
    }

    /** Notes that the account's digest went out at {@code at}. */
    public void digestSent(long accountId, Instant at) {
        accounts.digestSent(accountId, at);
    }

    @Transactional(readOnly = true)
    public Account own(long accountId) {
        return accounts.findById(accountId).orElseThrow(() -> new NotFoundException("Account", accountId));
    }

    private static boolean isSelf(DataScope scope, Account account) {
        return account.getUsername().equals(scope.username());
    }

    /**
     * A unit moved with its subtree: the sessions of the accounts in it hold the old paths as their
     * scope, which no longer match anything. They end, so that the users sign in again with the new
     * paths (tokens build their scope afresh on each call).
     */
    @org.springframework.context.event.EventListener
    void unitMoved(org.luoshi.org.OrgUnitMoved moved) {
        List<Long> ids = units.unitIds(moved.newPrefix(), false);
        accounts.findByOrgUnitIdIn(ids).forEach(a -> endSessions(a.getUsername(), null));
    }

    /**
     * A city or province was put above the root: the administrators of the former root administered
     * the whole tree, and move up with it, or nobody could administer the new root.
     */
    @org.springframework.context.event.EventListener
    void rootAdded(org.luoshi.org.OrgRootAdded added) {
        Instant now = clock.instant();
        accounts.findByOrgUnitIdAndRole(added.formerRootId(), Role.ADMIN).forEach(a -> {
            a.assign(a.getDisplayName(), Role.ADMIN, added.rootId(), now);
            endSessions(a.getUsername(), null);
        });
    }

    /** Ends the user's sessions but the one given (null: all of them). */
    private void endSessions(String username, String except) {
        FindByIndexNameSessionRepository<?> repository = sessions.getIfAvailable();
        if (repository != null) {
            repository.findByPrincipalName(username).keySet().stream().filter(id -> !id.equals(except))
                    .forEach(repository::deleteById);
        }
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
