package org.luoshi.assessment;

/**
 * One thing wrong with an indicator or a set, as a message key with arguments (the first argument
 * is the indicator code where there is one) and the field it belongs to.
 */
record Problem(String field, String key, Object[] args) {

    static At at(String field) {
        return new At(field);
    }

    record At(String field) {
        Problem messageKey(String key, Object... args) {
            return new Problem(field, key, args);
        }
    }
}
