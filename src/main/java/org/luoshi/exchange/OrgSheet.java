package org.luoshi.exchange;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The two sheets of the org module that can be exchanged: the org tree (组织架构) and people with
 * the posts they hold (人员、岗位、任职). Unlike ledger kinds their columns are fixed.
 */
enum OrgSheet {

    UNITS("org-units", List.of("PARENT", "NAME", "KIND", "POPULATION")),
    PEOPLE("people", List.of("UNIT", "PERSON", "GENDER", "PHONE", "NOTE", "POST_UNIT", "POST", "POST_KIND", "FROM"));

    /** Prefix of the kind stored with a pending import, so it never clashes with a ledger kind code. */
    static final String PREFIX = "org:";

    private final String slug;
    private final List<String> columns;

    OrgSheet(String slug, List<String> columns) {
        this.slug = slug;
        this.columns = columns;
    }

    String slug() {
        return slug;
    }

    String code() {
        return PREFIX + name();
    }

    String labelKey() {
        return "exchange.org." + name();
    }

    List<String> columns() {
        return columns;
    }

    int index(String column) {
        return columns.indexOf(column);
    }

    List<String> headers(ExchangeColumns zh) {
        return columns.stream().map(c -> zh.zh("exchange.org.column." + c)).toList();
    }

    /** Columns that must be present in an uploaded sheet. */
    List<String> required() {
        return this == UNITS ? List.of("PARENT", "NAME", "KIND") : List.of("UNIT", "PERSON");
    }

    static Optional<OrgSheet> find(String slugOrCode) {
        return Arrays.stream(values()).filter(s -> s.slug.equals(slugOrCode) || s.code().equals(slugOrCode)
                || s.name().equals(slugOrCode)).findFirst();
    }
}
