package org.luoshi.account;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccessTokenRepository extends JpaRepository<AccessToken, Long> {

    Optional<AccessToken> findByTokenHash(String tokenHash);

    List<AccessToken> findByAccountIdOrderByCreatedAtDesc(Long accountId);

    /** Revokes every usable token of the account (after a password change, reset or expiry). */
    @org.springframework.data.jpa.repository.Modifying(flushAutomatically = true, clearAutomatically = true)
    @org.springframework.data.jpa.repository.Query(
            "update AccessToken t set t.revokedAt = :now where t.accountId = :accountId and t.revokedAt is null")
    int revokeAll(@org.springframework.data.repository.query.Param("accountId") long accountId,
            @org.springframework.data.repository.query.Param("now") java.time.Instant now);
}
