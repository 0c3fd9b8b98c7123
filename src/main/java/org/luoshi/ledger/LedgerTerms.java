package org.luoshi.ledger;

/**
 * The field names and options of the ledger's kinds that other modules name (figures, rates, report
 * sentences). The kind definitions use the same constants, so a renamed field is renamed for its
 * readers too, and a reader cannot name a field by a misspelt string.
 */
public final class LedgerTerms {

    private LedgerTerms() {
    }

    /** The ENUM field by this name, if any, is the kind's sub-kind (shown in lists, filterable in figures). */
    public static final String SUB_KIND = "subKind";

    // fields
    public static final String LEVEL = "level";
    public static final String MEDIUM = "medium";
    public static final String ARTICLE_COUNT = "articleCount";
    public static final String VILLAGE = "village";
    public static final String AUDIENCE = "audience";
    public static final String CLOSED_ON = "closedOn";
    public static final String ON_TIME = "onTime";
    public static final String FAULTS_FOUND = "faultsFound";
    public static final String FAULTS_FIXED = "faultsFixed";
    public static final String SESSIONS = "sessions";
    public static final String HOURS = "hours";
    public static final String MEMBERS = "members";
    public static final String TOPICS = "topics";
    public static final String TOPIC = "topic";
    public static final String OUTLET = "outlet";
    public static final String BENEFICIARIES = "beneficiaries";
    public static final String QUANTITY = "quantity";
    public static final String COST = "cost";
    public static final String ISSUER = "issuer";
    public static final String DOC_NUMBER = "docNumber";

    // options of MEETING's sub-kind
    public static final String THEMATIC = "THEMATIC";
    public static final String ANALYSIS = "ANALYSIS";
    // options of STUDY_SESSION's sub-kind
    public static final String CENTRAL_GROUP = "CENTRAL_GROUP";
    public static final String SEMINAR = "SEMINAR";
    // options of ACTIVITY's sub-kind: 扫黄打非 checks are inspections, not activities held
    public static final String ANTI_PORN = "ANTI_PORN";
}
