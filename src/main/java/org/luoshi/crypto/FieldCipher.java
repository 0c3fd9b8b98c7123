package org.luoshi.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Seals short personal fields with SM4 (GB/T 32907) in GCM mode: a fresh 96-bit nonce per value, a 128-bit
 * tag, and the column's name as associated data, so that a value copied into another column does not open.
 * A sealed value reads {@code sm4g:<key id>:<base64 of nonce ‖ ciphertext ‖ tag>}; the key id says which key
 * opens it, so that a new key can be brought in while the old one still reads (rotation, docs/account.md).
 *
 * <p>A value without the prefix is plaintext from before sealing: it is read as it is, and sealed by
 * {@link #reseal} at the next start.
 */
public class FieldCipher {

    private static final Logger log = LoggerFactory.getLogger(FieldCipher.class);

    static final String PREFIX = "sm4g:";
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    /** How many already sealed values of a column the start-up opens to prove the key is the right one. */
    private static final int VERIFIED_AT_START = 1000;

    private final int currentId;
    private final Map<Integer, byte[]> keys;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param currentId the key new values are sealed with
     * @param keys every key that may open a stored value (the current one included), by id
     */
    public FieldCipher(int currentId, Map<Integer, byte[]> keys) {
        if (!keys.containsKey(currentId)) {
            throw new IllegalArgumentException("no key " + currentId);
        }
        keys.forEach((id, key) -> {
            if (key.length != 16) {
                throw new IllegalArgumentException("an SM4 key is 128 bits (32 hexadecimal digits); key " + id + " is not");
            }
        });
        this.currentId = currentId;
        this.keys = new TreeMap<>(keys);
    }

    /** Seals {@code plain} for {@code column} ("person.phone") with the current key; null stays null. */
    public String seal(String plain, String column) {
        if (plain == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        GCMModeCipher gcm = gcm(true, keys.get(currentId), nonce, column);
        byte[] in = plain.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[gcm.getOutputSize(in.length)];
        int n = gcm.processBytes(in, 0, in.length, out, 0);
        try {
            gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(e);
        }
        byte[] all = ByteBuffer.allocate(NONCE + out.length).put(nonce).put(out).array();
        return PREFIX + currentId + ":" + Base64.getEncoder().withoutPadding().encodeToString(all);
    }

    /**
     * The plaintext of a stored value of {@code column}: opened if sealed, as it is if not (a row from
     * before sealing). A value whose tag does not verify (a wrong key, or an edited ciphertext) or whose key
     * is not configured is refused with {@link SealBrokenException}, never returned half-read.
     */
    public String open(String stored, String column) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        int colon = stored.indexOf(':', PREFIX.length());
        int id;
        byte[] all;
        try {
            id = Integer.parseInt(stored.substring(PREFIX.length(), colon));
            all = Base64.getDecoder().decode(stored.substring(colon + 1));
        } catch (RuntimeException e) {
            throw new SealBrokenException(column, "密文格式不对（" + e.getClass().getSimpleName() + "）");
        }
        byte[] key = keys.get(id);
        if (key == null) {
            throw new SealBrokenException(column, "它用密钥 " + id + " 加密，而配置中没有这把密钥"
                    + "（luoshi.security.data-key / luoshi.security.previous-data-keys）");
        }
        if (all.length < NONCE + TAG_BITS / 8) {
            throw new SealBrokenException(column, "密文过短");
        }
        GCMModeCipher gcm = gcm(false, key, java.util.Arrays.copyOf(all, NONCE), column);
        byte[] out = new byte[gcm.getOutputSize(all.length - NONCE)];
        int n = gcm.processBytes(all, NONCE, all.length - NONCE, out, 0);
        try {
            n += gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new SealBrokenException(column, "用密钥 " + id + " 验证失败：密钥不对，或数据被改动过");
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    /** Whether a stored value is sealed with the current key (nothing to do at the next start). */
    public boolean isCurrent(String stored) {
        return stored != null && stored.startsWith(currentPrefix());
    }

    /** The prefix of values sealed with the current key, for a query that finds the others. */
    public String currentPrefix() {
        return PREFIX + currentId + ":";
    }

    /**
     * Seals what is not yet sealed with the current key in one column: plaintext rows from before sealing
     * (or restored from an old backup) and rows of a previous key after a rotation. Run at every start by
     * the module that owns the table, it also opens up to {@value #VERIFIED_AT_START} current values, so
     * that a wrong key stops the start with a clear message instead of failing page by page.
     *
     * @param select {@code id, value} of every row with a value
     * @param update sets the value by {@code (sealed, id, old value)}; the old value in the condition keeps a
     *        row changed meanwhile by someone else as it is
     * @return how many rows were sealed anew
     */
    public int reseal(JdbcTemplate jdbc, String column, String select, String update) {
        List<Object[]> stale = new ArrayList<>();
        int[] verified = {0};
        jdbc.query(select, rs -> {
            long id = rs.getLong(1);
            String stored = rs.getString(2);
            if (!isCurrent(stored)) {
                stale.add(new Object[] {id, stored});
            } else if (verified[0]++ < VERIFIED_AT_START) {
                open(stored, column);
            }
        });
        int sealed = 0;
        for (Object[] row : stale) {
            String plain = open((String) row[1], column);
            sealed += jdbc.update(update, seal(plain, column), row[0], row[1]);
        }
        if (sealed > 0) {
            log.info("sealed {} value(s) of {} with SM4 key {}", sealed, column, currentId);
        }
        return sealed;
    }

    private static GCMModeCipher gcm(boolean encrypt, byte[] key, byte[] nonce, String column) {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce, column.getBytes(StandardCharsets.UTF_8)));
        return gcm;
    }
}
