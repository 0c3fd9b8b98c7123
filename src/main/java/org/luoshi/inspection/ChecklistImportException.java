package org.luoshi.inspection;

import java.util.List;

/** An import refused as a whole, with one Chinese message per bad row (or one for the file). */
class ChecklistImportException extends RuntimeException {

    private final transient List<String> errors;

    ChecklistImportException(List<String> errors) {
        super(String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    List<String> errors() {
        return errors;
    }
}
