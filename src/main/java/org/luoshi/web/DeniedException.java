package org.luoshi.web;

import org.springframework.security.access.AccessDeniedException;

/** A 403 that says why in the user's language (a message key), where "your role may not" would mislead. */
public class DeniedException extends AccessDeniedException {

    private final String messageKey;

    public DeniedException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
