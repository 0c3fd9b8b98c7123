package org.luoshi.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the data key comes from: {@code luoshi.security.data-key} (environment {@code LUOSHI_SECURITY_DATA_KEY}),
 * 32 hexadecimal digits, optionally preceded by its id ({@code 2:0123…}; id 1 when not given); keys of
 * earlier ids that must still open stored values in {@code luoshi.security.previous-data-keys}
 * ({@code 1:…,2:…}). Never in the repository.
 *
 * <p>Without a key, the demo and development runs make one once and keep it in
 * {@code ${luoshi.data-dir}/data-key} (beside the database it protects, so it protects only against a copy of
 * the database alone); the prod profile ({@code luoshi.security.data-key-required=true}) refuses to start.
 */
@Configuration(proxyBeanMethods = false)
class DataKeys {

    private static final Logger log = LoggerFactory.getLogger(DataKeys.class);

    static final String MISSING = "未配置数据加密密钥：生产环境必须设置 luoshi.security.data-key（环境变量 LUOSHI_SECURITY_DATA_KEY，"
            + "32 位十六进制，可用 `openssl rand -hex 16` 生成），并把它与数据库、备份分开保管。"
            + " No data key: set luoshi.security.data-key (LUOSHI_SECURITY_DATA_KEY) in production.";

    @Bean
    FieldCipher fieldCipher(@Value("${luoshi.security.data-key:}") String key,
            @Value("${luoshi.security.previous-data-keys:}") String previous,
            @Value("${luoshi.security.data-key-required:false}") boolean required,
            @Value("${luoshi.data-dir:./data}") String dataDir) {
        return cipher(key, previous, required, Path.of(dataDir).resolve("data-key"));
    }

    static FieldCipher cipher(String key, String previous, boolean required, Path devKeyFile) {
        if (key == null || key.isBlank()) {
            if (required) {
                throw new IllegalStateException(MISSING);
            }
            key = devKey(devKeyFile);
        }
        Map<Integer, byte[]> keys = new LinkedHashMap<>();
        for (String k : previous == null ? new String[0] : previous.split(",")) {
            if (!k.isBlank()) {
                put(keys, k.strip());
            }
        }
        int current = put(keys, key.strip());
        return new FieldCipher(current, keys);
    }

    /** Adds {@code [id:]hex} to the keys and answers its id. */
    private static int put(Map<Integer, byte[]> keys, String text) {
        int colon = text.indexOf(':');
        int id;
        String hex = colon < 0 ? text : text.substring(colon + 1);
        try {
            id = colon < 0 ? 1 : Integer.parseInt(text.substring(0, colon));
            byte[] key = HexFormat.of().parseHex(hex);
            if (key.length != 16 || id < 1) {
                throw new IllegalArgumentException();
            }
            keys.put(id, key);
            return id;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("数据加密密钥格式不对：应为 32 位十六进制（128 位 SM4 密钥），可在前面加密钥编号，如 2:0123…"
                    + " (luoshi.security.data-key / previous-data-keys)");
        }
    }

    /** The development key of this data directory, made on first use with owner-only permissions. */
    private static String devKey(Path file) {
        try {
            if (!Files.exists(file)) {
                Path dir = file.toAbsolutePath().getParent();
                Files.createDirectories(dir);
                Path made;
                try {
                    made = Files.createTempFile(dir, "data-key", ".tmp",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException notPosix) {
                    made = Files.createTempFile(dir, "data-key", ".tmp");
                }
                Files.writeString(made, HexFormat.of().formatHex(random16()) + "\n", StandardCharsets.US_ASCII);
                try {
                    // a hard link appears whole or not at all, and never replaces a key another instance made first
                    Files.createLink(file, made);
                    log.warn("No luoshi.security.data-key configured: made a development data key in {}. Keep it with the "
                            + "data: the encrypted fields cannot be read without it. Production sets its own key.",
                            file.toAbsolutePath());
                } catch (FileAlreadyExistsException another) {
                    // theirs is read below
                } finally {
                    Files.deleteIfExists(made);
                }
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make the development data key " + file, e);
        }
    }

    private static byte[] random16() {
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
