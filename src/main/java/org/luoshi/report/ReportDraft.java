package org.luoshi.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.luoshi.report.ReportContent.Block;
import org.luoshi.report.ReportContent.BlockType;
import org.luoshi.report.ReportContent.Part;

/**
 * The built-in templates. The three kinds are different documents, as townships write them:
 * <ul>
 * <li>自查报告: the directive it answers, how the self-inspection was done, every checklist item with its
 * conclusion and evidence, the problems it found in their own words, and their rectification;</li>
 * <li>落实意识形态工作责任制情况的报告: the responsibility system by name (who is responsible, the
 * leading group, staffing, letters), meetings, study, 宣讲, online work and venues, problems, plans;</li>
 * <li>宣传思想工作总结: theory, news (by level and medium, outlets named), culture, volunteering,
 * honours, spending, highlights, shortcomings and next year's plan.</li>
 * </ul>
 * Generated lines state the records (each figure a token linked to its records); the user's text
 * beside them survives regeneration. Nothing is claimed that the records do not show: a figure
 * without records is a marker, an indicator whose period still runs is "截至…尚未", and problems are
 * the findings' recorded statements.
 */
final class ReportDraft {

    /**
     * What a draft is written from besides the figures: the directive a self-inspection answers and
     * the self-inspection itself, with the ledger records its answers cite (id → "3月5日 …").
     */
    record Sources(Directive directive, org.luoshi.inspection.SelfInspections.Record inspection,
            java.util.Map<Long, String> evidenceNames) {

        static Sources of(String directiveNumber) {
            return new Sources(directiveNumber == null || directiveNumber.isBlank() ? null
                    : new Directive(null, null, directiveNumber), null, java.util.Map.of());
        }
    }

    /** A directive as the opening cites it: 县委宣传部《关于…的通知》（青宣〔2026〕3号）. */
    record Directive(String issuer, String title, String number) {

        String citation() {
            StringBuilder text = new StringBuilder();
            if (issuer != null && !issuer.isBlank()) {
                text.append(issuer.strip());
            }
            if (title != null && !title.isBlank()) {
                text.append("《").append(title.strip().replaceAll("^《|》$", "")).append("》");
            }
            if (number != null && !number.isBlank()) {
                text.append(text.isEmpty() ? number.strip() : "（" + number.strip() + "）");
            }
            return text.toString();
        }
    }

    private final ReportKind kind;
    private final String township;
    private final int year;
    private final Sources sources;
    private final FigureSet figures;
    private final String committee;

    ReportDraft(ReportKind kind, String township, int year, String directiveNumber, FigureSet figures) {
        this(kind, township, year, Sources.of(directiveNumber), figures);
    }

    ReportDraft(ReportKind kind, String township, int year, Sources sources, FigureSet figures) {
        this.kind = kind;
        this.township = township;
        this.year = year;
        this.sources = sources;
        this.figures = figures;
        this.committee = ReportText.committee(township);
    }

    static String title(ReportKind kind, String township, int year) {
        return switch (kind) {
            case RESPONSIBILITY -> "关于" + township + year + "年落实意识形态工作责任制情况的报告";
            case SELF_INSPECTION -> "关于" + township + year + "年意识形态工作自查情况的报告";
            case PROPAGANDA_SUMMARY -> township + year + "年宣传思想工作总结";
        };
    }

    /** A fresh draft: generated lines and default narrative. */
    ReportContent build() {
        List<Block> blocks = switch (kind) {
            case RESPONSIBILITY -> responsibility();
            case SELF_INSPECTION -> selfInspection();
            case PROPAGANDA_SUMMARY -> summary();
        };
        return ReportContent.of(blocks, figures);
    }

    // ---- 落实意识形态工作责任制情况的报告 ----

    private List<Block> responsibility() {
        List<Block> blocks = new ArrayList<>();
        blocks.add(paragraph("opening", year + "年，" + committee + "把意识形态工作作为党的建设和政权建设的重要内容，"
                + "与经济社会发展工作同部署、同落实、同检查、同考核，逐项落实意识形态工作责任制。现将有关情况报告如下："));
        blocks.add(heading1("work", "落实责任制的主要做法"));
        blocks.add(section("organisation", "压实责任链条，健全工作体系", duties(),
                "书记带头抓、分管领导具体抓、班子成员分工抓，责任清单逐级明确到岗到人。"));
        blocks.add(section("meetings", "专题研究部署，把握工作主动", meetings(), ""));
        blocks.add(section("theory", "抓好理论学习，夯实思想基础", study(), ""));
        blocks.add(section("outreach", "深入基层宣讲，推动理论入心", outreach(), ""));
        blocks.add(section("online", "管好网络阵地，妥善处置舆情", online(), ""));
        blocks.add(section("venues", "加强阵地管理，守牢前沿阵地", venues(), ""));
        blocks.add(problemsBlock("存在的问题"));
        blocks.add(plansBlock("下一步工作打算",
                "下一步，" + committee + "将针对上述问题逐项整改，持续压实意识形态工作责任，推动责任制落地见效。"));
        return blocks;
    }

    private List<List<Part>> duties() {
        List<List<Part>> lines = new ArrayList<>();
        Figure primary = figures.get(FigureName.PRIMARY_RESPONSIBLE);
        Figure direct = figures.get(FigureName.DIRECT_RESPONSIBLE);
        Line who = new Line();
        if (primary.isMissing()) {
            who.text("第一责任人：").figure(FigureName.PRIMARY_RESPONSIBLE).text("。");
        } else {
            who.text(named(primary.items(), i -> i.detail() + i.label())).text("履行第一责任人职责");
            if (!direct.isMissing() && !direct.items().isEmpty()) {
                who.text("，").text(named(direct.items(), i -> i.detail() + i.label())).text("作为直接责任人具体抓");
            }
            who.text("，").figure(FigureName.DUAL_DUTY_COUNT).text("名班子成员落实“一岗双责”，对分管领域的意识形态工作负责。");
        }
        lines.add(who.parts);
        Figure group = figures.get(FigureName.LEADING_GROUP_MEMBERS);
        Line leading = new Line();
        if (group.isMissing()) {
            leading.text("意识形态工作领导小组：").figure(FigureName.LEADING_GROUP_MEMBERS).text("。");
        } else {
            List<FigureItem> leaders = group.items().stream().filter(i -> i.detail().startsWith("组长")).toList();
            List<FigureItem> deputies = group.items().stream().filter(i -> i.detail().startsWith("副组长")).toList();
            leading.text("意识形态工作领导小组");
            if (!leaders.isEmpty()) {
                leading.text("由" + names(leaders) + "任组长");
            }
            if (!deputies.isEmpty()) {
                leading.text((leaders.isEmpty() ? "由" : "，") + names(deputies) + "任副组长");
            }
            leading.text((leaders.isEmpty() && deputies.isEmpty() ? "共有" : "，共有")).figure(FigureName.LEADING_GROUP_MEMBERS)
                    .text("名成员");
            List<FigureItem> office = group.items().stream().filter(i -> i.detail().startsWith("办公室")).toList();
            leading.text(office.isEmpty() ? "。" : "，办公室主任由" + names(office) + "担任。");
        }
        lines.add(leading.parts);
        Figure staff = figures.get(FigureName.PROPAGANDA_STAFF);
        if (staff.isMissing()) {
            lines.add(new Line().text("宣传工作力量：").figure(FigureName.PROPAGANDA_STAFF).text("。").parts);
        } else {
            Line line = new Line().text("全" + area() + "配备");
            appendCounted(line, "propagandaStaff", staff, "名");
            lines.add(line.text("，宣传思想工作有专人负责。").parts);
        }
        lines.add(letters());
        return number(lines);
    }

    private List<Part> letters() {
        Figure due = figures.get(FigureName.LETTERS_DUE);
        Figure unsigned = figures.get(FigureName.LETTERS_UNSIGNED);
        Line line = new Line();
        if (due.isMissing()) {
            return line.text("意识形态工作责任书：").figure(FigureName.LETTERS_DUE).text("。").parts;
        }
        line.text("本年度应与").figure(FigureName.LETTERS_DUE).text("个村（社区）和站所签订意识形态工作责任书，已签订")
                .figure(FigureName.RESPONSIBILITY_LETTER_COUNT).text("份");
        if (!unsigned.isMissing() && !unsigned.items().isEmpty()) {
            line.text("，").derived("lettersUnsigned", names(unsigned.items()), unsigned.allEvidence()).text("尚未签订。");
        } else {
            line.text("，应签尽签。");
        }
        return line.parts;
    }

    private List<List<Part>> meetings() {
        List<List<Part>> lines = new ArrayList<>();
        lines.add(dated(new Line().text("全年召开党委会专题研究意识形态工作").figure(FigureName.COMMITTEE_MEETING_COUNT).text("次"),
                FigureName.THEMATIC_MEETINGS));
        lines.add(dated(new Line().text("开展意识形态形势分析研判").figure(FigureName.JUDGEMENT_MEETING_COUNT).text("次"),
                FigureName.ANALYSIS_MEETINGS));
        if (!figures.get(FigureName.MEETING_ATTENDANCE).isMissing()) {
            lines.add(new Line().text("党委会专题研究意识形态工作时，班子成员出席率").figure(FigureName.MEETING_ATTENDANCE)
                    .text("。").parts);
        }
        Figure others = figures.get(FigureName.OTHER_MEETINGS);
        if (!others.isMissing() && !others.items().isEmpty()) {
            lines.add(dated(new Line().text("召开联席会议、干部大会等会议").figure(FigureName.OTHER_MEETINGS).text("次"),
                    FigureName.OTHER_MEETINGS));
        }
        Figure directives = figures.get(FigureName.DIRECTIVES);
        if (!directives.isMissing() && !directives.items().isEmpty()) {
            lines.add(namedList(new Line().text("及时传达学习上级文件").figure(FigureName.DIRECTIVES).text("件："), "directives",
                    directives));
        }
        Figure regulations = figures.get(FigureName.REGULATIONS);
        if (!regulations.isMissing() && !regulations.items().isEmpty()) {
            lines.add(namedList(new Line().text("结合实际制定").figure(FigureName.REGULATIONS).text("项制度和方案："), "regulations",
                    regulations));
        }
        return lines;
    }

    /** "…3次：3月12日，专题研究…；6月5日，…。" — each record named with its date and topics. */
    private List<Part> dated(Line line, FigureName list) {
        Figure items = figures.get(list);
        if (items.isMissing() || items.items().isEmpty()) {
            return line.text("。").parts;
        }
        line.text("：");
        for (int i = 0; i < items.items().size(); i++) {
            FigureItem item = items.items().get(i);
            line.text((i == 0 ? "" : "；") + item.detail() + "，")
                    .derived(list.key() + "." + (i + 1), quoteless(item.label()).replaceAll("[。；;]+$", ""), item.evidence());
        }
        return line.text("。").parts;
    }

    private List<List<Part>> study() {
        List<List<Part>> lines = new ArrayList<>();
        lines.add(new Line().text("全年理论学习中心组集中学习").figure(FigureName.STUDY_CENTRAL_GROUP_COUNT)
                .text("次，开展专题研讨").figure(FigureName.SEMINAR_COUNT)
                .text("次，中心组成员出勤率").figure(FigureName.ATTENDANCE_RATE)
                .text("，交流发言").figure(FigureName.SPEAKERS_COUNT).text("人次。").parts);
        lines.add(topics(new Line().text("学习专题")));
        if (!figures.get(FigureName.OTHER_STUDY).isMissing()) {
            lines.add(new Line().text("各支部另开展党课、“三会一课”、远程教育等学习").figure(FigureName.OTHER_STUDY).text("次。").parts);
        }
        return lines;
    }

    private List<Part> topics(Line line) {
        Figure topics = figures.get(FigureName.STUDY_TOPICS);
        if (topics.isMissing() || topics.items().isEmpty()) {
            return line.text("：").figure(FigureName.STUDY_TOPICS).text("。").parts;
        }
        line.text("包括：");
        List<FigureItem> items = byLabel(topics.items());
        for (int i = 0; i < items.size(); i++) {
            line.text(i == 0 ? "" : "；").derived("studyTopics." + (i + 1), items.get(i).detail() + "，"
                    + quoteless(items.get(i).label()), items.get(i).evidence());
        }
        return line.text("。").parts;
    }

    /** The summary names the topics studied in one sentence; the responsibility report lists them with dates. */
    private List<Part> topicNames() {
        Figure topics = figures.get(FigureName.STUDY_TOPICS);
        Line line = new Line();
        if (topics.isMissing() || topics.items().isEmpty()) {
            return line.text("学习专题：").figure(FigureName.STUDY_TOPICS).text("。").parts;
        }
        line.text("围绕");
        List<FigureItem> items = byLabel(topics.items());
        for (int i = 0; i < items.size(); i++) {
            line.text(i == 0 ? "" : "、").derived("studyTopics." + (i + 1),
                    "“" + quoteless(items.get(i).label()).replaceFirst("^学习", "") + "”", items.get(i).evidence());
        }
        return line.text("等" + items.size() + "个专题组织学习研讨，推动理论学习往深里走、往实里走。").parts;
    }

    private List<List<Part>> outreach() {
        Line line = new Line().text("全年组织理论宣讲").figure(FigureName.OUTREACH_COUNT).text("场次");
        Figure villages = figures.get(FigureName.OUTREACH_VILLAGES);
        if (!villages.isMissing()) {
            line.text("，覆盖").figure(FigureName.OUTREACH_VILLAGES).text("个村（社区）");
            if (!figures.get(FigureName.VILLAGES_TOTAL).isMissing()) {
                line.text("（全" + area() + "共").figure(FigureName.VILLAGES_TOTAL).text("个）");
            }
        }
        if (!figures.get(FigureName.OUTREACH_AUDIENCE).isMissing()) {
            line.text("，受众").figure(FigureName.OUTREACH_AUDIENCE).text("人次");
        }
        return single(line.text("。").parts);
    }

    private List<List<Part>> online() {
        List<List<Part>> lines = new ArrayList<>();
        Figure accounts = figures.get(FigureName.OWN_ACCOUNTS);
        if (!accounts.isMissing() && !accounts.items().isEmpty()) {
            Line line = new Line().text("本" + area() + "管理政务新媒体账号").figure(FigureName.OWN_ACCOUNTS).text("个，全年发布信息：");
            appendCounted(line, "ownAccounts", accounts, "条");
            lines.add(line.text("。").parts);
        }
        lines.add(onlineLine());
        return lines;
    }

    private List<Part> onlineLine() {
        Line line = new Line().text("全年登记网络舆情").figure(FigureName.OPINION_CASES_TOTAL)
                .text("件，已办结").figure(FigureName.OPINION_CASES_CLOSED)
                .text("件，其中按时处置").figure(FigureName.OPINION_CASES_ON_TIME).text("件");
        Figure closed = figures.get(FigureName.OPINION_CASES_CLOSED);
        Figure onTime = figures.get(FigureName.OPINION_CASES_ON_TIME);
        // the rate is over closed cases, as the assessment computes it: an open case is not yet late
        if (!closed.isMissing() && !onTime.isMissing() && closed.number().signum() > 0) {
            BigDecimal rate = onTime.number().multiply(BigDecimal.valueOf(100))
                    .divide(closed.number(), 1, RoundingMode.HALF_UP);
            List<EvidenceLink> links = new ArrayList<>(closed.allEvidence());
            links.addAll(onTime.allEvidence());
            line.text("，按时处置率").derived("opinionOnTimeRate", Figure.plain(rate) + "%", links);
        }
        return line.text("。").parts;
    }

    private List<List<Part>> venues() {
        List<List<Part>> lines = new ArrayList<>();
        Figure byKind = figures.get(FigureName.VENUES_BY_KIND);
        if (byKind.isMissing()) {
            lines.add(new Line().text("宣传文化阵地：").figure(FigureName.VENUES_BY_KIND).text("。").parts);
        } else {
            Line line = new Line().text("全" + area() + "登记宣传文化阵地");
            appendCounted(line, "venuesByKind", byKind, "个");
            lines.add(line.text("。").parts);
        }
        Line checks = new Line().text("全年开展阵地检查").figure(FigureName.VENUES_CHECKED).text("次");
        Figure found = figures.get(FigureName.FAULTS_FOUND);
        Figure fixed = figures.get(FigureName.FAULTS_FIXED);
        if (!found.isMissing() && !fixed.isMissing()) {
            long outstanding = found.number().longValue() - fixed.number().longValue();
            checks.text("，发现设施故障").figure(FigureName.FAULTS_FOUND).text("处，已整改").figure(FigureName.FAULTS_FIXED)
                    .text("处");
            checks.text(outstanding > 0 ? "，尚有" : "").derivedIf(outstanding > 0, "faultsOutstanding",
                    String.valueOf(outstanding), found.allEvidence()).text(outstanding > 0 ? "处正在整改" : "，已全部整改");
        }
        lines.add(checks.text("。").parts);
        if (!figures.get(FigureName.VENUE_VISITORS).isMissing()) {
            Line usage = new Line().text("各阵地全年接待群众").figure(FigureName.VENUE_VISITORS).text("人次");
            if (!figures.get(FigureName.VENUE_GROUPS).isMissing()) {
                usage.text("、团队").figure(FigureName.VENUE_GROUPS).text("批");
            }
            if (!figures.get(FigureName.VENUE_BOOKINGS).isMissing()) {
                usage.text("，预约使用").figure(FigureName.VENUE_BOOKINGS).text("场次");
            }
            lines.add(usage.text("。").parts);
        }
        return lines;
    }

    // ---- 宣传思想工作总结 ----

    private List<Block> summary() {
        List<Block> blocks = new ArrayList<>();
        blocks.add(paragraph("opening", year + "年，" + committee + "围绕全" + area() + "中心工作，统筹抓好理论武装、"
                + "新闻宣传、文化惠民、志愿服务和文明创建，宣传思想工作取得新的进展。现将全年工作总结如下："));
        blocks.add(heading1("work", "全年工作开展情况"));
        List<List<Part>> theory = new ArrayList<>();
        theory.add(new Line().text("坚持中心组学习制度，全年集中学习").figure(FigureName.STUDY_CENTRAL_GROUP_COUNT)
                .text("次、专题研讨").figure(FigureName.SEMINAR_COUNT).text("次，面向群众开展理论宣讲")
                .figure(FigureName.OUTREACH_COUNT).text("场次。").parts);
        theory.add(topicNames());
        if (!figures.get(FigureName.TRAININGS).isMissing()) {
            Line training = new Line().text("举办干部职工专题培训").figure(FigureName.TRAININGS).text("期");
            if (!figures.get(FigureName.TRAINED).isMissing()) {
                training.text("，参训").figure(FigureName.TRAINED).text("人次");
                if (!figures.get(FigureName.ELIGIBLE).isMissing()) {
                    training.text("（应训").figure(FigureName.ELIGIBLE).text("人次）");
                }
            }
            theory.add(training.text("。").parts);
        }
        blocks.add(section("theory", "抓理论武装，筑牢思想根基", theory, ""));
        blocks.add(section("news", "抓新闻宣传，讲好本地故事", news(), ""));
        blocks.add(section("culture", "抓文化惠民，丰富群众精神生活", culture(), ""));
        blocks.add(section("volunteer", "抓志愿服务，弘扬文明新风", volunteering(), ""));
        blocks.add(section("awards", "抓典型选树，营造崇德向善氛围", awards(), ""));
        blocks.add(section("spending", "抓宣传保障，用好宣传经费", spending(), ""));
        blocks.add(section("highlights", "工作亮点", highlights(), ""));
        blocks.add(shortcomings());
        blocks.add(new Block("plans", BlockType.HEADING1, (year + 1) + "年工作打算", List.of(), (year + 1) + "年，"
                + committee + "将继续围绕中心、服务大局，" + ReportText.marker("明年宣传思想工作的重点安排")));
        return blocks;
    }

    private List<List<Part>> news() {
        List<List<Part>> lines = new ArrayList<>();
        Figure byLevel = figures.get(FigureName.MEDIA_BY_LEVEL);
        if (byLevel.isMissing()) {
            lines.add(new Line().text("新闻上稿：").figure(FigureName.MEDIA_BY_LEVEL).text("。").parts);
            return lines;
        }
        long total = byLevel.items().stream().mapToLong(i -> i.count() == null ? 0 : i.count()).sum();
        Line line = new Line().text("全年在各级媒体刊发稿件").derived("mediaTotal", String.valueOf(total), byLevel.allEvidence())
                .text("篇（");
        appendCounted(line, "mediaByLevel", byLevel, "篇");
        line.text("）");
        Figure cross = figures.get(FigureName.MEDIA_CROSS);
        if (!cross.isMissing() && !cross.items().isEmpty()) {
            line.text("，其中");
            appendCounted(line, "mediaCross", cross, "篇");
        }
        lines.add(line.text("。").parts);
        if (!figures.get(FigureName.PARTY_PAPER_ARTICLES).isMissing()) {
            lines.add(new Line().text("其中在党报刊发").figure(FigureName.PARTY_PAPER_ARTICLES).text("篇。").parts);
        }
        if (!figures.get(FigureName.MEDIA_SUBMITTED).isMissing()) {
            // 报送 is not 刊发: information sent to the county's units is told apart, never added to the articles
            lines.add(new Line().text("另向上级报送信息").figure(FigureName.MEDIA_SUBMITTED).text("篇，其中被录用")
                    .figure(FigureName.MEDIA_ADOPTED).text("篇。").parts);
        }
        Figure outlets = figures.get(FigureName.MEDIA_OUTLETS);
        if (!outlets.isMissing() && !outlets.items().isEmpty()) {
            Line named = new Line().text("稿件刊载于");
            appendCounted(named, "mediaOutlets", outlets, "篇");
            lines.add(named.text("。").parts);
        }
        return lines;
    }

    private List<List<Part>> culture() {
        List<List<Part>> lines = new ArrayList<>();
        lines.add(new Line().text("全年组织文化、文体及节日活动").figure(FigureName.ACTIVITY_COUNT).text("场次。").parts);
        Figure activities = figures.get(FigureName.ACTIVITIES);
        if (!activities.isMissing() && !activities.items().isEmpty()) {
            Line line = new Line().text("主要有");
            List<FigureItem> items = activities.items();
            for (int i = 0; i < items.size(); i++) {
                line.text(i == 0 ? "" : "；").derived("activities." + (i + 1), items.get(i).detail() + "，"
                        + items.get(i).label(), items.get(i).evidence());
            }
            lines.add(line.text("。").parts);
        }
        Figure teams = figures.get(FigureName.CULTURE_TEAMS);
        if (!teams.isMissing() && !teams.items().isEmpty()) {
            lines.add(namedList(new Line().text("全" + area() + "有群众文化队伍").figure(FigureName.CULTURE_TEAMS).text("支："),
                    "cultureTeams", teams));
        }
        if (!figures.get(FigureName.ANTI_PORN_CHECKS).isMissing()) {
            Line checks = new Line().text("另开展“扫黄打非”及文化市场检查").figure(FigureName.ANTI_PORN_CHECKS).text("次");
            if (!figures.get(FigureName.INSPECTOR_TIMES).isMissing()) {
                checks.text("，出动检查人员").figure(FigureName.INSPECTOR_TIMES).text("人次");
            }
            lines.add(checks.text("。").parts);
        }
        return lines;
    }

    private List<List<Part>> volunteering() {
        List<List<Part>> lines = new ArrayList<>();
        Figure teams = figures.get(FigureName.VOLUNTEER_TEAMS);
        if (teams.isMissing()) {
            lines.add(new Line().text("志愿服务队伍：").figure(FigureName.VOLUNTEER_TEAMS).text("。").parts);
        } else {
            Line line = new Line().text("全" + area() + "现有志愿服务队伍").figure(FigureName.VOLUNTEER_TEAMS).text("支：");
            List<FigureItem> items = teams.items();
            for (int i = 0; i < items.size(); i++) {
                line.text(i == 0 ? "" : "、").derived("volunteerTeams." + (i + 1), items.get(i).label(), items.get(i).evidence());
            }
            lines.add(line.text("。").parts);
        }
        Line service = new Line().text("全年开展志愿服务").figure(FigureName.VOLUNTEER_SERVICES).text("次，累计服务时长")
                .figure(FigureName.VOLUNTEER_HOURS).text("小时");
        if (!figures.get(FigureName.VOLUNTEER_BENEFICIARIES).isMissing()) {
            service.text("，服务群众").figure(FigureName.VOLUNTEER_BENEFICIARIES).text("人次");
        }
        if (!figures.get(FigureName.VOLUNTEER_COVERAGE).isMissing()) {
            service.text("；志愿服务队伍成员占户籍人口的").figure(FigureName.VOLUNTEER_COVERAGE);
        }
        lines.add(service.text("。").parts);
        if (!figures.get(FigureName.REGISTERED_VOLUNTEERS).isMissing()) {
            lines.add(new Line().text("在全国志愿服务信息系统注册志愿者").figure(FigureName.REGISTERED_VOLUNTEERS).text("人。").parts);
        }
        return lines;
    }

    /** Honours the township received, apart from the commendations it gave, each named. */
    private List<List<Part>> awards() {
        List<List<Part>> lines = new ArrayList<>();
        Figure received = figures.get(FigureName.HONOURS_RECEIVED);
        if (!received.isMissing()) {
            lines.add(namedList(new Line().text("获得上级表彰").figure(FigureName.HONOURS_RECEIVED).text("项："), "honoursReceived",
                    received));
        }
        Figure given = figures.get(FigureName.AWARDS);
        if (given.isMissing()) {
            lines.add(new Line().text("本级评选表彰：").figure(FigureName.AWARDS).text("。").parts);
        } else {
            lines.add(namedList(new Line().text("本级评选表彰先进典型").figure(FigureName.AWARDS).text("个："), "awards", given));
        }
        return lines;
    }

    private static List<Part> namedList(Line line, String key, Figure list) {
        List<FigureItem> items = list.items();
        for (int i = 0; i < items.size(); i++) {
            line.text(i == 0 ? "" : "；").derived(key + "." + (i + 1), items.get(i).label(), items.get(i).evidence());
        }
        return line.text("。").parts;
    }

    private List<List<Part>> spending() {
        Figure byType = figures.get(FigureName.PUBLICITY_SPENDING);
        if (byType.isMissing()) {
            return single(new Line().text("宣传品制作及宣传经费：").figure(FigureName.PUBLICITY_SPENDING).text("。").parts);
        }
        Line line = new Line().text("全年投入宣传经费").figure(FigureName.SPENDING_TOTAL).text("元，其中");
        List<FigureItem> items = byType.items();
        for (int i = 0; i < items.size(); i++) {
            line.text((i == 0 ? "" : "；") + items.get(i).label())
                    .derived("publicitySpending." + (i + 1), items.get(i).detail(), items.get(i).evidence());
        }
        return single(line.text("。").parts);
    }

    private List<List<Part>> highlights() {
        Figure highlights = figures.get(FigureName.HIGHLIGHTS);
        if (highlights.isMissing()) {
            return single(new Line().text("亮点工作：").figure(FigureName.HIGHLIGHTS).text("。").parts);
        }
        List<List<Part>> lines = new ArrayList<>();
        for (int i = 0; i < highlights.items().size(); i++) {
            FigureItem item = highlights.items().get(i);
            lines.add(new Line().derived("highlights." + (i + 1), quoteless(item.label()), item.evidence())
                    .text("（" + item.detail() + "）。").parts);
        }
        return number(lines);
    }

    // ---- 自查报告 ----

    private List<Block> selfInspection() {
        List<Block> blocks = new ArrayList<>();
        org.luoshi.inspection.SelfInspections.Record record = sources.inspection();
        String cited = sources.directive() == null ? ReportText.marker("自查所依据的上级文件") : sources.directive().citation();
        blocks.add(paragraph("opening", "根据" + cited + "要求，" + committee + "对照检查内容，对" + year
                + "年意识形态工作责任制落实情况逐项开展了自查。现将自查情况报告如下："));
        if (record == null) {
            blocks.add(new Block("organisation", BlockType.HEADING1, "自查工作开展情况", single(new Line()
                    .text(ReportText.marker(year + "年已完成的自查（在“自查自纠”中完成自查后重新生成）")).parts), ""));
            blocks.add(plansBlock("下一步工作打算", ""));
            return blocks;
        }
        long meets = record.count("MEETS");
        long partly = record.count("PARTLY");
        long notMet = record.count("NOT_MET");
        // when, who led it and took part (recorded when it was finished), and its scope: the checklist's items
        String when = record.finishedOn().equals(record.heldOn()) ? ReportText.date(record.heldOn())
                : ReportText.date(record.heldOn()) + "至" + (record.finishedOn().getYear() == record.heldOn().getYear()
                        ? ReportText.monthDay(record.finishedOn()) : ReportText.date(record.finishedOn()));
        String team = record.team() == null ? ReportText.marker("自查由谁牵头、哪些人员参加") : record.team();
        Line organised = new Line().text(when + "，" + committee + "组织开展自查，" + team.replaceAll("[。；;，,]+$", "")
                + "。自查对照《" + quoteless(record.checklistTitle()) + "》所列" + record.items().size()
                + "项内容，逐项查阅台账资料、对照检查，形成自查结论：符合" + meets + "项"
                + (partly > 0 ? "，基本符合" + partly + "项" : "") + (notMet > 0 ? "，不符合" + notMet + "项" : "") + "。");
        if (record.summary() != null && !record.summary().isBlank()) {
            organised.text(record.summary().strip());
        }
        blocks.add(new Block("organisation", BlockType.HEADING1, "自查工作开展情况", single(organised.parts), ""));
        blocks.add(new Block("items", BlockType.HEADING1, "自查内容及结果", items(record), ""));
        List<List<Part>> problems = new ArrayList<>();
        List<List<Part>> measures = new ArrayList<>();
        for (org.luoshi.inspection.FindingSummary f : record.findings()) {
            problems.add(new Line().text(LedgerReportFigures.problem(f) + "。").parts);
            measures.add(new Line().text("针对“" + LedgerReportFigures.problem(f) + "”：" + LedgerReportFigures.rectification(f)
                    + "。").parts);
        }
        if (problems.isEmpty()) {
            problems.add(new Line().text("本次自查各项内容均符合要求，未发现需要整改的问题。").parts);
        }
        blocks.add(new Block("problems", BlockType.HEADING1, "存在的问题", number(problems),
                ReportText.marker("问题产生的原因分析；没有可删除本段")));
        blocks.add(new Block("rectification", BlockType.HEADING1, "整改措施", number(measures), measures.isEmpty() ? "" : null));
        // the rectification is told above, item by item; the next steps are the committee's own words
        blocks.add(new Block("plans", BlockType.HEADING1, "下一步工作打算", List.of(), "下一步，" + committee
                + "将对照自查发现的问题抓好整改落实，把意识形态工作责任制各项要求落到日常工作中。"));
        return blocks;
    }

    /** Every checklist item with its conclusion, statement and evidence named by date and title. */
    private List<List<Part>> items(org.luoshi.inspection.SelfInspections.Record record) {
        List<List<Part>> lines = new ArrayList<>();
        for (org.luoshi.inspection.SelfInspections.Item item : record.items()) {
            Line line = new Line().text(quoteless(item.title()).replaceAll("[。；;]+$", "") + "。自查结论："
                    + switch (item.result()) {
                        case "MEETS" -> "符合";
                        case "PARTLY" -> "基本符合";
                        default -> "不符合";
                    } + "。");
            if (item.statement() != null && !item.statement().isBlank()) {
                line.text(sentence(item.statement()));
            }
            List<String> evidence = new ArrayList<>();
            item.ledgerRecordIds().forEach(id -> evidence.add(sources.evidenceNames().getOrDefault(id, "台账记录")));
            evidence.addAll(item.files());
            if (!evidence.isEmpty()) {
                line.text("佐证材料：" + String.join("；", evidence) + "。");
            }
            lines.add(line.parts);
        }
        return number(lines);
    }

    // ---- shared parts ----

    /**
     * The summary's 存在的不足: indicators missed or behind, and the findings counted (the responsibility
     * and self-inspection reports tell each finding; the summary to the county says where they stand).
     */
    private Block shortcomings() {
        List<List<Part>> lines = new ArrayList<>();
        Figure unmet = figures.get(FigureName.UNMET_INDICATORS);
        Figure behind = figures.get(FigureName.BEHIND_INDICATORS);
        if (unmet.isMissing()) {
            lines.add(new Line().text("量化考评：").figure(FigureName.UNMET_INDICATORS).text("。").parts);
        } else if (!unmet.items().isEmpty() || (!behind.isMissing() && !behind.items().isEmpty())) {
            Line line = new Line().text("对照县里的量化考评指标");
            if (!unmet.items().isEmpty()) {
                line.text("，").derived("unmetCount", String.valueOf(unmet.items().size()), unmet.allEvidence())
                        .text("项未达到要求（" + names(unmet.items()) + "）");
            }
            if (!behind.isMissing() && !behind.items().isEmpty()) {
                line.text("，").derived("behindCount", String.valueOf(behind.items().size()), behind.allEvidence())
                        .text("项在本考核周期内进度滞后（" + names(behind.items()) + "，周期尚未结束）");
            }
            lines.add(line.text("。").parts);
        }
        Figure problems = figures.get(FigureName.PROBLEMS);
        if (problems.isMissing()) {
            lines.add(new Line().text("检查发现的问题：").figure(FigureName.PROBLEMS).text("。").parts);
        } else if (!problems.items().isEmpty()) {
            long done = problems.items().stream().filter(i -> i.detail().contains("已整改到位")).count();
            long late = problems.items().stream().filter(i -> i.detail().contains("已超过整改时限")).count();
            long open = problems.items().size() - done;
            lines.add(new Line().text("年内各类检查发现问题").derived("problemsCount", String.valueOf(problems.items().size()),
                    problems.allEvidence()).text("个，" + (done > 0 ? "已整改到位" + done + "个，" : "")
                    + (open > 0 ? "正在整改" + open + "个" + (late > 0 ? "（其中" + late + "个已超过整改时限）" : "") : "均已整改到位")
                    + "。").parts);
        }
        return new Block("problems", BlockType.HEADING1, "存在的不足", number(lines),
                ReportText.marker("工作中的薄弱环节及其原因；没有可删除本段"));
    }

    /** 存在问题: the findings' own statements, missed indicators, and indicators still behind (said as such). */
    private Block problemsBlock(String heading) {
        List<List<Part>> lines = new ArrayList<>();
        Figure problems = figures.get(FigureName.PROBLEMS);
        if (problems.isMissing()) {
            lines.add(new Line().text("检查发现的问题：").figure(FigureName.PROBLEMS).text("。").parts);
        } else {
            for (int i = 0; i < problems.items().size(); i++) {
                FigureItem item = problems.items().get(i);
                lines.add(new Line().derived("problemsFound." + (i + 1), item.label(), item.evidence()).text("。").parts);
            }
        }
        indicatorLines(lines);
        return new Block("problems", BlockType.HEADING1, heading, number(lines),
                // No claimed shortcoming the records do not show: the user writes it, or deletes the marker.
                ReportText.marker("问题产生的原因，以及上述以外本单位查找出的其他问题；没有可删除本段"));
    }

    /** Missed indicators (period over) and indicators behind while their period runs ("截至…尚未"). */
    private void indicatorLines(List<List<Part>> lines) {
        Figure unmet = figures.get(FigureName.UNMET_INDICATORS);
        if (unmet.isMissing()) {
            lines.add(new Line().text("量化考评：").figure(FigureName.UNMET_INDICATORS).text("。").parts);
        } else {
            for (FigureItem item : unmet.items()) {
                lines.add(new Line().text("考评指标“").derived("unmetIndicators." + item.label(), item.label(), item.evidence())
                        .text("”未达到要求" + (item.detail().isBlank() ? "" : "（" + item.detail() + "）") + "。").parts);
            }
        }
        Figure behind = figures.get(FigureName.BEHIND_INDICATORS);
        if (!behind.isMissing()) {
            for (FigureItem item : behind.items()) {
                // the period still runs: not missed, only behind so far ("截至12月3日，…尚未…")
                lines.add(new Line().text("考评指标“")
                        .derived("behindIndicators." + item.label(), item.label(), item.evidence())
                        .text("”的考核周期尚未结束，" + item.detail() + "，尚未达到要求。").parts);
            }
        }
    }

    /** 下一步: the rectification recorded for each problem (owner, deadline, measures), then the user's own plans. */
    private Block plansBlock(String heading, String defaultText) {
        List<List<Part>> lines = new ArrayList<>();
        Figure problems = figures.get(FigureName.PROBLEMS);
        if (!problems.isMissing()) {
            for (int i = 0; i < problems.items().size(); i++) {
                FigureItem item = problems.items().get(i);
                lines.add(new Line().text("针对“" + item.label() + "”：")
                        .derived("rectification." + (i + 1), item.detail(), item.evidence()).text("。").parts);
            }
        }
        return new Block("plans", BlockType.HEADING1, heading, number(lines), defaultText);
    }

    private static Block paragraph(String key, String text) {
        return new Block(key, BlockType.PARAGRAPH, null, List.of(), text);
    }

    private static Block heading1(String key, String heading) {
        return new Block(key, BlockType.HEADING1, heading, List.of(), null);
    }

    private static Block section(String key, String heading, List<List<Part>> lines, String text) {
        return new Block(key, BlockType.HEADING2, heading, lines, text);
    }

    private static List<List<Part>> single(List<Part> line) {
        return List.of(line);
    }

    /** "宣传委员1名、宣传干事2名" from a list figure's counted items, each a figure of its own. */
    private static void appendCounted(Line line, String key, Figure list, String unit) {
        List<FigureItem> items = list.items().stream().filter(i -> i.count() != null && i.count() > 0).toList();
        for (int i = 0; i < items.size(); i++) {
            FigureItem item = items.get(i);
            line.text((i == 0 ? "" : "、") + item.label())
                    .derived(key + "." + item.label(), String.valueOf(item.count()), item.evidence()).text(unit);
        }
    }

    /** Items with the same label as one, their details (dates) joined: a topic studied four times is named once. */
    private static List<FigureItem> byLabel(List<FigureItem> items) {
        java.util.Map<String, FigureItem> merged = new java.util.LinkedHashMap<>();
        for (FigureItem item : items) {
            merged.merge(item.label(), item, (a, b) -> {
                List<EvidenceLink> links = new ArrayList<>(a.evidence());
                links.addAll(b.evidence());
                return new FigureItem(a.label(), a.detail() + "、" + b.detail(), a.count(), links);
            });
        }
        return List.copyOf(merged.values());
    }

    private static String names(List<FigureItem> items) {
        return items.stream().map(FigureItem::label).collect(Collectors.joining("、"));
    }

    private static String named(List<FigureItem> items, java.util.function.Function<FigureItem, String> name) {
        return items.stream().map(name).collect(Collectors.joining("、"));
    }

    /** Free text as one sentence: its own closing punctuation replaced by one 。. */
    private static String sentence(String text) {
        return text.strip().replaceAll("[。；;，,.\\s]+$", "") + "。";
    }

    /** Free text used inside the report's own quotation: no stray 《》 or quotes around it. */
    private static String quoteless(String text) {
        return text == null ? "" : text.strip().replaceAll("^[“\"《]+|[”\"》]+$", "");
    }

    /** Numbers the lines of an enumeration "1." "2." … (the third heading level of GB/T 9704). */
    private static List<List<Part>> number(List<List<Part>> lines) {
        if (lines.size() < 2) {
            return lines;
        }
        List<List<Part>> numbered = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            List<Part> line = new ArrayList<>();
            line.add(Part.text((i + 1) + "."));
            line.addAll(lines.get(i));
            numbered.add(line);
        }
        return numbered;
    }

    /** 镇, 乡 or 街道, as in "全镇". */
    private String area() {
        return township.endsWith("街道") ? "街道" : township.endsWith("乡") ? "乡" : "镇";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Builds one generated line from text and figures. */
    private final class Line {
        final List<Part> parts = new ArrayList<>();

        Line text(String text) {
            if (!parts.isEmpty() && parts.get(parts.size() - 1).figure() == null) {
                Part last = parts.remove(parts.size() - 1);
                parts.add(Part.text(last.text() + text));
            } else {
                parts.add(Part.text(text));
            }
            return this;
        }

        Line figure(FigureName name) {
            parts.add(Part.figure(name, figures.get(name)));
            return this;
        }

        Line derived(String key, String text, List<EvidenceLink> links) {
            parts.add(Part.derived(key, text, links));
            return this;
        }

        Line derivedIf(boolean condition, String key, String text, List<EvidenceLink> links) {
            return condition ? derived(key, text, links) : this;
        }
    }

    /** The Chinese name of a figure or derived figure key, for the check panel and the appendix. */
    static String label(String key) {
        int dot = key.indexOf('.');
        String base = dot < 0 ? key : key.substring(0, dot);
        String detail = dot < 0 ? "" : key.substring(dot + 1);
        return switch (base) {
            case "leadingGroupMembers" -> "意识形态工作领导小组成员";
            case "committeeMeetingCount" -> "党委会专题研究意识形态工作次数";
            case "judgementMeetingCount" -> "意识形态形势研判次数";
            case "responsibilityLetterCount" -> "签订意识形态工作责任书份数";
            case "studyCentralGroupCount" -> "中心组集中学习次数";
            case "seminarCount" -> "中心组专题研讨次数";
            case "attendanceRate" -> "中心组学习出勤率";
            case "speakersCount" -> "交流发言人次";
            case "outreachCount" -> "理论宣讲场次";
            case "mediaTotal" -> "媒体上稿总篇数";
            case "mediaByLevel" -> detail.isEmpty() ? "上稿篇数（按级别）" : "上稿篇数（" + detail + "）";
            case "mediaByMedium" -> detail.isEmpty() ? "上稿篇数（按媒体类型）" : "上稿篇数（" + detail + "）";
            case "opinionCasesTotal" -> "登记网络舆情件数";
            case "opinionCasesClosed" -> "已办结舆情件数";
            case "opinionCasesOnTime" -> "按时处置舆情件数";
            case "opinionOnTimeRate" -> "舆情按时处置率";
            case "venuesChecked" -> "阵地检查次数";
            case "faultsFixed" -> "整改设施故障处数";
            case "activityCount" -> "文化活动场次";
            case "volunteerHours" -> "志愿服务时长（小时）";
            case "volunteerCoverage" -> "注册志愿者占户籍人口比例";
            case "awardCount" -> "评选表彰先进典型数";
            case "unmetIndicators" -> detail.isEmpty() ? "未达标考评指标" : "未达标考评指标：" + detail;
            case "openFindings" -> detail.isEmpty() ? "未整改问题" : "未整改问题：" + detail;
            case "openFindingsCount" -> "尚未完成整改的问题数";
            case "closedFindings" -> "已整改并复查的问题数";
            case "primaryResponsible" -> "第一责任人";
            case "directResponsible" -> "直接责任人";
            case "dualDutyCount" -> "落实“一岗双责”的班子成员数";
            case "propagandaStaff" -> detail.isEmpty() ? "宣传工作力量" : "宣传工作力量（" + detail + "）";
            case "lettersDue" -> "应签订责任书的单位数";
            case "lettersUnsigned" -> "尚未签订责任书的单位";
            case "thematicMeetings" -> "党委会专题研究意识形态工作（第" + detail + "次）";
            case "analysisMeetings" -> "意识形态形势研判（第" + detail + "次）";
            case "studyTopics" -> "学习专题（第" + detail + "个）";
            case "outreachVillages" -> "宣讲覆盖村（社区）数";
            case "villagesTotal" -> "村（社区）总数";
            case "outreachAudience" -> "宣讲受众人次";
            case "venuesByKind" -> detail.isEmpty() ? "宣传文化阵地（按类别）" : "宣传文化阵地（" + detail + "）";
            case "faultsFound" -> "阵地检查发现故障处数";
            case "faultsOutstanding" -> "尚未整改的阵地故障处数";
            case "mediaOutlets" -> detail.isEmpty() ? "上稿篇数（按媒体）" : "上稿篇数（" + detail + "）";
            case "mediaCross" -> detail.isEmpty() ? "上稿篇数（按级别和媒体类型）" : "上稿篇数（" + detail + "）";
            case "activities" -> "文化活动（第" + detail + "项）";
            case "antiPornChecks" -> "扫黄打非及文化市场检查次数";
            case "volunteerTeams" -> detail.isEmpty() ? "志愿服务队伍数" : "志愿服务队伍（第" + detail + "支）";
            case "volunteerServices" -> "志愿服务次数";
            case "volunteerBeneficiaries" -> "志愿服务受益人次";
            case "awards" -> detail.isEmpty() ? "本级评选表彰先进典型数" : "本级评选表彰（第" + detail + "个）";
            case "honoursReceived" -> detail.isEmpty() ? "获得上级表彰项数" : "获得上级表彰（第" + detail + "项）";
            case "mediaSubmitted" -> "报送信息篇数（未刊发）";
            case "mediaAdopted" -> "报送信息被录用篇数";
            case "publicitySpending" -> "宣传品与宣传经费（第" + detail + "类）";
            case "spendingTotal" -> "宣传经费合计（元）";
            case "highlights" -> "亮点工作（第" + detail + "项）";
            case "behindIndicators" -> detail.isEmpty() ? "进度滞后的考评指标" : "进度滞后的考评指标：" + detail;
            case "problemsFound" -> detail.isEmpty() ? "检查发现的问题" : "检查发现的问题（第" + detail + "个）";
            case "rectification" -> "问题整改情况（第" + detail + "个）";
            case "problemsCount" -> "检查发现的问题数";
            case "directives" -> detail.isEmpty() ? "传达学习上级文件件数" : "上级文件（第" + detail + "件）";
            case "regulations" -> detail.isEmpty() ? "制定制度和方案项数" : "制度和方案（第" + detail + "项）";
            case "cultureTeams" -> detail.isEmpty() ? "群众文化队伍支数" : "群众文化队伍（第" + detail + "支）";
            case "otherStudy" -> "党课、三会一课等学习次数";
            case "meetingAttendance" -> "党委会专题研究会议出席率";
            case "otherMeetings" -> detail.isEmpty() ? "联席会议、干部大会等会议次数" : "其他会议（第" + detail + "次）";
            case "ownAccounts" -> detail.isEmpty() ? "政务新媒体账号数" : "政务新媒体发布条数（" + detail + "）";
            case "trainings" -> "干部职工专题培训期数";
            case "trained" -> "培训参训人次";
            case "eligible" -> "培训应训人次";
            case "partyPaperArticles" -> "党报刊发稿件篇数";
            case "registeredVolunteers" -> "注册志愿者人数";
            case "venueVisitors" -> "阵地接待群众人次";
            case "venueGroups" -> "阵地接待团队批次";
            case "venueBookings" -> "阵地预约使用场次";
            case "inspectorTimes" -> "检查出动人次";
            case "unmetCount" -> "未达标考评指标数";
            case "behindCount" -> "进度滞后考评指标数";
            default -> key;
        };
    }
}
