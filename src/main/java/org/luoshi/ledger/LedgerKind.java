package org.luoshi.ledger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The kinds of record the ledger keeps: the ledger's published vocabulary. Other modules name a kind
 * by this enum (indicator rules, report figures, charts), so the compiler checks every use; the
 * fields and options they name are the constants of {@link LedgerTerms}, which the definitions use
 * too. Indicator rules stored as data are checked against {@link #subKinds()}, {@link #enumFields()}
 * and {@link #numericFields()} when saved, which come from the same definitions. The constants stand
 * in the order of their definitions' {@link RecordKind#order()}, the order of menus and tabs.
 */
public enum LedgerKind {
    /** 上级文件及传达学习. */
    DIRECTIVE(CoreKinds::directive),
    /** 制度与方案. */
    REGULATION(WorkKinds::regulation),
    /** 会议: 党委会专题研究、研判会、联席会议、干部大会. */
    MEETING(CoreKinds::meeting),
    /** 学习: 中心组学习、专题研讨、党课、三会一课、远程教育、干部学习. */
    STUDY_SESSION(CoreKinds::studySession),
    /** 上稿 / 信息报送. */
    MEDIA_PLACEMENT(CoreKinds::mediaPlacement),
    /** 新媒体发布: the township's own accounts, posts per period. */
    NEW_MEDIA_OUTPUT(CoreKinds::newMediaOutput),
    /** 宣讲. */
    OUTREACH(CoreKinds::outreach),
    /** 舆情 (the committee's own handling of a case, see DESIGN.md's scope boundary). */
    OPINION_CASE(CoreKinds::opinionCase),
    /** 阵地. */
    VENUE(WorkKinds::venue),
    /** 阵地检查. */
    VENUE_CHECK(WorkKinds::venueCheck),
    /** 文化 / 文体 / 节日 / 阅读 / 三下乡活动, 扫黄打非 and 文化市场 checks. */
    ACTIVITY(WorkKinds::activity),
    /** 志愿服务队伍. */
    VOLUNTEER_TEAM(WorkKinds::volunteerTeam),
    /** 志愿服务. */
    VOLUNTEER_SERVICE(WorkKinds::volunteerService),
    /** 评选表彰. */
    AWARD(WorkKinds::award),
    /** 宣传品与宣传经费. */
    PUBLICITY_MATERIAL(WorkKinds::publicityMaterial),
    /** 文体队伍. */
    CULTURE_TEAM(WorkKinds::cultureTeam);

    private final Supplier<RecordKind> define;
    private volatile RecordKind definition;

    LedgerKind(Supplier<RecordKind> define) {
        this.define = define;
    }

    /** The kind's fields, table and labels. */
    public RecordKind definition() {
        RecordKind d = definition;
        if (d == null) {
            d = define.get();
            if (!d.code().equals(name())) {
                throw new IllegalStateException(name() + " is defined as " + d.code());
            }
            definition = d;
        }
        return d;
    }

    /** The sub-kinds (options of {@link LedgerTerms#SUB_KIND}); empty when the kind has none. */
    public List<String> subKinds() {
        return definition().subKind().map(FieldDef::options).orElse(List.of());
    }

    /** The enumerated fields other than the sub-kind (e.g. {@code level}), with their options. */
    public Map<String, List<String>> enumFields() {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        definition().fields().stream().filter(f -> f.type() == FieldType.ENUM && !f.name().equals(LedgerTerms.SUB_KIND))
                .forEach(f -> fields.put(f.name(), f.options()));
        return fields;
    }

    /** The numeric fields a figure may add up (e.g. {@code hours}). */
    public List<String> numericFields() {
        return definition().fields().stream().filter(f -> f.type() == FieldType.INTEGER || f.type() == FieldType.DECIMAL)
                .map(FieldDef::name).toList();
    }
}
