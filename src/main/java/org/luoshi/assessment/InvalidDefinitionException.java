package org.luoshi.assessment;

import java.util.List;

/** An indicator or a set (typed in, sent to the API or imported as YAML) is invalid; nothing was saved. */
class InvalidDefinitionException extends RuntimeException {

    private final transient List<Problem> problems;

    InvalidDefinitionException(List<Problem> problems) {
        super(problems.size() + " problem(s): " + problems.stream().map(Problem::key).toList());
        this.problems = List.copyOf(problems);
    }

    List<Problem> problems() {
        return problems;
    }
}
