package org.luoshi.web;

import java.util.Optional;

/**
 * The title of a thing a route acts on, for lines that name it to a person (the audit's "删除台账记录 #430
 * 《…》"). A module offers one per kind of thing; the audit asks by the route's subject without depending
 * on the module. No scope: the line is shown only to whoever may read who did what to it.
 */
public interface SubjectTitles {

    /** The kind of thing, as routes name it: the route prefix before its id, e.g. {@code /ledger/records}. */
    String routePrefix();

    Optional<String> title(long id);
}
