package org.luoshi.web;

/**
 * A record does not exist or lies outside the caller's data scope. Both answer 404, so that
 * ids from another township reveal nothing.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id);
    }
}
