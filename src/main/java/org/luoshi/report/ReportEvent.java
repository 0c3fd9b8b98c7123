package org.luoshi.report;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step of a report's history: created, approved (审定), submitted, returned with a comment, accepted, revised. */
@Entity
@Table(name = "report_event")
class ReportEvent {

    enum Action { CREATE, APPROVE, SUBMIT, RETURN, ACCEPT, REVISE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long reportId;

    @Enumerated(EnumType.STRING)
    private Action action;

    private String actor;
    private String comment;
    private Integer versionNo;
    private Instant at;

    protected ReportEvent() {
    }

    ReportEvent(long reportId, Action action, String actor, String comment, Integer versionNo, Instant now) {
        this.reportId = reportId;
        this.action = action;
        this.actor = actor;
        this.comment = comment;
        this.versionNo = versionNo;
        this.at = now;
    }

    public long getReportId() {
        return reportId;
    }

    public Action getAction() {
        return action;
    }

    public String getActor() {
        return actor;
    }

    public String getComment() {
        return comment;
    }

    public Integer getVersionNo() {
        return versionNo;
    }

    public Instant getAt() {
        return at;
    }
}
