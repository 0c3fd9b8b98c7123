package org.luoshi.evidence;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.util.unit.DataSize;

/**
 * Where evidence is stored and how large one file may be: {@code luoshi.evidence.max-size}, and the store —
 * {@code luoshi.evidence.store=directory} (default) with {@code luoshi.evidence.dir} (default
 * {@code ${luoshi.data-dir}/attachments}; a shared directory such as NFS when several instances run), or
 * {@code s3} with {@code luoshi.evidence.s3.*} for S3-compatible object storage.
 */
@ConfigurationProperties("luoshi")
record EvidenceSettings(@Name("data-dir") Path dataDir, Evidence evidence) {

    record Evidence(DataSize maxSize, String store, Path dir, S3 s3) {
    }

    /**
     * An S3-compatible bucket, addressed path-style ({@code endpoint/bucket/key}) as MinIO, Ceph and most
     * private clouds want it. The credentials come from the environment (LUOSHI_S3_ACCESS_KEY,
     * LUOSHI_S3_SECRET_KEY), or from the SDK's usual chain when empty.
     */
    record S3(String endpoint, String region, String bucket, String prefix, String accessKey, String secretKey) {
    }

    Path root() {
        return evidence.dir() != null ? evidence.dir() : dataDir.resolve("attachments");
    }

    boolean isS3() {
        return "s3".equalsIgnoreCase(evidence.store());
    }

    long maxBytes() {
        return evidence.maxSize().toBytes();
    }
}
