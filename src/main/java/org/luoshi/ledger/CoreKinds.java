package org.luoshi.ledger;

import static org.luoshi.ledger.LedgerTerms.*;

/**
 * The definitions of the core record kinds. Adding a kind is one constant of {@link LedgerKind}, its
 * definition here (or beside it), one migration creating its detail table, and its labels in
 * {@code i18n/ledger*.properties}.
 */
class CoreKinds {

    /** 兴办发〔2023〕18号: issuer abbreviation, the year in 〔〕, a number without leading zeros, 号. */
    static final String DOCUMENT_NUMBER = "\\p{IsHan}{2,12}〔(19|20)\\d{2}〕[1-9]\\d{0,4}号";

    static String normalizeDocumentNumber(String number) {
        return number.replaceAll("\\s+", "")
                .replace('[', '〔').replace(']', '〕')
                .replace('［', '〔').replace('］', '〕')
                .replace('【', '〔').replace('】', '〕');
    }

    /** An optional document number (文号), normalised and checked as {@link #DOCUMENT_NUMBER}. */
    static FieldDef documentNumber() {
        return FieldDef.text(DOC_NUMBER, 60)
                .normalizer(CoreKinds::normalizeDocumentNumber)
                .pattern(DOCUMENT_NUMBER, "ledger.error.docNumber");
    }

    static RecordKind directive() {
        return RecordKind.define(LedgerKind.DIRECTIVE, "ledger_directive", 10)
                .titleLabel("ledger.field.DIRECTIVE.title")
                .occurredOnLabel("ledger.field.DIRECTIVE.receivedOn")
                .field(FieldDef.text(ISSUER, 100).required())
                // 会议精神、电话会议 and many 通知 carry no number: optional, but in the official form when given
                .field(documentNumber())
                .field(FieldDef.longText("requirements", 4000));
    }

    static RecordKind meeting() {
        // who attended a 党委会 is a fact inspections ask for; a meeting without attendance rows is fine
        return RecordKind.define(LedgerKind.MEETING, "ledger_meeting", 20)
                .withAttendance()
                .field(FieldDef.choice(SUB_KIND, THEMATIC, ANALYSIS, "JOINT", "CADRE_ASSEMBLY", "OTHER").required())
                .field(FieldDef.person("chair"))
                .field(FieldDef.longText(TOPICS, 2000).required())
                .field(FieldDef.longText("decisions", 4000))
                .field(FieldDef.longText("minutes", 4000))
                .field(FieldDef.recordRef("directive", "DIRECTIVE"));
    }

    static RecordKind studySession() {
        // a training may last several days; its coverage is trained of eligible (参训 / 应训), for sessions
        // where nobody lists every attendee
        return RecordKind.define(LedgerKind.STUDY_SESSION, "ledger_study_session", 30)
                .allowRange()
                .withAttendance()
                .field(FieldDef.choice(SUB_KIND, CENTRAL_GROUP, SEMINAR, "PARTY_LECTURE", "THREE_MEETINGS",
                        "REMOTE", CADRE_STUDY).required())
                .field(FieldDef.text(TOPIC, 200).required())
                .field(FieldDef.longText("materials", 2000))
                .field(FieldDef.text("speakers", 500))
                .field(FieldDef.recordRef("directive", "DIRECTIVE"))
                .field(FieldDef.integer(ELIGIBLE_COUNT).max(1_000_000))
                .field(FieldDef.integer(TRAINED_COUNT).max(1_000_000).notAbove(ELIGIBLE_COUNT));
    }

    static RecordKind mediaPlacement() {
        return RecordKind.define(LedgerKind.MEDIA_PLACEMENT, "ledger_media_placement", 40)
                .titleLabel("ledger.field.MEDIA_PLACEMENT.title")
                .field(FieldDef.text(OUTLET, 100).required())
                .field(FieldDef.choice(LEVEL, "NATIONAL", "PROVINCIAL", "MUNICIPAL", "COUNTY").required())
                .field(FieldDef.choice(MEDIUM, "PRINT", "NEW_MEDIA", "TV_RADIO", "PLATFORM").required())
                .field(FieldDef.text("link", 500).url())
                .field(FieldDef.bool("merged"))
                .field(FieldDef.integer(ARTICLE_COUNT).required().min(1).max(1000).defaultValue(1L))
                // 报送 → 录用 → 刊发: until now every placement was recorded as published, hence the default
                .field(FieldDef.choice(STATE, SUBMITTED, ADOPTED, PUBLISHED).required().defaultValue(PUBLISHED))
                .field(FieldDef.bool(PARTY_PAPER));
    }

    /**
     * The township's own new-media output (公众号、视频号 …) over a period, usually a month: how many
     * posts an account published. Placements in outlets of others stay MEDIA_PLACEMENT.
     */
    static RecordKind newMediaOutput() {
        return RecordKind.define(LedgerKind.NEW_MEDIA_OUTPUT, "ledger_new_media_output", 45)
                .occurredOnLabel("ledger.field.NEW_MEDIA_OUTPUT.periodStart")
                .allowRange()
                .field(FieldDef.text(ACCOUNT, 100).required())
                .field(FieldDef.choice(PLATFORM, WECHAT_OA, VIDEO_CHANNEL, DOUYIN, WEIBO, "OTHER").required())
                .field(FieldDef.integer(POSTS).required().max(1_000_000));
    }

    static RecordKind outreach() {
        // a 宣讲 campaign in a village may run for weeks
        return RecordKind.define(LedgerKind.OUTREACH, "ledger_outreach", 50)
                .allowRange()
                .field(FieldDef.text("lecturers", 500).required())
                .field(FieldDef.unit(VILLAGE))
                .field(FieldDef.integer(AUDIENCE).max(1_000_000));
    }

    static RecordKind opinionCase() {
        return RecordKind.define(LedgerKind.OPINION_CASE, "ledger_opinion_case", 60)
                .titleLabel("ledger.field.OPINION_CASE.title")
                .occurredOnLabel("ledger.field.OPINION_CASE.reportedOn")
                .notice("ledger.kind.OPINION_CASE.notice")
                .field(FieldDef.text("channel", 100).required())
                .field(FieldDef.text("category", 100).required())
                .field(FieldDef.choice(LEVEL, "GENERAL", "SERIOUS", "MAJOR").required())
                .field(FieldDef.longText("response", 4000))
                .field(FieldDef.date(CLOSED_ON).notBeforeOccurredOn())
                // 按时处置 is a fact about a closed case: without the date closed it cannot be judged
                .field(FieldDef.bool(ON_TIME).requires(CLOSED_ON));
    }
}
