package org.luoshi.assessment;

import java.util.List;
import java.util.Map;

/**
 * The ledger record kinds an indicator rule may refer to, with the sub-kinds, enumerated fields
 * and numeric fields a rule may filter or sum on. This is the vocabulary of the rules, owned here so
 * that indicator sets can be defined before the ledger schema is final; the {@link LedgerFigures}
 * adapter maps each name to the ledger's columns.
 */
public enum RecordKind {
    /** 上级文件及传达学习. */
    DIRECTIVE(List.of(), Map.of(), List.of()),
    /** 会议: 党委会专题研究、研判会、联席会议、干部大会. */
    MEETING(List.of("THEMATIC", "ANALYSIS", "JOINT", "CADRE_ASSEMBLY", "OTHER"), Map.of(), List.of()),
    /** 学习: 中心组学习、专题研讨、党课、三会一课、远程教育、干部学习. */
    STUDY_SESSION(List.of("CENTRAL_GROUP", "SEMINAR", "PARTY_LECTURE", "THREE_MEETINGS", "REMOTE", "CADRE_STUDY"),
            Map.of(), List.of()),
    /** 上稿 / 信息报送. */
    MEDIA_PLACEMENT(List.of(),
            Map.of("level", List.of("NATIONAL", "PROVINCIAL", "MUNICIPAL", "COUNTY"),
                    "medium", List.of("PRINT", "NEW_MEDIA", "TV_RADIO", "PLATFORM")),
            List.of("articleCount")),
    /** 宣讲. */
    OUTREACH(List.of(), Map.of(), List.of("audience")),
    /** 舆情. */
    OPINION_CASE(List.of(), Map.of("level", List.of("GENERAL", "SERIOUS", "MAJOR")), List.of()),
    /** 阵地检查. */
    VENUE_CHECK(List.of(), Map.of("state", List.of("GOOD", "NEEDS_REPAIR", "OUT_OF_SERVICE")),
            List.of("visitors", "booksLent", "faultsFound", "faultsFixed")),
    /** 文化 / 文体 / 节日 / 阅读 / 三下乡 / 扫黄打非活动. */
    ACTIVITY(List.of("CULTURE", "SPORTS", "FESTIVAL", "READING", "THREE_TO_COUNTRYSIDE", "ANTI_PORN", "OTHER"), Map.of(),
            List.of("participants", "sessions", "establishmentsChecked")),
    /** 志愿服务. */
    VOLUNTEER_SERVICE(List.of(), Map.of(), List.of("hours", "volunteers", "beneficiaries")),
    /** 评选表彰. */
    AWARD(List.of("STAR_FAMILY", "GOOD_PERSON", "GOOD_FAMILY_MEMBER", "BEAUTIFUL_FAMILY", "CIVILIZED_UNIT", "OTHER"),
            Map.of("level", List.of("NATIONAL", "PROVINCIAL", "MUNICIPAL", "COUNTY", "TOWNSHIP")), List.of()),
    /** 宣传品与宣传经费. */
    PUBLICITY_MATERIAL(List.of("WALL_SLOGAN", "SLOGAN", "BANNER", "LEAFLET", "OTHER_SPENDING"), Map.of(),
            List.of("quantity", "cost"));

    private final List<String> subKinds;
    private final Map<String, List<String>> enumFields;
    private final List<String> numericFields;

    RecordKind(List<String> subKinds, Map<String, List<String>> enumFields, List<String> numericFields) {
        this.subKinds = subKinds;
        this.enumFields = enumFields;
        this.numericFields = numericFields;
    }

    public List<String> subKinds() {
        return subKinds;
    }

    /** Enumerated fields (e.g. {@code level}) and their allowed values. */
    public Map<String, List<String>> enumFields() {
        return enumFields;
    }

    /** Numeric fields a SUM rule may add up (e.g. {@code hours}). */
    public List<String> numericFields() {
        return numericFields;
    }
}
