package org.luoshi.ledger;

import java.util.List;

/** A record was refused; nothing was saved. Pages show the messages beside the fields, the API as fieldErrors. */
public class LedgerValidationException extends RuntimeException {

    private final transient List<Violation> violations;

    public LedgerValidationException(List<Violation> violations) {
        super(violations.toString());
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
