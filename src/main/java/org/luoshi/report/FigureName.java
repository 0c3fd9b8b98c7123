package org.luoshi.report;

/**
 * The figures a report states, with the name used in the API and in custom templates, and what
 * the report says is missing when there are no records for it.
 */
enum FigureName {
    /** 意识形态工作领导小组成员 (LIST: name, post, seat). */
    LEADING_GROUP_MEMBERS("leadingGroupMembers", Figure.Kind.LIST, "意识形态工作领导小组成员名单"),
    /** 党委会专题研究意识形态工作的次数. */
    COMMITTEE_MEETING_COUNT("committeeMeetingCount", Figure.Kind.COUNT, "党委会专题研究意识形态工作的会议记录"),
    /** 意识形态形势研判会的次数. */
    JUDGEMENT_MEETING_COUNT("judgementMeetingCount", Figure.Kind.COUNT, "意识形态形势研判会议记录"),
    /** 本年度签订的意识形态工作责任书份数. */
    RESPONSIBILITY_LETTER_COUNT("responsibilityLetterCount", Figure.Kind.COUNT, "本年度意识形态工作责任书签订记录"),
    /** 理论学习中心组集中学习次数. */
    STUDY_CENTRAL_GROUP_COUNT("studyCentralGroupCount", Figure.Kind.COUNT, "理论学习中心组学习记录"),
    /** 中心组专题研讨次数. */
    SEMINAR_COUNT("seminarCount", Figure.Kind.COUNT, "中心组专题研讨记录"),
    /** 中心组学习出勤率 (percent). */
    ATTENDANCE_RATE("attendanceRate", Figure.Kind.PERCENT, "中心组学习考勤记录"),
    /** 交流发言人次. */
    SPEAKERS_COUNT("speakersCount", Figure.Kind.COUNT, "中心组学习交流发言记录"),
    /** 宣讲场次. */
    OUTREACH_COUNT("outreachCount", Figure.Kind.COUNT, "理论宣讲记录"),
    /** 上稿篇数 by level (LIST: level, count). */
    MEDIA_BY_LEVEL("mediaByLevel", Figure.Kind.LIST, "新闻上稿记录（按媒体级别）"),
    /** 上稿篇数 by medium (LIST: medium, count). */
    MEDIA_BY_MEDIUM("mediaByMedium", Figure.Kind.LIST, "新闻上稿记录（按媒体类型）"),
    /** 舆情登记件数. */
    OPINION_CASES_TOTAL("opinionCasesTotal", Figure.Kind.COUNT, "舆情登记记录"),
    /** 已办结（填了办结日期）的舆情件数. */
    OPINION_CASES_CLOSED("opinionCasesClosed", Figure.Kind.COUNT, "舆情办结记录"),
    /** 按时处置的舆情件数（按时处置须已办结）. */
    OPINION_CASES_ON_TIME("opinionCasesOnTime", Figure.Kind.COUNT, "舆情处置时限记录"),
    /** 检查阵地的次数. */
    VENUES_CHECKED("venuesChecked", Figure.Kind.COUNT, "宣传文化阵地检查记录"),
    /** 已整改的阵地故障处数. */
    FAULTS_FIXED("faultsFixed", Figure.Kind.COUNT, "阵地故障整改记录"),
    /** 文化、文体、节日等活动场次. */
    ACTIVITY_COUNT("activityCount", Figure.Kind.COUNT, "文化活动记录"),
    /** 志愿服务时长（小时）. */
    VOLUNTEER_HOURS("volunteerHours", Figure.Kind.DECIMAL, "志愿服务时长记录"),
    /** 志愿者占户籍人口的比例 (percent). */
    VOLUNTEER_COVERAGE("volunteerCoverage", Figure.Kind.PERCENT, "注册志愿者人数或户籍人口数"),
    /** 评选表彰的先进典型数. */
    AWARD_COUNT("awardCount", Figure.Kind.COUNT, "评选表彰记录"),
    /** 未达标的考评指标 (LIST: indicator, target and actual). */
    UNMET_INDICATORS("unmetIndicators", Figure.Kind.LIST, "本年度量化考评结果"),
    /** 尚未整改完成的检查问题 (LIST). */
    OPEN_FINDINGS("openFindings", Figure.Kind.LIST, "督导检查问题及整改记录"),
    /** 已整改并复查的问题数. */
    CLOSED_FINDINGS("closedFindings", Figure.Kind.COUNT, "问题整改复查记录");

    private final String key;
    private final Figure.Kind kind;
    private final String missingDescription;

    FigureName(String key, Figure.Kind kind, String missingDescription) {
        this.key = key;
        this.kind = kind;
        this.missingDescription = missingDescription;
    }

    /** The name in the API, in custom templates and in the stored report content. */
    public String key() {
        return key;
    }

    /** The kind of value the figure has when it is not missing. */
    public Figure.Kind kind() {
        return kind;
    }

    /** What the report marks as missing when no implementation says otherwise. */
    public String missingDescription() {
        return missingDescription;
    }

    public static FigureName ofKey(String key) {
        for (FigureName name : values()) {
            if (name.key.equals(key)) {
                return name;
            }
        }
        throw new IllegalArgumentException("unknown figure " + key);
    }
}
