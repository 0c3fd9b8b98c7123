package org.luoshi.web;

/**
 * A request that is well-formed but breaks a domain rule (e.g. deleting a unit that has
 * children). Carries a message-bundle key so that the user reads a Chinese explanation, and
 * optionally the form field the rule concerns, so that a form can show it beside that field.
 */
public class RuleViolationException extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final transient Object[] args;

    public RuleViolationException(String messageKey, Object... args) {
        this(null, messageKey, args);
    }

    private RuleViolationException(String field, String messageKey, Object[] args) {
        super(messageKey);
        this.field = field;
        this.messageKey = messageKey;
        this.args = args;
    }

    /** A refusal about one field of the form (its property name), told beside that field. */
    public static RuleViolationException at(String field, String messageKey, Object... args) {
        return new RuleViolationException(field, messageKey, args);
    }

    /** The form field the rule concerns, or null when it concerns the whole change. */
    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }
}
