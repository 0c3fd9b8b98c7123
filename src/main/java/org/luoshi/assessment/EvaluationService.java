package org.luoshi.assessment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.luoshi.time.Times;
import org.luoshi.web.NotFoundException;
import org.luoshi.web.RuleViolationException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluates a township against the published indicator sets that apply to it. The figures come
 * from the {@link LedgerFigures} bean (the adapter over the ledger's tables); without one,
 * evaluation is refused with a clear message rather than showing invented numbers.
 */
@Service
@Transactional(readOnly = true)
public class EvaluationService {

    private final IndicatorSetService sets;
    private final OrgUnitService units;
    private final ObjectProvider<LedgerFigures> figures;
    private final MessageSource messages;
    private final Clock clock;

    EvaluationService(IndicatorSetService sets, OrgUnitService units, ObjectProvider<LedgerFigures> figures,
            MessageSource messages, Clock clock) {
        this.sets = sets;
        this.units = units;
        this.figures = figures;
        this.messages = messages;
        this.clock = clock;
    }

    /** Today in the business zone: the evaluation date when none is given. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The year a user most likely means when none is given: the year just ended in January and February. */
    public int likelyYear() {
        return Times.likelyYear(today());
    }

    /** The township against every published set of the year that applies to it (the county's and its own). */
    public List<Evaluation> evaluate(DataScope scope, long townshipId, int year, LocalDate asOf) {
        OrgUnit township = township(scope, townshipId);
        LedgerFigures ledger = ledger();
        return sets.applicable(township, year).stream()
                .map(set -> evaluate(ledger, set, township, asOf))
                .toList();
    }

    /** The township against one set, which must be visible to the user and apply to the township. */
    public Evaluation evaluate(DataScope scope, long setId, long townshipId, LocalDate asOf) {
        OrgUnit township = township(scope, townshipId);
        IndicatorSet set = sets.get(scope, setId);
        if (!township.getPath().startsWith(sets.owner(set).getPath())) {
            throw new NotFoundException("IndicatorSet", setId);
        }
        return evaluate(ledger(), set, township, asOf);
    }

    /** A set with its evaluation, for pages that link back to the set or score by hand. */
    record SetEvaluation(IndicatorSet set, Evaluation evaluation, boolean scorable) {
    }

    /** Like {@link #evaluate(DataScope, long, int, LocalDate)}, keeping each set and whether the user may score it. */
    List<SetEvaluation> evaluateSets(DataScope scope, long townshipId, int year, LocalDate asOf) {
        OrgUnit township = township(scope, townshipId);
        LedgerFigures ledger = ledger();
        return sets.applicable(township, year).stream()
                .map(set -> new SetEvaluation(set, evaluate(ledger, set, township, asOf), sets.editable(scope, set)))
                .toList();
    }

    /**
     * A township against a set without the user's scope: only for the county ranking, whose access
     * the caller has checked (county roles, or a ranking the county published).
     */
    Evaluation evaluateForRanking(IndicatorSet set, OrgUnit township, LocalDate asOf) {
        return evaluate(ledger(), set, township, asOf);
    }

    /**
     * Like {@link #evaluateForRanking(IndicatorSet, OrgUnit, LocalDate)} for many townships, with the
     * figures of all of them fetched together (one grouped query per rule); in the order given.
     */
    List<Evaluation> evaluateForRanking(IndicatorSet set, List<OrgUnit> townships, LocalDate asOf) {
        return evaluateForRanking(List.of(new Ranked(set, townships)), asOf).get(0);
    }

    /** Townships evaluated against one set: a county's set and its townships. */
    record Ranked(IndicatorSet set, List<OrgUnit> townships) {
    }

    /**
     * Several counties' townships at once, each against its own county's set (a city's or province's
     * overview), with the figures of all of them fetched together: counties sharing a rule share its query.
     * The evaluations of each entry, in the order given.
     */
    List<List<Evaluation>> evaluateForRanking(List<Ranked> ranked, LocalDate asOf) {
        LedgerFigures figures = PrefetchedFigures.of(ledger(), ranked.stream()
                .map(r -> new PrefetchedFigures.Batch(r.set().definition().indicators(),
                        r.townships().stream().map(OrgUnit::getPath).toList(), r.set().definition().year()))
                .toList(), asOf);
        return ranked.stream().map(r -> {
            // manual scores of all of a set's townships in one query too: nothing here is asked once per township
            java.util.Map<Long, java.util.Map<String, ManualScoreValue>> manual = sets.manualScores(r.set(),
                    r.townships().stream().map(OrgUnit::getId).toList());
            return r.townships().stream().map(t -> evaluate(figures, r.set(), t, asOf, manual.get(t.getId()))).toList();
        }).toList();
    }

    /**
     * The query behind one period of one computed indicator of a set for a township, with the user's
     * scope checked as for its evaluation: the drill-down to the records behind a figure. Empty for a
     * manual indicator, a period that is not in the year, or letters (which are not ledger records).
     */
    java.util.Optional<RecordQuery> queryBehind(DataScope scope, long setId, long townshipId, String code, int period) {
        OrgUnit township = township(scope, townshipId);
        IndicatorSet set = sets.get(scope, setId);
        if (!township.getPath().startsWith(sets.owner(set).getPath())) {
            throw new NotFoundException("IndicatorSet", setId);
        }
        SetDefinition definition = set.definition();
        return definition.indicators().stream()
                .filter(i -> i.code().equals(code) && !i.manual() && i.rule() != null)
                .findFirst()
                .flatMap(i -> Period.of(i.periodMode(), definition.year()).stream().filter(p -> p.index() == period)
                        .findFirst().map(p -> Evaluator.query(i, p, township.getPath())))
                .filter(q -> q.kind() != null);
    }

    /**
     * The evaluation date for a year: today while it runs; once it is over, the first day after it, when
     * every period of the year has closed (met or not), so that the year just ended shows its final
     * state in January rather than December still "running".
     */
    LocalDate asOf(int year) {
        return asOf(year, today());
    }

    /** {@link #asOf(int)} on a given day (a date in the business zone). */
    static LocalDate asOf(int year, LocalDate today) {
        return today.getYear() > year ? LocalDate.of(year + 1, 1, 1) : today;
    }

    /** The user's own township, if the user works in or below one. */
    java.util.Optional<OrgUnit> ownTownship(DataScope scope) {
        return units.townshipOf(units.getUnchecked(scope.unitId()));
    }

    private Evaluation evaluate(LedgerFigures ledger, IndicatorSet set, OrgUnit township, LocalDate asOf) {
        return evaluate(ledger, set, township, asOf, sets.manualScores(set, township.getId()));
    }

    private Evaluation evaluate(LedgerFigures ledger, IndicatorSet set, OrgUnit township, LocalDate asOf,
            java.util.Map<String, ManualScoreValue> manualScores) {
        SetDefinition definition = set.definition();
        if (!(ledger instanceof PrefetchedFigures)) {
            ledger = PrefetchedFigures.of(ledger, definition.indicators(), List.of(township.getPath()),
                    definition.year(), asOf);
        }
        // Outside a request (reports, jobs) the sentences are Chinese, not in the server's default locale.
        java.util.Locale locale = LocaleContextHolder.getLocaleContext() != null
                ? LocaleContextHolder.getLocale() : java.util.Locale.SIMPLIFIED_CHINESE;
        return new Evaluator(ledger, messages, locale).evaluate(definition.name(),
                definition.year(), township.getPath(), definition.indicators(),
                manualScores, asOf);
    }

    private OrgUnit township(DataScope scope, long townshipId) {
        OrgUnit township = units.get(scope, townshipId);
        if (township.getKind() != OrgUnitKind.TOWNSHIP) {
            throw new NotFoundException("Township", townshipId);
        }
        return township;
    }

    private LedgerFigures ledger() {
        LedgerFigures ledger = figures.getIfAvailable();
        if (ledger == null) {
            throw new RuleViolationException("assessment.evaluation.noLedger");
        }
        return ledger;
    }
}
