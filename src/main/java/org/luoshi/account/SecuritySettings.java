package org.luoshi.account;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Session, lock-out, password-age and token settings ({@code luoshi.security.*}). */
@ConfigurationProperties("luoshi.security")
/** @param tokenMaxAge the lifetime of a token made without one; zero for no expiry */
record SecuritySettings(Duration sessionTimeout, int maxFailedLogins, Duration lockDuration, Duration passwordMaxAge,
        Duration tokenMaxAge) {

    /** A max age of zero turns expiry off. */
    boolean passwordExpired(Instant changedAt, Instant now) {
        return passwordMaxAge != null && !passwordMaxAge.isZero() && changedAt.plus(passwordMaxAge).isBefore(now);
    }
}
