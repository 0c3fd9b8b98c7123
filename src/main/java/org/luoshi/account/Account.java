package org.luoshi.account;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/** 账号: one person's login, bound to one org unit and one role. */
@Entity
@Table(name = "account")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;
    private String displayName;
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    private Role role;

    private Long orgUnitId;
    /** The person (人员) who uses the account, in its unit, or null: names on pages come from here. */
    private Long personId;
    private boolean enabled = true;
    private int failedAttempts;
    private Instant lockedUntil;
    private Instant passwordChangedAt;
    private boolean mustChangePassword;
    private Instant lastLoginAt;
    private Instant createdAt;
    private Instant updatedAt;
    /**
     * The TOTP secret (base32) once a second factor is set up, else null. Sealed at rest (SM4-GCM,
     * {@link SealedTotpSecret}): a copy of the database gives no second factor.
     */
    @jakarta.persistence.Convert(converter = SealedTotpSecret.class)
    private String totpSecret;
    /** The last TOTP time step accepted: a code works once. */
    private Long totpLastStep;

    /** Optional: where the daily digest of unread notices goes; none is sent without it. Sealed at rest ({@link SealedEmail}). */
    @jakarta.persistence.Convert(converter = SealedEmail.class)
    private String email;
    /** When the last digest went out (null: never). */
    private Instant digestSentAt;

    @Version
    private long version;

    protected Account() {
    }

    Account(String username, String displayName, String passwordHash, Role role, Long orgUnitId, Instant now) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.orgUnitId = orgUnitId;
        this.createdAt = now;
        this.updatedAt = createdAt;
        this.passwordChangedAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    public Role getRole() {
        return role;
    }

    public Long getOrgUnitId() {
        return orgUnitId;
    }

    public Long getPersonId() {
        return personId;
    }

    void linkPerson(Long personId, Instant now) {
        this.personId = personId;
        this.updatedAt = now;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public int getFailedAttempts() {
        return failedAttempts;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public Instant getPasswordChangedAt() {
        return passwordChangedAt;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public String getEmail() {
        return email;
    }

    public Instant getDigestSentAt() {
        return digestSentAt;
    }

    void changeEmail(String email, Instant now) {
        this.email = email;
        this.updatedAt = now;
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }

    void changePassword(String passwordHash, boolean mustChangeNextLogin, Instant now) {
        this.passwordHash = passwordHash;
        this.passwordChangedAt = now;
        this.mustChangePassword = mustChangeNextLogin;
        this.updatedAt = passwordChangedAt;
    }

    void assign(String displayName, Role role, Long orgUnitId, Instant now) {
        this.displayName = displayName;
        this.role = role;
        this.orgUnitId = orgUnitId;
        this.updatedAt = now;
    }

    void setEnabled(boolean enabled, Instant now) {
        this.enabled = enabled;
        this.updatedAt = now;
    }

    /** Counts a failed login; the account locks for {@code lockFor} once {@code maxFailures} is reached. */
    void loginFailed(int maxFailures, Duration lockFor, Instant now) {
        failedAttempts++;
        if (failedAttempts >= maxFailures) {
            lockedUntil = now.plus(lockFor);
            failedAttempts = 0;
        }
    }

    void loginSucceeded(Instant now) {
        failedAttempts = 0;
        lockedUntil = null;
        lastLoginAt = now;
    }

    void unlock(Instant now) {
        failedAttempts = 0;
        lockedUntil = null;
        updatedAt = now;
    }

    String getTotpSecret() {
        return totpSecret;
    }

    Long getTotpLastStep() {
        return totpLastStep;
    }

    public boolean hasSecondFactor() {
        return totpSecret != null;
    }
}
