package org.luoshi.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.luoshi.inspection.SelfInspections;
import org.luoshi.ledger.LedgerKind;
import org.luoshi.ledger.LedgerRecord;
import org.luoshi.ledger.LedgerService;
import org.luoshi.ledger.LedgerStatistics;
import org.luoshi.ledger.LedgerTerms;
import org.luoshi.ledger.Selection;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.web.NotFoundException;
import org.luoshi.report.ReportDraft.Directive;
import org.luoshi.web.RuleViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a 自查报告 is written from besides the ledger's figures: a finished self-inspection of the
 * township and the directive record it answers, both picked from what was recorded, never typed.
 */
@Component
@Transactional(readOnly = true)
class ReportSources {

    private final SelfInspections inspections;
    private final LedgerService ledger;
    private final LedgerStatistics statistics;

    ReportSources(SelfInspections inspections, LedgerService ledger, LedgerStatistics statistics) {
        this.inspections = inspections;
        this.ledger = ledger;
        this.statistics = statistics;
    }

    /**
     * A choice on the create form.
     *
     * @param reference the directive number it carries (a self-inspection: its checklist's directive), to match them
     */
    record Option(long id, long townshipId, String label, String reference) {
    }

    /** The finished self-inspections of the townships, this year's and last year's, newest first. */
    List<Option> inspectionOptions(DataScope scope, List<OrgUnit> townships, int year) {
        Map<Long, String> names = new HashMap<>();
        townships.forEach(t -> names.put(t.getId(), t.getName()));
        return inspections.listed(scope, townships, year - 1, year).stream()
                .map(r -> new Option(r.id(), r.unitId(), (townships.size() > 1 ? names.get(r.unitId()) + "：" : "")
                        + ReportText.date(r.heldOn()) + " 对照《" + r.checklistTitle() + "》自查（" + r.items() + "项）",
                        r.directiveRef()))
                .toList();
    }

    /** The directives the townships recorded, newest first. */
    List<Option> directiveOptions(List<OrgUnit> townships) {
        List<Option> options = new ArrayList<>();
        for (OrgUnit township : townships) {
            statistics.rows(Selection.of(township.getPath(), LedgerKind.DIRECTIVE, null, null),
                            List.of(LedgerTerms.ISSUER, LedgerTerms.DOC_NUMBER), 500).stream()
                    .sorted(Comparator.comparing(LedgerStatistics.RecordRow::occurredOn).reversed())
                    .forEach(r -> options.add(new Option(r.id(), township.getId(), (townships.size() > 1 ? township.getName() + "：" : "")
                            + directive(r.title(), r.field(LedgerTerms.ISSUER), r.field(LedgerTerms.DOC_NUMBER)).citation(),
                            r.field(LedgerTerms.DOC_NUMBER) == null ? "" : r.field(LedgerTerms.DOC_NUMBER).toString())));
        }
        return options;
    }

    /**
     * Checks a 自查报告's sources against the township and year (a rule violation names what is wrong)
     * and returns the directive's number, kept on the report so that one directive gets one report.
     */
    String check(DataScope scope, OrgUnit township, int year, Long inspectionId, Long directiveRecordId) {
        if (inspectionId == null) {
            throw new RuleViolationException("report.inspectionRequired");
        }
        SelfInspections.Record inspection = inspections.get(scope, inspectionId);
        if (inspection.unitId() != township.getId() || inspection.heldOn().getYear() > year
                || inspection.heldOn().getYear() < year - 1) {
            throw new RuleViolationException("report.inspectionMismatch", township.getName(), year);
        }
        if (directiveRecordId == null) {
            throw new RuleViolationException("report.directiveRequired");
        }
        Directive d = directive(scope, directiveRecordId);
        return d.number() != null && !d.number().isBlank() ? d.number() : d.title();
    }

    /** The sources of a report, read in the scope of the township (a report may be read by the county). */
    ReportDraft.Sources of(Report report, OrgUnit township) {
        if (report.getKind() != ReportKind.SELF_INSPECTION || report.getInspectionId() == null) {
            return ReportDraft.Sources.of(report.getDirectiveNumber());
        }
        DataScope reader = DataScope.readOnly("report", township);
        SelfInspections.Record inspection = inspections.get(reader, report.getInspectionId());
        Map<Long, String> evidence = new HashMap<>();
        for (SelfInspections.Item item : inspection.items()) {
            for (long id : item.ledgerRecordIds()) {
                evidence.computeIfAbsent(id, k -> {
                    try {
                        LedgerRecord r = ledger.get(reader, k);
                        return ReportText.date(r.occurredOn()) + "“" + r.title() + "”";
                    } catch (NotFoundException gone) {
                        return "台账记录（已删除）";
                    }
                });
            }
        }
        Directive directive = report.getDirectiveRecordId() == null ? new Directive(null, null, report.getDirectiveNumber())
                : directive(reader, report.getDirectiveRecordId());
        return new ReportDraft.Sources(directive, inspection, evidence);
    }

    private Directive directive(DataScope scope, long recordId) {
        LedgerRecord r = ledger.get(scope, recordId);
        if (!LedgerKind.DIRECTIVE.name().equals(r.kind())) {
            throw new NotFoundException("Directive", recordId);
        }
        return directive(r.title(), r.fields().get(LedgerTerms.ISSUER), r.fields().get(LedgerTerms.DOC_NUMBER));
    }

    private static Directive directive(String title, Object issuer, Object number) {
        return new Directive(issuer == null ? null : issuer.toString(), title, number == null ? null : number.toString());
    }
}
