package org.luoshi.account;

import org.luoshi.crypto.FieldCipher;
import org.luoshi.crypto.SealedColumn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An account's e-mail address is personal information like a phone number (个人信息, GB/T 39786 storage
 * confidentiality), so it is sealed at rest too. Nothing searches or sorts by it in SQL: the digest reads
 * the accounts that have one ("is not null") and opens each address through the entity.
 */
@Component
class SealedEmail extends SealedColumn {

    static final String COLUMN = "account.email";

    SealedEmail(FieldCipher cipher, JdbcTemplate jdbc) {
        super(cipher, jdbc, COLUMN);
    }
}
