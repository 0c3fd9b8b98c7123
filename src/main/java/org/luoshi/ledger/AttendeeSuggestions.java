package org.luoshi.ledger;

import java.util.List;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.Person;

/**
 * Who is expected at a study session of a unit, to pre-fill its attendance. The ledger asks every
 * bean of this type in {@link org.springframework.core.annotation.Order} and takes the first
 * non-empty answer; its own default (the current post holders of the unit) comes last. A module
 * that knows better, such as the leading group of the responsibility module, contributes a bean
 * with a higher precedence; the ledger needs no change for it.
 */
interface AttendeeSuggestions {

    List<Person> suggest(DataScope scope, OrgUnit unit, RecordKind kind);
}
