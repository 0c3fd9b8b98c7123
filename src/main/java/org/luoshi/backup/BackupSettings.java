package org.luoshi.backup;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Backup settings ({@code luoshi.backup.*}).
 *
 * @param dir where archives are written (best on another disk than {@code luoshi.data-dir})
 * @param keep how many of the newest archives are kept; older ones are deleted after each new one
 * @param pgBin the directory of pg_dump and pg_restore; empty: found on the PATH
 */
@ConfigurationProperties("luoshi.backup")
record BackupSettings(Path dir, @DefaultValue("14") int keep, String pgBin) {
}
