package org.luoshi.ledger;

import static org.luoshi.ledger.LedgerTerms.*;

/**
 * The kinds of the work ledger beyond the core ones: the places where propaganda happens (阵地) and
 * their checks, cultural activities, volunteer service, awards, publicity spending and the mass teams
 * the township reports on. Codes and field names are a contract with the assessment and report modules.
 */
class WorkKinds {

    static RecordKind venue() {
        return RecordKind.define(LedgerKind.VENUE, "ledger_venue", 70)
                .titleLabel("ledger.field.VENUE.title")
                .occurredOnLabel("ledger.field.VENUE.registeredOn")
                .field(FieldDef.choice(SUB_KIND, "CULTURE_STATION", "LIBRARY", "BROADCAST", "SQUARE", "PRACTICE_CENTER",
                        "LED_SCREEN", "BULLETIN_BOARD", "WEBSITE", "WECHAT", "OTHER").required())
                .field(FieldDef.unit(VILLAGE))
                .field(FieldDef.text("location", 200))
                .field(FieldDef.text("manager", 100));
    }

    static RecordKind venueCheck() {
        return RecordKind.define(LedgerKind.VENUE_CHECK, "ledger_venue_check", 72)
                .field(FieldDef.recordRef("venue", "VENUE").required().sameArea())
                .field(FieldDef.choice("state", "GOOD", "NEEDS_REPAIR", "OUT_OF_SERVICE").required())
                .field(FieldDef.integer(VISITORS).max(10_000_000))
                .field(FieldDef.integer(GROUPS_RECEIVED).max(1_000_000))
                .field(FieldDef.integer(BOOKINGS).max(1_000_000))
                .field(FieldDef.integer("booksLent").max(10_000_000))
                .field(FieldDef.integer(FAULTS_FOUND).max(10_000))
                .field(FieldDef.integer(FAULTS_FIXED).max(10_000).notAbove(FAULTS_FOUND))
                .field(FieldDef.longText("faultDescription", 2000));
    }

    static RecordKind activity() {
        return RecordKind.define(LedgerKind.ACTIVITY, "ledger_activity", 74)
                .allowRange()
                .field(FieldDef.choice(SUB_KIND, "CULTURE", "SPORTS", "FESTIVAL", "READING", "THREE_TO_COUNTRYSIDE",
                        ANTI_PORN, CULTURE_MARKET, "OTHER").required())
                .field(FieldDef.text("organiser", 200))
                .field(FieldDef.integer("participants").max(10_000_000))
                .field(FieldDef.integer(SESSIONS).max(100_000))
                .field(FieldDef.integer("establishmentsChecked").max(100_000))
                .field(FieldDef.integer(INSPECTOR_TIMES).max(100_000));
    }

    static RecordKind volunteerTeam() {
        return RecordKind.define(LedgerKind.VOLUNTEER_TEAM, "ledger_volunteer_team", 76)
                .titleLabel("ledger.field.VOLUNTEER_TEAM.title")
                .occurredOnLabel("ledger.field.VOLUNTEER_TEAM.foundedOn")
                .field(FieldDef.text("theme", 200))
                .field(FieldDef.unit(VILLAGE))
                .field(FieldDef.integer(MEMBERS).max(100_000))
                .field(FieldDef.text("leader", 100))
                // registered in the national volunteer system (全国志愿服务信息系统): not a subset of the members
                .field(FieldDef.integer(REGISTERED_VOLUNTEERS).max(1_000_000));
    }

    static RecordKind volunteerService() {
        return RecordKind.define(LedgerKind.VOLUNTEER_SERVICE, "ledger_volunteer_service", 78)
                .allowRange()
                .field(FieldDef.recordRef("team", "VOLUNTEER_TEAM").required().sameArea())
                .field(FieldDef.integer("volunteers").max(100_000))
                .field(FieldDef.decimal(HOURS).max(10_000_000))
                .field(FieldDef.integer(BENEFICIARIES).max(10_000_000));
    }

    static RecordKind award() {
        return RecordKind.define(LedgerKind.AWARD, "ledger_award", 80)
                .field(FieldDef.choice(SUB_KIND, "STAR_FAMILY", "GOOD_PERSON", "GOOD_FAMILY_MEMBER", "BEAUTIFUL_FAMILY",
                        "CIVILIZED_UNIT", "OTHER").required())
                .field(FieldDef.choice(LEVEL, "NATIONAL", "PROVINCIAL", "MUNICIPAL", "COUNTY", "TOWNSHIP").required())
                // 获得上级表彰 or 本级评选表彰: no default, a wrong guess would misfile one as the other
                .field(FieldDef.choice(DIRECTION, RECEIVED, GIVEN).required())
                .field(FieldDef.text("programme", 200))
                // Name and unit only: an award register is public, nothing else about the person belongs here.
                .field(FieldDef.text("awardeeName", 100).required())
                .field(FieldDef.text("awardeeUnit", 200));
    }

    static RecordKind publicityMaterial() {
        return RecordKind.define(LedgerKind.PUBLICITY_MATERIAL, "ledger_publicity_material", 82)
                .field(FieldDef.choice(SUB_KIND, "WALL_SLOGAN", "SLOGAN", "BANNER", "LEAFLET", "BILLBOARD", "PUBLICATION",
                        "OTHER_SPENDING").required())
                .field(FieldDef.integer(QUANTITY).max(10_000_000))
                .field(FieldDef.decimal(COST).max(1_000_000_000));
    }

    /**
     * 文艺队、篮球队、宣讲团、网评员队伍、红白理事会 …: the township reports how many it has and how
     * many people they hold, so each is a register entry (occurred_on = founded or registered).
     */
    static RecordKind cultureTeam() {
        return RecordKind.define(LedgerKind.CULTURE_TEAM, "ledger_culture_team", 84)
                .titleLabel("ledger.field.CULTURE_TEAM.title")
                .occurredOnLabel("ledger.field.CULTURE_TEAM.foundedOn")
                .field(FieldDef.choice(SUB_KIND, "ART_TROUPE", "SPORTS_TEAM", "LECTURE_TEAM", "COMMENTATOR_TEAM",
                        "CIVIC_COUNCIL", "OTHER").required())
                .field(FieldDef.unit(VILLAGE))
                .field(FieldDef.integer(MEMBERS).max(100_000))
                .field(FieldDef.text("leader", 100));
    }

    /**
     * The township's own rules and plans (实施方案、实施细则、工作规则、学习计划): reports cite them as
     * proof that the system is in place. Directives from above stay DIRECTIVE.
     */
    static RecordKind regulation() {
        return RecordKind.define(LedgerKind.REGULATION, "ledger_regulation", 15)
                .titleLabel("ledger.field.REGULATION.title")
                .occurredOnLabel("ledger.field.REGULATION.issuedOn")
                .field(FieldDef.choice(SUB_KIND, "IMPLEMENTATION_PLAN", "RULES", "STUDY_PLAN", "WORK_PLAN", "OTHER").required())
                .field(FieldDef.text("issuedBy", 100).required())
                .field(CoreKinds.documentNumber())
                .field(FieldDef.longText("summary", 2000));
    }
}
