package org.luoshi.org;

import org.luoshi.crypto.FieldCipher;
import org.luoshi.crypto.SealedColumn;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A person's phone number is sealed at rest. At every start, before anything is served, rows not sealed
 * with the current key (written before sealing, restored from an old backup, or of a previous key) are
 * sealed anew; a wrong key stops the start there.
 */
@Component
class SealedPhone extends SealedColumn {

    static final String COLUMN = "person.phone";

    private final FieldCipher cipher;
    private final JdbcTemplate jdbc;

    SealedPhone(FieldCipher cipher, JdbcTemplate jdbc) {
        super(cipher, COLUMN);
        this.cipher = cipher;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationStartedEvent.class)
    void sealOnStart() {
        cipher.reseal(jdbc, COLUMN, "select id, phone from person where phone is not null",
                "update person set phone = ? where id = ? and phone = ?");
    }
}
