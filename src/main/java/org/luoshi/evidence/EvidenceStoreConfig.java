package org.luoshi.evidence;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The evidence store that {@code luoshi.evidence.store} names. */
@Configuration
class EvidenceStoreConfig {

    @Bean
    EvidenceStore evidenceStore(EvidenceSettings settings) {
        return create(settings);
    }

    static EvidenceStore create(EvidenceSettings settings) {
        String kind = settings.evidence() == null || settings.evidence().store() == null ? "directory" : settings.evidence().store();
        return switch (kind.toLowerCase(java.util.Locale.ROOT)) {
            case "directory" -> new DirectoryStore(settings.root());
            case "s3" -> new S3Store(settings.evidence().s3());
            default -> throw new IllegalStateException("luoshi.evidence.store must be directory or s3, not " + kind);
        };
    }
}
