package org.luoshi.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

class Pbkdf2Sm3PasswordEncoderTest {

    final Pbkdf2Sm3PasswordEncoder encoder = new Pbkdf2Sm3PasswordEncoder(1000);

    @Test
    void verifiesTheRightPasswordOnlyAndSaltsEachHash() {
        String hash = encoder.encode("Qinghe#2026");
        assertThat(hash).startsWith("1000$");
        assertThat(encoder.matches("Qinghe#2026", hash)).isTrue();
        assertThat(encoder.matches("Qinghe#2027", hash)).isFalse();
        assertThat(encoder.encode("Qinghe#2026")).isNotEqualTo(hash);
        assertThat(encoder.matches("Qinghe#2026", "garbage")).isFalse();
        assertThat(encoder.matches("Qinghe#2026", "x$y$z")).isFalse();
    }

    /** The derived key equals PBKDF2's first block computed by hand with HMAC-SM3 (RFC 8018, section 5.2). */
    @Test
    void isPbkdf2WithHmacSm3() {
        byte[] salt = "salt-of-16-bytes".getBytes(StandardCharsets.US_ASCII);
        byte[] password = "Qinghe#2026".getBytes(StandardCharsets.UTF_8);
        int iterations = 3;
        HMac hmac = new HMac(new SM3Digest());
        hmac.init(new KeyParameter(password));
        byte[] u = new byte[32];
        hmac.update(salt, 0, salt.length);
        hmac.update(new byte[] {0, 0, 0, 1}, 0, 4);
        hmac.doFinal(u, 0);
        byte[] t = u.clone();
        for (int i = 1; i < iterations; i++) {
            hmac.update(u, 0, u.length);
            hmac.doFinal(u, 0);
            for (int j = 0; j < t.length; j++) {
                t[j] ^= u[j];
            }
        }
        assertThat(Pbkdf2Sm3PasswordEncoder.derive("Qinghe#2026", salt, iterations)).isEqualTo(t);
        String stored = iterations + "$" + Base64.getEncoder().encodeToString(salt) + "$" + Base64.getEncoder().encodeToString(t);
        assertThat(encoder.matches("Qinghe#2026", stored)).isTrue();
        assertThat(encoder.upgradeEncoding(stored)).isTrue();
    }

    @Test
    void bothAlgorithmsVerifyWhicheverEncodesNewHashes() {
        PasswordEncoder bcrypt = SecurityConfig.encoderFor("bcrypt");
        PasswordEncoder sm3 = SecurityConfig.encoderFor("pbkdf2-sm3");
        String oldHash = bcrypt.encode("Qinghe#2026");
        String newHash = sm3.encode("Qinghe#2026");
        assertThat(oldHash).startsWith("{bcrypt}");
        assertThat(newHash).startsWith("{pbkdf2-sm3}");
        assertThat(sm3.matches("Qinghe#2026", oldHash)).isTrue();
        assertThat(bcrypt.matches("Qinghe#2026", newHash)).isTrue();
        assertThat(sm3.matches("wrong", oldHash)).isFalse();
        assertThat(bcrypt.matches("wrong", newHash)).isFalse();
        assertThatThrownBy(() -> SecurityConfig.encoderFor("md5")).isInstanceOf(IllegalStateException.class);
    }
}
