package org.luoshi.exchange;

/** The whole file was refused (not an xlsx, encrypted, too big, wrong template …); nothing was read or written. */
public class ExchangeFileException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    ExchangeFileException(String messageKey, Object... args) {
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
