package org.luoshi.crypto;

import jakarta.persistence.AttributeConverter;

/**
 * A JPA column kept sealed ({@link FieldCipher}): the entity holds the plaintext, the table the ciphertext.
 * Each sealed column has its own subclass naming it, so that its name is bound into every ciphertext.
 * Nothing may filter or sort by such a column in SQL: a query sees only ciphertext.
 */
public abstract class SealedColumn implements AttributeConverter<String, String> {

    private final FieldCipher cipher;
    private final String column;

    protected SealedColumn(FieldCipher cipher, String column) {
        this.cipher = cipher;
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
}
