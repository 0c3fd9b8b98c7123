package org.luoshi.account;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Session, lock-out and password-age settings ({@code luoshi.security.*}). */
@ConfigurationProperties("luoshi.security")
record SecuritySettings(Duration sessionTimeout, int maxFailedLogins, Duration lockDuration, Duration passwordMaxAge) {

    /** A max age of zero turns expiry off. */
    boolean passwordExpired(Instant changedAt, Instant now) {
        return passwordMaxAge != null && !passwordMaxAge.isZero() && changedAt.plus(passwordMaxAge).isBefore(now);
    }
}
