package org.luoshi.evidence;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.util.unit.DataSize;

/** Where evidence is stored and how large one file may be ({@code luoshi.evidence.max-size}, {@code luoshi.data-dir}). */
@ConfigurationProperties("luoshi")
record EvidenceSettings(@Name("data-dir") Path dataDir, Evidence evidence) {

    record Evidence(DataSize maxSize) {
    }

    Path root() {
        return dataDir.resolve("attachments");
    }

    long maxBytes() {
        return evidence.maxSize().toBytes();
    }
}
