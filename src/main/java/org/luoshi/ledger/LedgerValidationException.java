package org.luoshi.ledger;

import java.util.List;
import org.luoshi.web.FieldRefusal;

/** A record was refused; nothing was saved. Pages show the messages beside the fields, the API as fieldErrors. */
public class LedgerValidationException extends RuntimeException implements FieldRefusal {

    private final transient List<Violation> violations;

    public LedgerValidationException(List<Violation> violations) {
        super(violations.toString());
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    @Override
    public List<Message> refusedFields() {
        return violations.stream().map(v -> new Message(v.field(), v.messageKey(), v.args())).toList();
    }
}
