package org.luoshi.org;

import org.luoshi.crypto.FieldCipher;
import org.luoshi.crypto.SealedColumn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A person's phone number is sealed at rest (personal information). */
@Component
class SealedPhone extends SealedColumn {

    static final String COLUMN = "person.phone";

    SealedPhone(FieldCipher cipher, JdbcTemplate jdbc) {
        super(cipher, jdbc, COLUMN);
    }
}
