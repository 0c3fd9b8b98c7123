package org.luoshi.ledger;

/**
 * One refused input: the field path as forms and the API name it ({@code occurredOn},
 * {@code fields.docNumber}, {@code attendance[2].leaveReason}) and a message key with arguments.
 */
public record Violation(String field, String messageKey, Object... args) {
}
