package org.luoshi.crypto;

import jakarta.persistence.AttributeConverter;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A JPA column kept sealed ({@link FieldCipher}): the entity holds the plaintext, the table the ciphertext.
 * Each sealed column has its own subclass naming it ("person.phone"), so that its name is bound into every
 * ciphertext. Nothing may filter or sort by such a column in SQL: a query sees only ciphertext.
 * <p>
 * At every start, before anything is served, rows not sealed with the current key (written before sealing,
 * restored from an old backup, or of a previous key) are sealed anew; a wrong key stops the start there.
 * The table is found from the column's name and must have an {@code id}.
 */
public abstract class SealedColumn implements AttributeConverter<String, String> {

    private final FieldCipher cipher;
    private final JdbcTemplate jdbc;
    private final String column;

    protected SealedColumn(FieldCipher cipher, JdbcTemplate jdbc, String column) {
        if (!column.matches("[a-z_]+\\.[a-z_]+")) {
            throw new IllegalArgumentException("a sealed column is named table.column: " + column);
        }
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.column = column;
    }

    @Override
    public String convertToDatabaseColumn(String plain) {
        return cipher.seal(plain, column);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return cipher.open(stored, column);
    }

    /** Seals the rows not sealed with the current key (void: a listener's result would be published as an event). */
    @EventListener(ApplicationStartedEvent.class)
    public void sealOnStart() {
        String table = column.substring(0, column.indexOf('.'));
        String name = column.substring(column.indexOf('.') + 1);
        cipher.reseal(jdbc, column, "select id, " + name + " from " + table + " where " + name + " is not null",
                "update " + table + " set " + name + " = ? where id = ? and " + name + " = ?");
    }
}
