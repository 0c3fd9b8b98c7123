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
    /** MEDIA_PLACEMENT: how far a piece got (报送 / 录用 / 刊发). */
    public static final String STATE = "state";
    /** MEDIA_PLACEMENT: placed in a party paper (党报). */
    public static final String PARTY_PAPER = "partyPaper";
    /** STUDY_SESSION: people trained (参训人数), at most {@link #ELIGIBLE_COUNT}. */
    public static final String TRAINED_COUNT = "trainedCount";
    /** STUDY_SESSION: people who should have been trained (应训人数), the denominator of the coverage. */
    public static final String ELIGIBLE_COUNT = "eligibleCount";
    /** VENUE_CHECK: visiting groups received (接待团队). */
    public static final String GROUPS_RECEIVED = "groupsReceived";
    /** VENUE_CHECK: bookings (预约场次). */
    public static final String BOOKINGS = "bookings";
    public static final String VISITORS = "visitors";
    /** VOLUNTEER_TEAM: people registered in the national volunteer service system, a set apart from {@link #MEMBERS}. */
    public static final String REGISTERED_VOLUNTEERS = "registeredVolunteers";
    /** AWARD: an honour received from above or a commendation the unit gave itself. */
    public static final String DIRECTION = "direction";
    /** ACTIVITY: inspector turn-outs of a check (出动检查人次). */
    public static final String INSPECTOR_TIMES = "inspectorTimes";
    /** NEW_MEDIA_OUTPUT: the township's own account (e.g. 微柳溪). */
    public static final String ACCOUNT = "account";
    /** NEW_MEDIA_OUTPUT: the platform of the account. */
    public static final String PLATFORM = "platform";
    /** NEW_MEDIA_OUTPUT: posts published in the record's period. */
    public static final String POSTS = "posts";

    // options of MEETING's sub-kind
    public static final String THEMATIC = "THEMATIC";
    public static final String ANALYSIS = "ANALYSIS";
    // options of STUDY_SESSION's sub-kind
    public static final String CENTRAL_GROUP = "CENTRAL_GROUP";
    public static final String SEMINAR = "SEMINAR";
    public static final String CADRE_STUDY = "CADRE_STUDY";
    // options of ACTIVITY's sub-kind: 扫黄打非 and culture-market checks are inspections, not activities held
    public static final String ANTI_PORN = "ANTI_PORN";
    public static final String CULTURE_MARKET = "CULTURE_MARKET";
    // options of MEDIA_PLACEMENT's state: only PUBLISHED pieces appeared in the outlet
    public static final String SUBMITTED = "SUBMITTED";
    public static final String ADOPTED = "ADOPTED";
    public static final String PUBLISHED = "PUBLISHED";
    // options of AWARD's direction
    public static final String RECEIVED = "RECEIVED";
    public static final String GIVEN = "GIVEN";
    // options of NEW_MEDIA_OUTPUT's platform
    public static final String WECHAT_OA = "WECHAT_OA";
    public static final String VIDEO_CHANNEL = "VIDEO_CHANNEL";
    public static final String DOUYIN = "DOUYIN";
    public static final String WEIBO = "WEIBO";
}
