package org.luoshi.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccountRepository extends JpaRepository<Account, Long> {

    Optional<Account> findByUsername(String username);

    List<Account> findByOrgUnitIdIn(java.util.Collection<Long> orgUnitIds);

    List<Account> findByOrgUnitIdAndRole(Long orgUnitId, Role role);
    java.util.List<Account> findByOrgUnitIdAndRoleAndPersonIdIsNull(Long orgUnitId, Role role);

    boolean existsByUsername(String username);

    /**
     * Takes one of the account's password attempts, in one conditional UPDATE: it succeeds only while
     * the account is not locked and fewer than {@code max} attempts are counted, so that parallel
     * guesses cannot all pass a check made before any of them was counted. 1 if taken, else 0.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Account a set a.failedAttempts = a.failedAttempts + 1
            where a.username = :username and a.failedAttempts < :max and (a.lockedUntil is null or a.lockedUntil <= :now)""")
    int takeAttempt(@Param("username") String username, @Param("max") int max, @Param("now") Instant now);

    /** Locks the account once its attempts are used up; the count starts afresh after the lock. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Account a set a.lockedUntil = :until, a.failedAttempts = 0
            where a.username = :username and a.failedAttempts >= :max""")
    int lockIfUsedUp(@Param("username") String username, @Param("max") int max, @Param("until") Instant until);

    /** A right password gives back the attempts (unless a lock came first) and notes the sign-in. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Account a set a.lastLoginAt = :now,
                a.failedAttempts = case when a.lockedUntil is null or a.lockedUntil <= :now then 0 else a.failedAttempts end
            where a.username = :username""")
    int attemptSucceeded(@Param("username") String username, @Param("now") Instant now);

    @Query("select count(a) > 0 from Account a where a.username = :username and a.lockedUntil > :now")
    boolean isLocked(@Param("username") String username, @Param("now") Instant now);

    /** The enabled accounts with an e-mail address: the digest's possible recipients. */
    List<Account> findByEnabledTrueAndEmailIsNotNullOrderByIdAsc();

    /** Notes a digest sent without touching the version (the account's other fields are someone else's edits). */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Account a set a.digestSentAt = :at where a.id = :id")
    int digestSent(@Param("id") long id, @Param("at") Instant at);
}
