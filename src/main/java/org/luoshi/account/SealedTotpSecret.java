package org.luoshi.account;

import org.luoshi.crypto.FieldCipher;
import org.luoshi.crypto.SealedColumn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The TOTP secret of an account is sealed at rest: whoever copies the database does not get the second
 * factor.
 */
@Component
class SealedTotpSecret extends SealedColumn {

    static final String COLUMN = "account.totp_secret";

    private final FieldCipher cipher;

    SealedTotpSecret(FieldCipher cipher, JdbcTemplate jdbc) {
        super(cipher, jdbc, COLUMN);
        this.cipher = cipher;
    }

    /** The stored form of a secret written with SQL rather than through the entity. */
    String seal(String secret) {
        return cipher.seal(secret, COLUMN);
    }
}
