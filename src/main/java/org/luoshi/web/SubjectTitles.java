package org.luoshi.web;

import java.util.Collection;
import java.util.Map;

/**
 * The titles of things a route acts on, for lines that name them to a person (the audit's "删除台账记录 #430
 * 《…》"). A module offers one per kind of thing; the audit asks by the route's subject without depending
 * on the module, once for all the lines of a page. No scope: the line is shown only to whoever may read
 * who did what to it.
 */
public interface SubjectTitles {

    /** The kind of thing, as routes name it: the route prefix before its id, e.g. {@code /ledger/records}. */
    String routePrefix();

    /** The titles of those of these ids that exist, by id. */
    Map<Long, String> titles(Collection<Long> ids);
}
