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
    VOLUNTEER_COVERAGE("volunteerCoverage", Figure.Kind.PERCENT, "志愿服务队伍成员人数或户籍人口数"),
    /** 评选表彰的先进典型数. */
    AWARD_COUNT("awardCount", Figure.Kind.COUNT, "评选表彰记录"),
    /** 未达标的考评指标 (LIST: indicator, target and actual). */
    UNMET_INDICATORS("unmetIndicators", Figure.Kind.LIST, "本年度量化考评结果"),
    /** 尚未整改完成的检查问题 (LIST). */
    OPEN_FINDINGS("openFindings", Figure.Kind.LIST, "督导检查问题及整改记录"),
    /** 问题整改复查记录. */
    CLOSED_FINDINGS("closedFindings", Figure.Kind.COUNT, "问题整改复查记录"),
    /** 第一责任人 (LIST: holder at the end of the year, post). */
    PRIMARY_RESPONSIBLE("primaryResponsible", Figure.Kind.LIST, "第一责任人的责任分工"),
    /** 直接责任人 (LIST). */
    DIRECT_RESPONSIBLE("directResponsible", Figure.Kind.LIST, "直接责任人的责任分工"),
    /** 落实“一岗双责”的班子成员数. */
    DUAL_DUTY_COUNT("dualDutyCount", Figure.Kind.COUNT, "班子成员“一岗双责”的责任分工"),
    /** 宣传工作力量 (LIST: post kind, count of held posts in the township and its villages). */
    PROPAGANDA_STAFF("propagandaStaff", Figure.Kind.LIST, "宣传委员、宣传干事和村（社区）宣传员的岗位"),
    /** 应签订责任书的单位数. */
    LETTERS_DUE("lettersDue", Figure.Kind.COUNT, "应签订责任书的村（社区）和站所名单"),
    /** 尚未签订责任书的单位 (LIST; empty when all signed). */
    LETTERS_UNSIGNED("lettersUnsigned", Figure.Kind.LIST, "应签订责任书的村（社区）和站所名单"),
    /** 党委会专题研究意识形态工作 (LIST: date, topics). */
    THEMATIC_MEETINGS("thematicMeetings", Figure.Kind.LIST, "本年度党委会专题研究意识形态工作的会议记录"),
    /** 意识形态形势研判 (LIST: date, topics). */
    ANALYSIS_MEETINGS("analysisMeetings", Figure.Kind.LIST, "本年度意识形态形势研判会议记录"),
    /** 中心组学习和专题研讨的专题 (LIST: date, topic). */
    STUDY_TOPICS("studyTopics", Figure.Kind.LIST, "本年度中心组学习专题"),
    /** 宣讲覆盖的村（社区）数. */
    OUTREACH_VILLAGES("outreachVillages", Figure.Kind.COUNT, "本年度宣讲覆盖村（社区）记录"),
    /** 全镇村（社区）数. */
    VILLAGES_TOTAL("villagesTotal", Figure.Kind.COUNT, "本镇村（社区）名册"),
    /** 宣讲受众人次. */
    OUTREACH_AUDIENCE("outreachAudience", Figure.Kind.COUNT, "本年度宣讲受众人数记录"),
    /** 宣传文化阵地 by kind (LIST: kind, count registered up to the end of the year). */
    VENUES_BY_KIND("venuesByKind", Figure.Kind.LIST, "宣传文化阵地登记记录"),
    /** 阵地检查发现的故障处数. */
    FAULTS_FOUND("faultsFound", Figure.Kind.COUNT, "本年度阵地检查发现故障的记录"),
    /** 上稿 by outlet (LIST: outlet, articles). */
    MEDIA_OUTLETS("mediaOutlets", Figure.Kind.LIST, "本年度新闻上稿记录（按媒体）"),
    /** 上稿 by level and medium (LIST: "省级报刊", articles). */
    MEDIA_CROSS("mediaCross", Figure.Kind.LIST, "本年度新闻上稿记录（按级别和媒体类型）"),
    /** 文化、文体、节日等活动 by name (LIST: title, type, 场次); 扫黄打非 left out. */
    ACTIVITIES("activities", Figure.Kind.LIST, "本年度文化、文体及节日活动记录"),
    /** 扫黄打非及文化市场检查次数. */
    ANTI_PORN_CHECKS("antiPornChecks", Figure.Kind.COUNT, "本年度扫黄打非及文化市场检查记录"),
    /** 志愿服务队伍 (LIST: name, members), founded up to the end of the year. */
    VOLUNTEER_TEAMS("volunteerTeams", Figure.Kind.LIST, "志愿服务队伍登记记录"),
    /** 志愿服务次数. */
    VOLUNTEER_SERVICES("volunteerServices", Figure.Kind.COUNT, "本年度志愿服务记录"),
    /** 志愿服务受益人次. */
    VOLUNTEER_BENEFICIARIES("volunteerBeneficiaries", Figure.Kind.COUNT, "本年度志愿服务受益人次记录"),
    /** 本级评选表彰的先进典型 by name (LIST: awardee, level and type). */
    AWARDS("awards", Figure.Kind.LIST, "本年度本级评选表彰记录"),
    /** 获得上级表彰 by name (LIST). */
    HONOURS_RECEIVED("honoursReceived", Figure.Kind.LIST, "本年度获得上级表彰的记录"),
    /** 报送（未刊发）的信息篇数: submitted or adopted, not published. */
    MEDIA_SUBMITTED("mediaSubmitted", Figure.Kind.COUNT, "本年度信息报送记录"),
    /** 其中被录用的篇数. */
    MEDIA_ADOPTED("mediaAdopted", Figure.Kind.COUNT, "本年度信息录用记录"),
    /** 宣传品与宣传经费 by type (LIST: type, quantity and cost). */
    PUBLICITY_SPENDING("publicitySpending", Figure.Kind.LIST, "本年度宣传品制作及宣传经费记录"),
    /** 宣传经费合计（元）. */
    SPENDING_TOTAL("spendingTotal", Figure.Kind.DECIMAL, "本年度宣传经费记录"),
    /** 本镇管理的政务新媒体账号 (LIST: account, posts published in the year). */
    OWN_ACCOUNTS("ownAccounts", Figure.Kind.LIST, "本年度政务新媒体发布记录"),
    /** 干部职工专题培训期数. */
    TRAININGS("trainings", Figure.Kind.COUNT, "本年度干部职工培训记录"),
    /** 参训人次. */
    TRAINED("trained", Figure.Kind.COUNT, "本年度培训参训人数记录"),
    /** 应训人次. */
    ELIGIBLE("eligible", Figure.Kind.COUNT, "本年度培训应训人数记录"),
    /** 党报刊发稿件篇数. */
    PARTY_PAPER_ARTICLES("partyPaperArticles", Figure.Kind.COUNT, "本年度党报刊发稿件记录"),
    /** 在全国志愿服务信息系统注册的志愿者人数. */
    REGISTERED_VOLUNTEERS("registeredVolunteers", Figure.Kind.COUNT, "注册志愿者人数记录"),
    /** 阵地接待群众人次. */
    VENUE_VISITORS("venueVisitors", Figure.Kind.COUNT, "本年度阵地接待群众记录"),
    /** 阵地接待团队批次. */
    VENUE_GROUPS("venueGroups", Figure.Kind.COUNT, "本年度阵地接待团队记录"),
    /** 阵地预约使用场次. */
    VENUE_BOOKINGS("venueBookings", Figure.Kind.COUNT, "本年度阵地预约使用记录"),
    /** 扫黄打非及文化市场检查出动人次. */
    INSPECTOR_TIMES("inspectorTimes", Figure.Kind.COUNT, "本年度检查出动人次记录"),
    /** 收到并传达学习的上级文件 (LIST: date, title). */
    DIRECTIVES("directives", Figure.Kind.LIST, "本年度上级文件传达学习记录"),
    /** 本级制定的制度和方案 (LIST: date, title). */
    REGULATIONS("regulations", Figure.Kind.LIST, "本年度制定的制度、方案记录"),
    /** 群众文化队伍 (LIST: name, members). */
    CULTURE_TEAMS("cultureTeams", Figure.Kind.LIST, "群众文化队伍登记记录"),
    /** 中心组学习和专题研讨以外的学习（党课、三会一课、远程教育等）次数. */
    OTHER_STUDY("otherStudy", Figure.Kind.COUNT, "本年度党课、三会一课等学习记录"),
    /** 党委会专题研究会议的出席率 (percent): 出席 over 应到 of the meetings' attendance lists. */
    MEETING_ATTENDANCE("meetingAttendance", Figure.Kind.PERCENT, "本年度党委会专题研究会议考勤记录"),
    /** 联席会议、干部大会等其他会议 (LIST: date, topics). */
    OTHER_MEETINGS("otherMeetings", Figure.Kind.LIST, "本年度联席会议、干部大会等会议记录"),
    /** 标记为“亮点”的记录 (LIST: date, kind, title). */
    HIGHLIGHTS("highlights", Figure.Kind.LIST, "标记为“亮点”的台账记录（在记录的标签中填“亮点”）"),
    /** 周期未结束、进度落后的考评指标 (LIST). */
    BEHIND_INDICATORS("behindIndicators", Figure.Kind.LIST, "本年度量化考评结果"),
    /** 检查发现的问题及整改 (LIST: the finding's statement; owner, deadline, measures, state). */
    PROBLEMS("problemsFound", Figure.Kind.LIST, "本年度检查发现的问题及整改记录");

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
