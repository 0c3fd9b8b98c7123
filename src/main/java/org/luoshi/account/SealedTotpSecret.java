package org.luoshi.account;

import org.luoshi.crypto.FieldCipher;
import org.luoshi.crypto.SealedColumn;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The TOTP secret of an account is sealed at rest: whoever copies the database does not get the second
 * factor. Rows not sealed with the current key are sealed anew at every start (see {@code SealedPhone}).
 */
@Component
class SealedTotpSecret extends SealedColumn {

    static final String COLUMN = "account.totp_secret";

    private final FieldCipher cipher;
    private final JdbcTemplate jdbc;

    SealedTotpSecret(FieldCipher cipher, JdbcTemplate jdbc) {
        super(cipher, COLUMN);
        this.cipher = cipher;
        this.jdbc = jdbc;
    }

    /** The stored form of a secret written with SQL rather than through the entity. */
    String seal(String secret) {
        return cipher.seal(secret, COLUMN);
    }

    @EventListener(ApplicationStartedEvent.class)
    void sealOnStart() {
        cipher.reseal(jdbc, COLUMN, "select id, totp_secret from account where totp_secret is not null",
                "update account set totp_secret = ? where id = ? and totp_secret = ?");
    }
}
