package org.luoshi.org;

/** What a caller asks to record about a person; validated by the form or API record. */
public record PersonCommand(long unitId, String name, Gender gender, String phone, String note) {
}
