package org.luoshi.account;

import org.luoshi.crypto.FieldCipher;
import org.luoshi.crypto.SealedColumn;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An account's e-mail address is personal information like a phone number (个人信息, GB/T 39786 storage
 * confidentiality), so it is sealed at rest too. Nothing searches or sorts by it in SQL: the digest reads
 * the accounts that have one ("is not null") and opens each address through the entity. Rows not sealed
 * with the current key are sealed anew at every start (see {@code SealedPhone}).
 */
@Component
class SealedEmail extends SealedColumn {

    static final String COLUMN = "account.email";

    private final FieldCipher cipher;
    private final JdbcTemplate jdbc;

    SealedEmail(FieldCipher cipher, JdbcTemplate jdbc) {
        super(cipher, COLUMN);
        this.cipher = cipher;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationStartedEvent.class)
    void sealOnStart() {
        cipher.reseal(jdbc, COLUMN, "select id, email from account where email is not null",
                "update account set email = ? where id = ? and email = ?");
    }
}
