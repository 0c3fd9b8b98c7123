package org.luoshi.org;

import java.util.Arrays;

/**
 * What a user may do besides reading their scope: the one vocabulary of rights. Which role has
 * which is decided in one table, the account module's {@code Role}; a signed-in user carries them as
 * authorities (controllers ask {@code @PreAuthorize("hasAuthority('records:write')")}, pages
 * {@code sec:authorize="hasAuthority('records:write')"}) and in their {@link DataScope} (services ask
 * {@link DataScope#may}). Who owns a thing (a checklist, a visit) is decided by each module on top.
 */
public enum Permission {

    /** 记台账：台账记录、证明材料、整改进展、导入记录. */
    RECORDS_WRITE("records:write"),
    /** 查看并恢复已删除的台账记录. */
    RECORDS_RESTORE("records:restore"),
    /** 管理本级组织、人员、岗位和责任体系（领导小组、一岗双责、责任书）. */
    TOWNSHIP_MANAGE("township:manage"),
    /** 起草、修改、报送本级报告. */
    REPORT_WRITE("report:write"),
    /** 审定本级报告：党委书记在报送前审定（通过后方可报送）. */
    REPORT_APPROVE("report:approve"),
    /** 审核下级报送的报告（采用、退回）. */
    REPORT_REVIEW("report:review"),
    /** 管理报告模板. */
    REPORT_TEMPLATES("report:templates"),
    /** 督导：本级的检查清单、督导检查、复核整改. */
    SUPERVISION_RUN("supervision:run"),
    /** 本级的考评指标体系和人工评分. */
    ASSESSMENT_EDIT("assessment:edit"),
    /** 查看考评结果和排名. */
    ASSESSMENT_VIEW("assessment:view"),
    /** 县级统筹：默认指标、发布排名、县级看板、报告收件箱、登记人口. */
    COUNTY_OVERSEE("county:oversee"),
    /** 系统管理：账号、审计日志. */
    SYSTEM_ADMIN("system:admin");

    private final String code;

    Permission(String code) {
        this.code = code;
    }

    /** The authority string, e.g. {@code records:write}. */
    public String code() {
        return code;
    }

    public static Permission ofCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no permission " + code));
    }
}
