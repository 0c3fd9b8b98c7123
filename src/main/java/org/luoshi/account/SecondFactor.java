package org.luoshi.account;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.luoshi.web.NotFoundException;
import org.luoshi.web.RuleViolationException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second factor of a sign-in (等保 2.0 third level: two factors for administrators): a TOTP code
 * from the user's phone, or one of ten one-time recovery codes. Required for the roles the deployment
 * names ({@code luoshi.security.second-factor-roles}; the prod profile names ADMIN), optional for the
 * others. A wrong code counts towards the lock-out as a wrong password does.
 */
@Service
@Transactional
class SecondFactor {

    static final int RECOVERY_CODES = 10;
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final AccountRepository accounts;
    private final JdbcClient jdbc;
    private final LoginAttempts attempts;
    private final Set<Role> requiredFor;
    private final Clock clock;
    private final SealedTotpSecret sealed;

    SecondFactor(AccountRepository accounts, JdbcClient jdbc, LoginAttempts attempts,
            @Value("${luoshi.security.second-factor-roles:}") String requiredFor, Clock clock, SealedTotpSecret sealed) {
        this.sealed = sealed;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.attempts = attempts;
        this.requiredFor = Arrays.stream(requiredFor.split(",")).map(String::strip).filter(r -> !r.isEmpty())
                .map(Role::valueOf).collect(Collectors.toUnmodifiableSet());
        this.clock = clock;
    }

    boolean required(Account account) {
        return requiredFor.contains(account.getRole());
    }

    /**
     * Turns the second factor on with the secret the user's app was given, once a code from the app
     * proves it is set up; returns the recovery codes, shown once.
     */
    List<String> enable(long accountId, String secret, String code) {
        Account account = account(accountId);
        long step = Totp.match(secret, code, clock.instant(), null);
        if (step < 0) {
            throw new RuleViolationException("account.secondFactor.wrongCode");
        }
        store(accountId, secret, step);
        jdbc.sql("delete from account_recovery_code where account_id = :id").param("id", accountId).update();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String recovery = recoveryCode();
            codes.add(recovery);
            jdbc.sql("insert into account_recovery_code (account_id, code_hash) values (:id, :hash)")
                    .param("id", accountId).param("hash", AccessTokenService.sha256(recovery)).update();
        }
        return codes;
    }

    /** Ten letters and digits without look-alikes (0/O, 1/I/L), read off paper and typed. */
    static String recoveryCode() {
        String alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            code.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return code.toString();
    }

    /** Turns it off; a code is needed, and a role that requires it cannot. */
    void disable(long accountId, String code) {
        Account account = account(accountId);
        if (required(account)) {
            throw new RuleViolationException("account.secondFactor.requiredForRole");
        }
        if (!verify(accountId, code)) {
            throw new RuleViolationException("account.secondFactor.wrongCode");
        }
        store(accountId, null, null);
        jdbc.sql("delete from account_recovery_code where account_id = :id").param("id", accountId).update();
    }

    /**
     * Checks a code at sign-in: a TOTP code not used before, or an unused recovery code (then used up).
     * Counted like a password attempt: false also when the account is locked.
     */
    boolean verify(long accountId, String code) {
        Account account = account(accountId);
        if (!attempts.take(account.getUsername())) {
            return false;
        }
        Instant now = clock.instant();
        String given = code == null ? "" : code.strip().replace(" ", "").toUpperCase();
        long step = account.hasSecondFactor() ? Totp.match(account.getTotpSecret(), given, now, account.getTotpLastStep()) : -1;
        boolean ok = step >= 0;
        if (ok) {
            // taken once: a second sign-in with the same code (seen over a shoulder) fails
            ok = jdbc.sql("update account set totp_last_step = :step where id = :id "
                    + "and (totp_last_step is null or totp_last_step < :step)")
                    .param("step", step).param("id", accountId).update() == 1;
        } else if (given.length() == 10) {
            ok = jdbc.sql("update account_recovery_code set used_at = :now where account_id = :id and code_hash = :hash "
                            + "and used_at is null")
                    .param("now", java.sql.Timestamp.from(now)).param("id", accountId)
                    .param("hash", AccessTokenService.sha256(given)).update() == 1;
        }
        if (ok) {
            attempts.succeeded(account.getUsername());
        } else {
            attempts.failed(account.getUsername());
        }
        return ok;
    }

    /**
     * Written with SQL, not through the entity: the lock-out counts in its own transactions, and an
     * entity read before them would write their counts back.
     */
    private void store(long accountId, String secret, Long step) {
        jdbc.sql("update account set totp_secret = :secret, totp_last_step = :step, updated_at = :now where id = :id")
                .param("secret", sealed.seal(secret)).param("step", step).param("now", java.sql.Timestamp.from(clock.instant()))
                .param("id", accountId).update();
    }

    /** How many recovery codes are left unused. */
    @Transactional(readOnly = true)
    int recoveryCodesLeft(long accountId) {
        return jdbc.sql("select count(*) from account_recovery_code where account_id = :id and used_at is null")
                .param("id", accountId).query(Integer.class).single();
    }

    @Transactional(readOnly = true)
    boolean locked(long accountId) {
        return account(accountId).isLocked(clock.instant());
    }

    private Account account(long id) {
        return accounts.findById(id).orElseThrow(() -> new NotFoundException("Account", id));
    }
}
