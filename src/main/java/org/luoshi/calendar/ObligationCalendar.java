package org.luoshi.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.luoshi.assessment.Evaluation;
import org.luoshi.assessment.EvaluationService;
import org.luoshi.assessment.IndicatorResult;
import org.luoshi.assessment.LedgerFigures;
import org.luoshi.assessment.PeriodResult;
import org.luoshi.assessment.RecordQuery;
import org.luoshi.assessment.Status;
import org.luoshi.calendar.CalendarEntry.Source;
import org.luoshi.calendar.CalendarEntry.State;
import org.luoshi.inspection.FindingService;
import org.luoshi.inspection.FindingSummary;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.luoshi.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The year's duties of one township with their state on a given day.
 *
 * <p>The duties are not written down here a second time: the periodic ones are the periods of the
 * scored, computed indicators of the published sets that apply to the township (the same evaluation
 * the 考评 page and the home panel show, so the calendar and the score can never disagree), and the
 * rectification deadlines are those of the findings. A met period is done, an ended unmet one is
 * overdue, anything else is due. Manual indicators are left out: scoring them is the county's step,
 * not a duty of the township (the evaluation treats them so too). Informational indicators have no
 * target, so nothing is due.
 */
@Service
@Transactional(readOnly = true)
public class ObligationCalendar {

    private final EvaluationService evaluation;
    private final LedgerFigures ledger;
    private final FindingService findings;
    private final OrgUnitService units;
    private final MessageSource messages;
    private final Clock clock;

    ObligationCalendar(EvaluationService evaluation, LedgerFigures ledger, FindingService findings,
            OrgUnitService units, MessageSource messages, Clock clock) {
        this.clock = clock;
        this.evaluation = evaluation;
        this.ledger = ledger;
        this.findings = findings;
        this.units = units;
        this.messages = messages;
    }

    /** Today in the business zone, from the application's clock. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Now, from the application's clock: the feed's time stamp. */
    public java.time.Instant now() {
        return clock.instant();
    }

    /** The township the user sees without choosing: their own, if they work in one and it is in their scope. */
    public Optional<OrgUnit> ownTownship(DataScope scope) {
        return units.townshipOf(units.getUnchecked(scope.unitId())).filter(scope::covers);
    }

    /** The townships the user may pick (a county reviewer's whole county; an officer's own). */
    public List<OrgUnit> townships(DataScope scope) {
        return units.ofKind(scope, OrgUnitKind.TOWNSHIP);
    }

    /** A township in the user's scope; 404 for another township or a unit that is not a township. */
    public OrgUnit township(DataScope scope, long townshipId) {
        OrgUnit unit = units.get(scope, townshipId);
        if (unit.getKind() != OrgUnitKind.TOWNSHIP) {
            throw new NotFoundException("Township", townshipId);
        }
        return unit;
    }

    /**
     * Every duty of the township in the year, soonest first, with its state on {@code today} (a date in
     * the business zone: the caller reads it from the application's clock).
     */
    public List<CalendarEntry> year(DataScope scope, long townshipId, int year, LocalDate today) {
        OrgUnit township = township(scope, townshipId);
        List<CalendarEntry> entries = new ArrayList<>();
        indicatorDuties(scope, township, year, today, entries);
        findingDeadlines(scope, township, year, today, entries);
        entries.sort(Comparator.comparing(CalendarEntry::due).thenComparing(CalendarEntry::source)
                .thenComparing(CalendarEntry::code).thenComparing(CalendarEntry::uid));
        return List.copyOf(entries);
    }

    private void indicatorDuties(DataScope scope, OrgUnit township, int year, LocalDate today, List<CalendarEntry> out) {
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        // The evaluation on today covers the periods that have started; the one on the last day of the
        // year names the periods still to come (their figures are not read for their state).
        List<Evaluation> now = evaluation.evaluate(scope, township.getId(), year, today);
        Map<String, PeriodResult> started = new HashMap<>();
        for (Evaluation e : now) {
            for (IndicatorResult r : duties(e)) {
                r.periods().forEach(p -> started.put(key(e, r, p), p));
            }
        }
        List<Evaluation> whole = today.isBefore(yearEnd) ? evaluation.evaluate(scope, township.getId(), year, yearEnd) : now;
        for (Evaluation e : whole) {
            for (IndicatorResult r : duties(e)) {
                for (PeriodResult all : r.periods()) {
                    PeriodResult p = started.get(key(e, r, all));
                    State state = p == null ? State.DUE
                            : p.status() == Status.MET ? State.DONE
                            : p.status() == Status.FAILED ? State.OVERDUE
                            : State.DUE;
                    RecordQuery q = all.query();
                    out.add(new CalendarEntry(uid("indicator", township.getId(), e.setName(), r.indicator().code(), q.from()),
                            Source.INDICATOR, r.indicator().code(), r.indicator().name(), all.label(), q.from(), q.to(),
                            state, state == State.DONE || p == null ? null : p.missing(),
                            link(township, q, state)));
                }
            }
        }
    }

    /** The indicators that set the township a duty: scored, and computed from records. */
    private static List<IndicatorResult> duties(Evaluation e) {
        return e.indicators().stream().filter(r -> !r.informational() && !r.indicator().manual()).toList();
    }

    private static String key(Evaluation e, IndicatorResult r, PeriodResult p) {
        return e.setName() + '\u0000' + r.indicator().code() + '\u0000' + p.query().from();
    }

    /**
     * A done duty links to the newest record that fulfils it; an open one to the ledger list of its kind
     * and period, where the record is entered. Letters are not ledger records: they link to the letters.
     */
    private String link(OrgUnit township, RecordQuery q, State state) {
        if (q.kind() == null) {
            return "/responsibility/letters?townshipId=" + township.getId() + "&year=" + q.from().getYear();
        }
        if (state == State.DONE) {
            List<Long> ids = ledger.recordIds(q, 1);
            if (!ids.isEmpty()) {
                return "/ledger/records/" + ids.get(0);
            }
        }
        return "/ledger/" + q.kind().name().toLowerCase().replace('_', '-') + "?unitId=" + township.getId()
                + "&from=" + q.from() + "&to=" + q.to();
    }

    private void findingDeadlines(DataScope scope, OrgUnit township, int year, LocalDate today, List<CalendarEntry> out) {
        // a finding raised late last year can be due this year; none is given more than a year
        List<FindingSummary> raised = findings.summaries(scope, township.getId(), LocalDate.of(year - 1, 1, 1),
                LocalDate.of(year + 1, 1, 1));
        for (FindingSummary f : raised) {
            if (f.deadline() == null || f.deadline().getYear() != year) {
                continue;
            }
            State state = "PASSED".equals(f.state()) ? State.DONE
                    : f.deadline().isBefore(today) ? State.OVERDUE
                    : State.DUE;
            String owner = f.ownerPost() == null ? null
                    : msg("calendar.finding.owner", f.unitName(), f.ownerPost(),
                            f.ownerName() == null ? msg("calendar.finding.vacant") : f.ownerName());
            LocalDate raisedOn = LocalDate.ofInstant(f.raisedAt(), clock.getZone());
            out.add(new CalendarEntry("finding-" + f.id() + "@luoshi", Source.FINDING, "#" + f.id(),
                    msg("calendar.finding.title", f.title()), null, raisedOn.isAfter(f.deadline()) ? f.deadline() : raisedOn,
                    f.deadline(), state, owner, "/inspection/findings/" + f.id()));
        }
    }

    /**
     * Stable across feeds and renames of nothing but the set: the township, the set, the indicator
     * and the first day of the period.
     */
    private static String uid(String kind, long townshipId, String setName, String code, LocalDate from) {
        String name = kind + '|' + townshipId + '|' + setName + '|' + code + '|' + from;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)) + "@luoshi";
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
