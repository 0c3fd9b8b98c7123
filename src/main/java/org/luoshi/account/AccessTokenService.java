package org.luoshi.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.luoshi.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues, checks and revokes personal access tokens. */
@Service
@Transactional
public class AccessTokenService {

    static final String PREFIX = "lsk_";

    private final AccessTokenRepository tokens;
    private final AccountRepository accounts;
    private final AccountUserDetailsService users;
    private final SecureRandom random = new SecureRandom();
    private final SecuritySettings settings;
    private final Clock clock;

    AccessTokenService(AccessTokenRepository tokens, AccountRepository accounts, AccountUserDetailsService users,
            SecuritySettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.tokens = tokens;
        this.accounts = accounts;
        this.users = users;
    }

    /** A new token; the returned secret is shown once and never stored. */
    public IssuedToken issue(long accountId, String name, Instant expiresAt) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        AccessToken token = tokens.save(new AccessToken(accountId, name, sha256(secret), secret.substring(0, 10), expiresAt, clock.instant()));
        return new IssuedToken(token.getId(), name, secret, token.getCreatedAt(), expiresAt);
    }

    @Transactional(readOnly = true)
    public List<AccessToken> list(long accountId) {
        return tokens.findByAccountIdOrderByCreatedAtDesc(accountId);
    }

    public void revoke(long accountId, long tokenId) {
        AccessToken token = tokens.findById(tokenId)
                .filter(t -> t.getAccountId() == accountId)
                .orElseThrow(() -> new NotFoundException("AccessToken", tokenId));
        token.revoke(clock.instant());
    }

    /**
     * What a bearer secret opens: the user it stands for, or nothing; when the token itself is good
     * but its owner's password must be changed first (reset by an admin, first login, expired), the
     * message key that says so. Until the owner has chosen a new password, nothing issued before
     * should open the API.
     */
    record TokenCheck(Optional<SignedInUser> user, String refusal) {

        static final TokenCheck NONE = new TokenCheck(Optional.empty(), null);
    }

    TokenCheck authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return TokenCheck.NONE;
        }
        Instant now = clock.instant();
        Optional<Account> owner = tokens.findByTokenHash(sha256(secret))
                .filter(t -> t.isUsable(now))
                .flatMap(t -> {
                    t.used(now);
                    return accounts.findById(t.getAccountId());
                });
        if (owner.isEmpty()) {
            return TokenCheck.NONE;
        }
        Account account = owner.get();
        if (account.isMustChangePassword() || settings.passwordExpired(account.getPasswordChangedAt(), now)) {
            return new TokenCheck(Optional.empty(), "account.token.passwordFirst");
        }
        return new TokenCheck(Optional.of(users.toUser(account)).filter(u -> u.isEnabled() && u.isAccountNonLocked()),
                null);
    }

    /**
     * When a token made now without a lifetime expires: tokens do not live for ever unless the
     * deployment says so ({@code luoshi.security.token-max-age=0}).
     */
    Instant expiry(Integer days, Instant now) {
        if (days != null) {
            return now.plus(java.time.Duration.ofDays(days));
        }
        java.time.Duration max = settings.tokenMaxAge();
        return max == null || max.isZero() ? null : now.plus(max);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token just issued, with its secret. */
    public record IssuedToken(long id, String name, String token, Instant createdAt, Instant expiresAt) {
    }
}
