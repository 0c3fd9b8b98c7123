package org.luoshi.web;

/**
 * A request that is well-formed but breaks a domain rule (e.g. deleting a unit that has
 * children). Carries a message-bundle key so that the user reads a Chinese explanation.
 */
public class RuleViolationException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    public RuleViolationException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }
}
