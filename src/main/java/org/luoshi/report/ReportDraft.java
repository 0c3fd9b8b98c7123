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
 * The built-in templates: the structure every kind of report shares (opening; 一、主要做法及成效 with
 * six sub-sections; 二、存在问题; 三、下一步打算), the generated sentences that state the figures, and
 * the default narrative the user replaces with their own.
 */
final class ReportDraft {

    private final ReportKind kind;
    private final String township;
    private final int year;
    private final String directiveNumber;
    private final FigureSet figures;
    private final String committee;

    ReportDraft(ReportKind kind, String township, int year, String directiveNumber, FigureSet figures) {
        this.kind = kind;
        this.township = township;
        this.year = year;
        this.directiveNumber = directiveNumber;
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
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block("opening", BlockType.PARAGRAPH, null, List.of(), opening()));
        blocks.add(new Block("work", BlockType.HEADING1, "主要做法及成效", List.of(), null));
        blocks.add(new Block("organisation", BlockType.HEADING2, "组织领导与责任落实", List.of(organisation()),
                "坚持把意识形态工作纳入党委重要议事日程，与中心工作同部署、同落实、同检查、同考核，"
                        + "书记履行第一责任人职责，班子成员落实“一岗双责”。"));
        blocks.add(new Block("theory", BlockType.HEADING2, "理论学习", List.of(theory()),
                "学习安排以年度计划为依据，围绕党的创新理论和上级部署确定专题，学习情况逐次记录、定期通报。"));
        blocks.add(new Block("news", BlockType.HEADING2, "新闻宣传与舆论引导", List.of(news()),
                "围绕全" + area() + "重点工作组织新闻宣传，加强与各级媒体联系，用好政务新媒体发布工作动态。"));
        blocks.add(new Block("online", BlockType.HEADING2, "网络意识形态与舆情", List.of(online()),
                "落实网络意识形态工作责任，管好用好本级网站和公众号，舆情按流程登记、研判、回应并及时报告。"));
        blocks.add(new Block("venues", BlockType.HEADING2, "阵地建设与管理", List.of(venues()),
                "对文化站、农家书屋、村村响广播、宣传栏等阵地定期检查，发现问题及时整改，确保阵地导向正确、运行正常。"));
        blocks.add(new Block("culture", BlockType.HEADING2, "文化、志愿服务与文明创建", List.of(culture()),
                "依托新时代文明实践所（站）开展文化惠民和志愿服务，结合文明村镇创建开展评选表彰，培育文明乡风。"));
        blocks.add(new Block("problems", BlockType.HEADING1, "存在问题", problems(),
                // No claimed shortcoming the records do not show: the user writes it, or deletes the marker.
                ReportText.marker("上述未达标指标和未销号问题以外，本单位查找出的其他问题；没有可删除本段")));
        blocks.add(new Block("plans", BlockType.HEADING1, "下一步打算", plans(),
                "下一步，将坚持问题导向，逐项抓好整改，进一步压实意识形态工作责任，推动各项工作落到实处。"));
        return ReportContent.of(blocks, figures);
    }

    private String opening() {
        return switch (kind) {
            case RESPONSIBILITY -> year + "年，" + committee + "在上级党委的领导下，把意识形态工作作为党的建设的重要内容，"
                    + "严格落实意识形态工作责任制，各项工作稳步推进。现将有关情况报告如下：";
            case SELF_INSPECTION -> "根据" + (blank(directiveNumber) ? ReportText.marker("上级文件文号") : "（" + directiveNumber + "）")
                    + "文件要求，" + committee + "对照文件所列内容，对" + year + "年意识形态工作责任制落实情况逐项进行了自查。"
                    + "现将自查情况报告如下：";
            case PROPAGANDA_SUMMARY -> year + "年，" + committee + "围绕中心、服务大局，统筹抓好理论武装、新闻宣传、舆论引导、"
                    + "阵地管理和文明创建等工作。现将全年宣传思想工作总结如下：";
        };
    }

    private List<Part> organisation() {
        Line line = new Line();
        line.text(year + "年，" + committee + "召开党委会专题研究意识形态工作")
                .figure(FigureName.COMMITTEE_MEETING_COUNT).text("次，开展意识形态形势研判")
                .figure(FigureName.JUDGEMENT_MEETING_COUNT).text("次，签订意识形态工作责任书")
                .figure(FigureName.RESPONSIBILITY_LETTER_COUNT).text("份。");
        Figure group = figures.get(FigureName.LEADING_GROUP_MEMBERS);
        if (group.isMissing()) {
            line.text("意识形态工作领导小组成员：").figure(FigureName.LEADING_GROUP_MEMBERS).text("。");
        } else {
            String members = group.items().stream()
                    .map(i -> i.label() + (i.detail().isBlank() ? "" : "（" + i.detail() + "）"))
                    .collect(Collectors.joining("，"));
            line.text("意识形态工作领导小组现有成员").figure(FigureName.LEADING_GROUP_MEMBERS).text("名")
                    .text(members.isEmpty() ? "。" : "：" + members + "。");
        }
        return line.parts;
    }

    private List<Part> theory() {
        return new Line().text("全年理论学习中心组集中学习").figure(FigureName.STUDY_CENTRAL_GROUP_COUNT)
                .text("次，另开展专题研讨").figure(FigureName.SEMINAR_COUNT)
                .text("次，成员出勤率").figure(FigureName.ATTENDANCE_RATE)
                .text("，交流发言").figure(FigureName.SPEAKERS_COUNT)
                .text("人次；组织理论宣讲").figure(FigureName.OUTREACH_COUNT).text("场次。").parts;
    }

    private List<Part> news() {
        Line line = new Line();
        Figure byLevel = figures.get(FigureName.MEDIA_BY_LEVEL);
        Figure byMedium = figures.get(FigureName.MEDIA_BY_MEDIUM);
        if (byLevel.isMissing()) {
            line.text("全年新闻上稿情况：").figure(FigureName.MEDIA_BY_LEVEL).text("。");
        } else {
            long total = byLevel.items().stream().mapToLong(i -> i.count() == null ? 0 : i.count()).sum();
            line.text("全年在各级媒体刊发稿件")
                    .derived("mediaTotal", String.valueOf(total), byLevel.allEvidence()).text("篇");
            appendBreakdown(line, byLevel, "，其中");
            line.text("。");
        }
        if (byMedium.isMissing()) {
            line.text("按媒体类型统计：").figure(FigureName.MEDIA_BY_MEDIUM).text("。");
        } else if (!byMedium.items().isEmpty()) {
            appendBreakdown(line, byMedium, "按媒体类型分，");
            line.text("。");
        }
        return line.parts;
    }

    private void appendBreakdown(Line line, Figure breakdown, String lead) {
        List<FigureItem> items = breakdown.items().stream().filter(i -> i.count() != null && i.count() > 0).toList();
        if (items.isEmpty()) {
            return;
        }
        line.text(lead);
        for (int i = 0; i < items.size(); i++) {
            FigureItem item = items.get(i);
            line.text((i == 0 ? "" : "、") + item.label())
                    .derived(breakdownKey(breakdown, item), String.valueOf(item.count()), item.evidence()).text("篇");
        }
    }

    private String breakdownKey(Figure breakdown, FigureItem item) {
        String base = breakdown == figures.get(FigureName.MEDIA_BY_LEVEL) ? "mediaByLevel" : "mediaByMedium";
        return base + "." + item.label();
    }

    private List<Part> online() {
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

    private List<Part> venues() {
        return new Line().text("全年开展宣传文化阵地检查").figure(FigureName.VENUES_CHECKED)
                .text("次，整改设施故障").figure(FigureName.FAULTS_FIXED).text("处。").parts;
    }

    private List<Part> culture() {
        return new Line().text("全年组织文化、文体及节日活动").figure(FigureName.ACTIVITY_COUNT)
                .text("场次，志愿服务时长累计").figure(FigureName.VOLUNTEER_HOURS)
                .text("小时，注册志愿者占户籍人口的").figure(FigureName.VOLUNTEER_COVERAGE)
                .text("，评选表彰先进典型").figure(FigureName.AWARD_COUNT).text("个。").parts;
    }

    private List<List<Part>> problems() {
        List<List<Part>> lines = new ArrayList<>();
        Figure unmet = figures.get(FigureName.UNMET_INDICATORS);
        Figure open = figures.get(FigureName.OPEN_FINDINGS);
        if (unmet.isMissing()) {
            lines.add(new Line().text("量化考评指标完成情况：").figure(FigureName.UNMET_INDICATORS).text("。").parts);
        } else {
            for (FigureItem item : unmet.items()) {
                lines.add(new Line().text("考评指标“").derived("unmetIndicators." + item.label(), item.label(), item.evidence())
                        .text("”未达到要求" + (item.detail().isBlank() ? "" : "（" + item.detail() + "）") + "。").parts);
            }
        }
        if (open.isMissing()) {
            lines.add(new Line().text("督导检查问题整改情况：").figure(FigureName.OPEN_FINDINGS).text("。").parts);
        } else {
            for (FigureItem item : open.items()) {
                lines.add(new Line().text("检查发现的“").derived("openFindings." + item.label(), item.label(), item.evidence())
                        .text("”问题尚未整改完成" + (item.detail().isBlank() ? "" : "（" + item.detail() + "）") + "。").parts);
            }
        }
        Figure closed = figures.get(FigureName.CLOSED_FINDINGS);
        if (!open.isMissing() || !closed.isMissing()) {
            lines.add(new Line().text("本年度督导检查发现的问题中，已整改并经复查的")
                    .figure(FigureName.CLOSED_FINDINGS).text("个，尚未完成整改的")
                    .derived("openFindingsCount", open.isMissing() ? open.display() : String.valueOf(open.items().size()),
                            open.allEvidence())
                    .text("个。").parts);
        }
        return number(lines);
    }

    private List<List<Part>> plans() {
        Figure unmet = figures.get(FigureName.UNMET_INDICATORS);
        if (unmet.isMissing()) {
            return List.of();
        }
        List<List<Part>> lines = new ArrayList<>();
        for (FigureItem item : unmet.items()) {
            lines.add(new Line().text("针对“").derived("unmetIndicators." + item.label(), item.label(), item.evidence())
                    .text("”未达标的情况，明确责任人和完成时限，确保下一年度达到考评要求。").parts);
        }
        return number(lines);
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
            default -> key;
        };
    }
}
