package org.luoshi.inspection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.time.Clock;
import org.luoshi.assessment.Evaluation;
import org.luoshi.assessment.EvaluationService;
import org.luoshi.assessment.IndicatorResult;
import org.luoshi.assessment.LedgerFigures;
import org.luoshi.assessment.PeriodResult;
import org.luoshi.assessment.Status;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.luoshi.web.RuleViolationException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proposes the answers of a township's self-inspection from its assessment: every checklist item
 * with an {@code indicator_code} gets the answer the indicator's status suggests, a statement built
 * from the evaluation's own figures, and the ledger records behind those figures as evidence links.
 * A proposal stays marked until the unit answers the item itself (confirming or changing it); an
 * answer the unit gave is never overwritten.
 *
 * <p>Mapping: {@code MET} → 符合; {@code PENDING} / {@code WARNING} (period still running) → 基本符合;
 * {@code FAILED} (a period ended unmet, or a manual indicator never scored) → 不符合.
 */
@Service
class AssessmentPrefill {

    /** Ledger records linked per item: enough to open the figure, not the whole register. */
    static final int RECORDS_PER_ITEM = 10;

    private final InspectionService inspections;
    private final ChecklistService checklists;
    private final InspectionAnswerRepository answers;
    private final AnswerEvidenceRepository answerEvidence;
    private final EvaluationService evaluation;
    private final ObjectProvider<LedgerFigures> figures;
    private final OrgUnitService units;
    private final MessageSource messages;
    private final Clock clock;

    AssessmentPrefill(InspectionService inspections, ChecklistService checklists, InspectionAnswerRepository answers,
            AnswerEvidenceRepository answerEvidence, EvaluationService evaluation, ObjectProvider<LedgerFigures> figures,
            OrgUnitService units, MessageSource messages, Clock clock) {
        this.inspections = inspections;
        this.checklists = checklists;
        this.answers = answers;
        this.answerEvidence = answerEvidence;
        this.evaluation = evaluation;
        this.figures = figures;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
    }

    /** What a prefill did: items proposed, and indicator codes no applicable set knows. */
    record Result(int proposed, int kept, List<String> unknownCodes) {
    }

    static AnswerResult proposal(Status status) {
        return switch (status) {
            case MET -> AnswerResult.MEETS;
            case PENDING, WARNING -> AnswerResult.PARTLY;
            case FAILED -> AnswerResult.NOT_MET;
        };
    }

    @Transactional
    Result prefill(Actor actor, long inspectionId) {
        Inspection inspection = inspections.editable(actor, inspectionId);
        if (inspection.isVisit()) {
            throw new RuleViolationException("inspection.inspection.notSelf");
        }
        OrgUnit unit = units.getUnchecked(inspection.getUnitId());
        if (unit.getKind() != OrgUnitKind.TOWNSHIP) {
            throw new RuleViolationException("inspection.prefill.notTownship");
        }
        List<ChecklistItem> linked = checklists.items(actor, inspection.getChecklistId()).stream()
                .filter(i -> i.getIndicatorCode() != null && !i.getIndicatorCode().isBlank()).toList();
        if (linked.isEmpty()) {
            throw new RuleViolationException("inspection.prefill.noIndicators");
        }
        LocalDate today = evaluation.today();
        LocalDate asOf = inspection.getHeldOn().isAfter(today) ? today : inspection.getHeldOn();
        Map<String, Found> byCode = new LinkedHashMap<>();
        for (Evaluation e : evaluation.evaluate(actor.scope(), unit.getId(), inspection.getHeldOn().getYear(), asOf)) {
            for (IndicatorResult r : e.indicators()) {
                // The county's set comes first; a township's own set does not override a code it already has.
                byCode.putIfAbsent(r.indicator().code(), new Found(e, r));
            }
        }
        int proposed = 0;
        int kept = 0;
        Set<String> unknown = new LinkedHashSet<>();
        for (ChecklistItem item : linked) {
            String code = item.getIndicatorCode().strip();
            Found found = byCode.get(code);
            if (found == null) {
                unknown.add(code);
                continue;
            }
            InspectionAnswer answer = answers.findByInspectionIdAndItemId(inspectionId, item.getId())
                    .orElseGet(() -> new InspectionAnswer(inspectionId, item.getId()));
            if (answer.getId() != null && !answer.isProposed()) {
                kept++;
                continue;
            }
            answer.propose(proposal(found.result().status()), statement(found, asOf), code + "@" + asOf,
                    actor.username(), clock.instant());
            answer = answers.save(answer);
            link(actor, answer, found.result());
            proposed++;
        }
        return new Result(proposed, kept, List.copyOf(unknown));
    }

    /** The records behind the figures of every period, newest first, without linking one twice. */
    private void link(Actor actor, InspectionAnswer answer, IndicatorResult result) {
        LedgerFigures ledger = figures.getIfAvailable();
        if (ledger == null) {
            return;
        }
        Set<Long> linked = new HashSet<>();
        answerEvidence.findByAnswerIdInOrderByIdAsc(List.of(answer.getId())).stream()
                .map(AnswerEvidence::getLedgerRecordId).filter(id -> id != null).forEach(linked::add);
        List<Long> wanted = new ArrayList<>();
        for (PeriodResult period : result.periods()) {
            if (period.query() == null || period.query().kind() == null) {
                continue;
            }
            for (Long id : ledger.recordIds(period.query(), RECORDS_PER_ITEM)) {
                if (!wanted.contains(id) && wanted.size() < RECORDS_PER_ITEM) {
                    wanted.add(id);
                }
            }
        }
        for (Long id : wanted) {
            if (linked.add(id)) {
                answerEvidence.save(new AnswerEvidence(answer.getId(), null, id, actor.username(), clock.instant()));
            }
        }
    }

    /**
     * E.g. 据“2026年考评”（截至2026年5月10日），意识形态领域形势研判：上半年目标1，实际1，已达标。 It may
     * become a finding's statement and so a report's sentence: written as prose, without the indicator's code.
     */
    private String statement(Found found, LocalDate asOf) {
        IndicatorResult r = found.result();
        List<String> parts = new ArrayList<>();
        for (PeriodResult p : r.periods()) {
            String actual = p.actual() == null ? zh("inspection.prefill.noData") : number(p.actual());
            parts.add(p.status() == Status.MET
                    ? zh("inspection.prefill.periodMet", p.label(), actual, number(p.target()))
                    : zh("inspection.prefill.periodUnmet", p.label(), actual, number(p.target()),
                            p.missing() == null ? "" : p.missing()));
        }
        if (r.periods().isEmpty()) {
            parts.add(r.manualScore() != null
                    ? zh("inspection.prefill.manualScored", number(r.manualScore().score()), number(r.indicator().weight()))
                    : zh("inspection.prefill.manualMissing"));
        }
        String day = asOf.getYear() + "年" + asOf.getMonthValue() + "月" + asOf.getDayOfMonth() + "日";
        String text = zh("inspection.prefill.statement", found.evaluation().setName(), day, r.indicator().code(),
                r.indicator().name(), String.join(zh("inspection.prefill.separator"), parts));
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }

    private static String number(BigDecimal value) {
        return value == null ? "—" : value.stripTrailingZeros().toPlainString();
    }

    /** Answers are stored text, in Chinese, whoever pressed the button. */
    private String zh(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }

    private record Found(Evaluation evaluation, IndicatorResult result) {
    }
}
