package org.luoshi.account;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit trail's settings ({@code luoshi.audit.*}).
 *
 * @param trustedProxies addresses or CIDR ranges of the reverse proxies whose {@code X-Forwarded-For} is
 *        believed; empty (the default): the client is the TCP peer
 * @param retention how long rows stay in the database before they are archived and pruned (at least six
 *        months under 等保 2.0)
 * @param archiveDir where the archives of pruned rows are written
 * @param archiveKey the HMAC-SM3 key that signs each archive's manifest; without it nothing is pruned
 */
@ConfigurationProperties("luoshi.audit")
record AuditSettings(@DefaultValue List<String> trustedProxies, @DefaultValue("180d") Duration retention,
        Path archiveDir, String archiveKey) {

    boolean canSign() {
        return archiveKey != null && !archiveKey.isBlank();
    }
}
