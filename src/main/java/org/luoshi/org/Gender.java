package org.luoshi.org;

/** 性别, optional on a person. */
public enum Gender {
    MALE,
    FEMALE;

    /** Reads a stored or submitted value; blank means not given. */
    public static Gender parse(String value) {
        return value == null || value.isBlank() ? null : valueOf(value.strip());
    }
}
