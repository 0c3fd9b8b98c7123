package org.luoshi.ledger;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The record kinds of the ledger. Adding a kind is one bean here (or in a configuration class of
 * its own), one migration creating its detail table, and its labels in {@code i18n/ledger*.properties}.
 */
@Configuration(proxyBeanMethods = false)
class CoreKinds {

    /** 兴办发〔2023〕18号: issuer abbreviation, the year in 〔〕, a number without leading zeros, 号. */
    static final String DOCUMENT_NUMBER = "\\p{IsHan}{2,12}〔(19|20)\\d{2}〕[1-9]\\d{0,4}号";

    static String normalizeDocumentNumber(String number) {
        return number.replaceAll("\\s+", "")
                .replace('[', '〔').replace(']', '〕')
                .replace('［', '〔').replace('］', '〕')
                .replace('【', '〔').replace('】', '〕');
    }

    @Bean
    RecordKind directive() {
        return RecordKind.define("DIRECTIVE", "ledger_directive", 10)
                .titleLabel("ledger.field.DIRECTIVE.title")
                .occurredOnLabel("ledger.field.DIRECTIVE.receivedOn")
                .field(FieldDef.text("issuer", 100).required())
                .field(FieldDef.text("docNumber", 60).required()
                        .normalizer(CoreKinds::normalizeDocumentNumber)
                        .pattern(DOCUMENT_NUMBER, "ledger.error.docNumber"))
                .field(FieldDef.longText("requirements", 4000));
    }

    @Bean
    RecordKind meeting() {
        return RecordKind.define("MEETING", "ledger_meeting", 20)
                .field(FieldDef.choice(RecordKind.SUB_KIND, "THEMATIC", "ANALYSIS", "JOINT", "CADRE_ASSEMBLY", "OTHER").required())
                .field(FieldDef.person("chair"))
                .field(FieldDef.longText("topics", 2000).required())
                .field(FieldDef.longText("decisions", 4000))
                .field(FieldDef.longText("minutes", 4000))
                .field(FieldDef.recordRef("directive", "DIRECTIVE"));
    }

    @Bean
    RecordKind studySession() {
        return RecordKind.define("STUDY_SESSION", "ledger_study_session", 30)
                .withAttendance()
                .field(FieldDef.choice(RecordKind.SUB_KIND, "CENTRAL_GROUP", "SEMINAR", "PARTY_LECTURE", "THREE_MEETINGS",
                        "REMOTE", "CADRE_STUDY").required())
                .field(FieldDef.text("topic", 200).required())
                .field(FieldDef.longText("materials", 2000))
                .field(FieldDef.text("speakers", 500))
                .field(FieldDef.recordRef("directive", "DIRECTIVE"));
    }

    @Bean
    RecordKind mediaPlacement() {
        return RecordKind.define("MEDIA_PLACEMENT", "ledger_media_placement", 40)
                .titleLabel("ledger.field.MEDIA_PLACEMENT.title")
                .field(FieldDef.text("outlet", 100).required())
                .field(FieldDef.choice("level", "NATIONAL", "PROVINCIAL", "MUNICIPAL", "COUNTY").required())
                .field(FieldDef.choice("medium", "PRINT", "NEW_MEDIA", "TV_RADIO", "PLATFORM").required())
                .field(FieldDef.text("link", 500).url())
                .field(FieldDef.bool("merged"))
                .field(FieldDef.integer("articleCount").required().min(1).max(1000).defaultValue(1L));
    }

    @Bean
    RecordKind outreach() {
        return RecordKind.define("OUTREACH", "ledger_outreach", 50)
                .field(FieldDef.text("lecturers", 500).required())
                .field(FieldDef.unit("village"))
                .field(FieldDef.integer("audience").max(1_000_000));
    }

    @Bean
    RecordKind opinionCase() {
        return RecordKind.define("OPINION_CASE", "ledger_opinion_case", 60)
                .titleLabel("ledger.field.OPINION_CASE.title")
                .occurredOnLabel("ledger.field.OPINION_CASE.reportedOn")
                .notice("ledger.kind.OPINION_CASE.notice")
                .field(FieldDef.text("channel", 100).required())
                .field(FieldDef.text("category", 100).required())
                .field(FieldDef.choice("level", "GENERAL", "SERIOUS", "MAJOR").required())
                .field(FieldDef.longText("response", 4000))
                .field(FieldDef.date("closedOn").notBeforeOccurredOn())
                // 按时处置 is a fact about a closed case: without the date closed it cannot be judged
                .field(FieldDef.bool("onTime").requires("closedOn"));
    }
}
