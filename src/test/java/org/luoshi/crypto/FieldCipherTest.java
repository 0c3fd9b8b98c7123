package org.luoshi.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SM4-GCM sealing: round trip, a changed ciphertext or a wrong key refused with a clear message, keys rotated. */
class FieldCipherTest {

    static final String KEY1 = "000102030405060708090a0b0c0d0e0f";
    static final String KEY2 = "f0e0d0c0b0a090807060504030201000";

    final FieldCipher cipher = DataKeys.cipher("1:" + KEY1, "", true, null);

    @Test
    void aSealedValueOpensToWhatWasSealedAndSaysNothingOfIt() {
        String sealed = cipher.seal("13800001111", "person.phone");
        assertThat(sealed).startsWith("sm4g:1:").doesNotContain("13800001111");
        assertThat(cipher.seal("13800001111", "person.phone")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(cipher.open(sealed, "person.phone")).isEqualTo("13800001111");
        assertThat(cipher.open(cipher.seal("张三 备注", "person.phone"), "person.phone")).isEqualTo("张三 备注");
        assertThat(cipher.seal(null, "person.phone")).isNull();
        assertThat(cipher.open("13900002222", "person.phone")).as("plaintext from before sealing reads as it is")
                .isEqualTo("13900002222");
        assertThat(cipher.isCurrent(sealed)).isTrue();
        assertThat(cipher.isCurrent("13900002222")).isFalse();
    }

    @Test
    void aChangedCiphertextIsRefusedByTheTag() {
        String sealed = cipher.seal("13800001111", "person.phone");
        byte[] raw = Base64.getDecoder().decode(sealed.substring("sm4g:1:".length()));
        raw[14] ^= 1;
        String tampered = "sm4g:1:" + Base64.getEncoder().withoutPadding().encodeToString(raw);
        assertThatThrownBy(() -> cipher.open(tampered, "person.phone")).isInstanceOf(SealBrokenException.class)
                .hasMessageContaining("person.phone").hasMessageContaining("数据被改动过");
        // the column is bound in: a value copied into another sealed column does not open there
        assertThatThrownBy(() -> cipher.open(sealed, "account.totp_secret")).isInstanceOf(SealBrokenException.class);
    }

    @Test
    void aWrongKeyIsRefusedWithAClearMessage() {
        String sealed = cipher.seal("13800001111", "person.phone");
        FieldCipher other = DataKeys.cipher("1:" + KEY2, "", true, null);
        assertThatThrownBy(() -> other.open(sealed, "person.phone")).isInstanceOf(SealBrokenException.class)
                .hasMessageContaining("密钥不对").hasMessageContaining("luoshi.security.data-key");
        FieldCipher withoutKey1 = DataKeys.cipher("2:" + KEY2, "", true, null);
        assertThatThrownBy(() -> withoutKey1.open(sealed, "person.phone")).hasMessageContaining("密钥 1");
    }

    @Test
    void aRotatedKeyStillOpensTheOldValuesAndSealsWithTheNewOne() {
        String old = cipher.seal("13800001111", "person.phone");
        FieldCipher rotated = DataKeys.cipher("2:" + KEY2, "1:" + KEY1, true, null);
        assertThat(rotated.open(old, "person.phone")).isEqualTo("13800001111");
        assertThat(rotated.isCurrent(old)).as("sealed anew at the next start").isFalse();
        assertThat(rotated.seal("13800001111", "person.phone")).startsWith("sm4g:2:");
    }

    @Test
    void productionRefusesToStartWithoutAKeyAndADevelopmentRunMakesOneOnce(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> DataKeys.cipher("", "", true, dir.resolve("data-key")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("LUOSHI_SECURITY_DATA_KEY");
        assertThat(dir.resolve("data-key")).doesNotExist();
        assertThatThrownBy(() -> DataKeys.cipher("1:0011", "", true, null)).hasMessageContaining("32 位十六进制");

        FieldCipher first = DataKeys.cipher("", "", false, dir.resolve("data-key"));
        String sealed = first.seal("13800001111", "person.phone");
        assertThat(Files.readString(dir.resolve("data-key")).strip()).hasSize(32);
        assertThat(Files.getPosixFilePermissions(dir.resolve("data-key"))).containsExactlyInAnyOrder(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        FieldCipher again = DataKeys.cipher(null, null, false, dir.resolve("data-key"));
        assertThat(again.open(sealed, "person.phone")).as("the same key at the next start").isEqualTo("13800001111");
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary file left").hasSize(1);
        }
    }

    @Test
    void keysMustBe128Bits() {
        assertThatThrownBy(() -> new FieldCipher(1, Map.of(1, new byte[8]))).isInstanceOf(IllegalArgumentException.class);
    }
}
