package org.luoshi.inspection;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.luoshi.assessment.Evaluation;
import org.luoshi.assessment.EvaluationService;
import org.luoshi.assessment.Obligation;
import org.luoshi.assessment.Status;
import org.luoshi.ledger.LedgerRecord;
import org.luoshi.ledger.LedgerService;
import org.luoshi.ledger.RecordFilter;
import org.luoshi.ledger.RecordPage;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.luoshi.org.Person;
import org.luoshi.org.Post;
import org.luoshi.org.PostKind;
import org.luoshi.org.PostService;
import org.luoshi.web.NotFoundException;
import org.luoshi.web.RuleViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Findings and warnings the system raises by itself, once a day and when a township presses
 * "从考核和阵地检查生成问题":
 * <ul>
 * <li>every period of an indicator that ended unmet (red) becomes a finding of the township, source INDICATOR;</li>
 * <li>every 阵地检查 record (VENUE_CHECK) with a fault — state 需维修 / 停用, or more faults found than
 * fixed — becomes a finding of the record's unit, source VENUE_FAULT;</li>
 * <li>every yellow or red indicator period is announced once to the owner as an in-app notification.</li>
 * </ul>
 * Each origin has a key (township, set, indicator and period end; or the venue-check record id), so
 * nothing is raised or announced twice. The owner is the township's 宣传委员 post (the 直接责任人
 * of propaganda work), or its 党委书记 post when it has no 宣传委员; a township with neither is skipped.
 */
@Component
class SystemFindings {

    private static final Logger log = LoggerFactory.getLogger(SystemFindings.class);
    static final String VENUE_CHECK = "VENUE_CHECK";

    private final EvaluationService evaluation;
    private final LedgerService ledger;
    private final FindingService findings;
    private final Notifications notifications;
    private final OrgUnitService units;
    private final PostService posts;
    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final int deadlineDays;
    private final int venueLookbackDays;
    private final Clock clock;

    SystemFindings(EvaluationService evaluation, LedgerService ledger, FindingService findings,
            Notifications notifications, OrgUnitService units, PostService posts, JdbcClient jdbc,
            MessageSource messages, @Value("${luoshi.inspection.system-deadline-days:30}") int deadlineDays,
            @Value("${luoshi.inspection.venue-lookback-days:90}") int venueLookbackDays, Clock clock) {
        this.clock = clock;
        this.evaluation = evaluation;
        this.ledger = ledger;
        this.findings = findings;
        this.notifications = notifications;
        this.units = units;
        this.posts = posts;
        this.jdbc = jdbc;
        this.messages = messages;
        this.deadlineDays = deadlineDays;
        this.venueLookbackDays = venueLookbackDays;
    }

    /** What one run did. */
    record Outcome(int townships, int indicatorFindings, int venueFindings, int warnings) {

        Outcome plus(Outcome o) {
            return new Outcome(townships + o.townships, indicatorFindings + o.indicatorFindings,
                    venueFindings + o.venueFindings, warnings + o.warnings);
        }
    }

    /** Daily, after the overdue warnings; "-" (as in the tests) switches it off. */
    @Scheduled(cron = "${luoshi.inspection.signal-cron:0 20 0 * * *}", zone = "${luoshi.zone}")
    @SchedulerLock(name = "system-findings", lockAtLeastFor = "${luoshi.jobs.lock-at-least}")
    public void daily() {
        Outcome total = new Outcome(0, 0, 0, 0);
        for (OrgUnit township : units.ofKind(units.systemReader("system-findings"), OrgUnitKind.TOWNSHIP)) {
            try {
                total = total.plus(run(township, evaluation.today()));
            } catch (RuntimeException e) {
                // One township's broken set or data must not stop the others.
                log.warn("System findings for {} failed: {}", township.getName(), e.toString());
            }
        }
        log.info("System findings: {}", total);
    }

    /** The button: every township in the caller's scope (a township officer: their own). */
    Outcome runFor(Actor actor) {
        actor.requireSupervisor();
        List<OrgUnit> townships = new ArrayList<>(units.ofKind(actor.scope(), OrgUnitKind.TOWNSHIP));
        OrgUnit own = units.getUnchecked(actor.scope().unitId());
        if (own.getKind() == OrgUnitKind.TOWNSHIP && townships.stream().noneMatch(t -> t.getId().equals(own.getId()))) {
            townships.add(own);
        }
        if (townships.isEmpty()) {
            throw new RuleViolationException("inspection.signal.noTownship");
        }
        Outcome total = new Outcome(0, 0, 0, 0);
        for (OrgUnit township : townships) {
            total = total.plus(run(township, evaluation.today()));
        }
        return total;
    }

    /** One township as seen on {@code asOf}; in January the periods of last year are looked at as well. */
    Outcome run(OrgUnit township, LocalDate asOf) {
        Optional<Post> owner = ownerPost(township);
        if (owner.isEmpty()) {
            log.info("No 宣传委员 or 党委书记 post in {}: no system findings", township.getName());
            return new Outcome(1, 0, 0, 0);
        }
        DataScope system = units.systemReader("system-findings");
        List<Evaluation> evaluations = new ArrayList<>();
        for (YearAsOf y : evaluated(asOf)) {
            evaluations.addAll(evaluation.evaluate(system, township.getId(), y.year(), y.asOf()));
        }
        Outcome indicators = new Outcome(1, 0, 0, 0);
        for (Evaluation e : evaluations) {
            indicators = indicators.plus(fromEvaluation(township, owner.get(), e, asOf));
        }
        return indicators.plus(new Outcome(0, 0, fromVenueChecks(township, owner.get(), asOf), 0));
    }

    /** A year of indicator sets and the date it is evaluated on. */
    record YearAsOf(int year, LocalDate asOf) {
    }

    /**
     * What a run on {@code asOf} evaluates: the current year and, in January, the year just ended, both
     * on {@code asOf}. The year just ended must not be evaluated on its own 31 December: its December,
     * fourth quarter, second half and the year itself would then still be running (yellow at most), and
     * an unmet one would never turn red nor become a finding.
     */
    static List<YearAsOf> evaluated(LocalDate asOf) {
        return asOf.getMonthValue() == 1
                ? List.of(new YearAsOf(asOf.getYear(), asOf), new YearAsOf(asOf.getYear() - 1, asOf))
                : List.of(new YearAsOf(asOf.getYear(), asOf));
    }

    /** Red periods become findings, yellow and red ones are announced; each once. */
    Outcome fromEvaluation(OrgUnit township, Post owner, Evaluation e, LocalDate asOf) {
        int raised = 0;
        int warned = 0;
        String set = Integer.toHexString(e.setName().hashCode());
        for (Obligation o : e.warnings()) {
            boolean red = o.status() == Status.FAILED;
            String period = township.getId() + ":" + set + ":" + o.indicatorCode() + ":" + o.due();
            if (firstWarning(township, "W:" + period + (red ? ":RED" : ":YELLOW"))) {
                warn(township, owner, e, o, red);
                warned++;
            }
            if (red) {
                String detail = zh("inspection.signal.indicatorDetail", e.setName(), o.indicatorCode(),
                        o.indicatorName(), o.periodLabel(), o.due(), o.message() == null ? "" : o.message());
                if (findings.raiseFinding(FindingSource.INDICATOR, township.getId(),
                        cut(zh("inspection.signal.indicatorTitle", o.indicatorCode(), o.indicatorName(), o.periodLabel()), 200),
                        cut(detail, 2000), owner.getId(), asOf.plusDays(deadlineDays),
                        cut(o.indicatorCode() + " " + o.periodLabel() + " " + e.year(), 200), "IND:" + period)
                        .isPresent()) {
                    raised++;
                }
            }
        }
        return new Outcome(0, raised, 0, warned);
    }

    /** Venue checks of the township's subtree in the look-back window that found a fault. */
    int fromVenueChecks(OrgUnit township, Post owner, LocalDate asOf) {
        DataScope system = units.systemReader("system-findings");
        RecordFilter filter = new RecordFilter(VENUE_CHECK, township.getId(), asOf.minusDays(venueLookbackDays), asOf,
                null, null, false);
        int raised = 0;
        String cursor = null;
        do {
            RecordPage page = ledger.list(system, filter, cursor, 200);
            for (LedgerRecord r : page.records()) {
                if (!hasFault(r)) {
                    continue;
                }
                String venue = venueName(system, r);
                long found = number(r.field("faultsFound"));
                long fixed = number(r.field("faultsFixed"));
                Object description = r.field("faultDescription");
                String detail = zh("inspection.signal.venueDetail", venue, r.occurredOn(),
                        zh("inspection.signal.venueState." + r.field("state")), found, fixed,
                        description == null ? "" : description.toString());
                if (findings.raiseFinding(FindingSource.VENUE_FAULT, r.unitId(),
                        cut(zh("inspection.signal.venueTitle", venue, r.occurredOn()), 200), cut(detail, 2000),
                        owner.getId(), asOf.plusDays(deadlineDays), zh("inspection.signal.venueReference", r.id()),
                        "VENUE:" + r.id()).isPresent()) {
                    raised++;
                }
            }
            cursor = page.next();
        } while (cursor != null);
        return raised;
    }

    /** Needs repair or out of service, or more faults found than fixed. */
    static boolean hasFault(LedgerRecord r) {
        Object state = r.field("state");
        boolean broken = state != null && !"GOOD".equals(state.toString());
        return broken || number(r.field("faultsFound")) > number(r.field("faultsFixed"));
    }

    Optional<Post> ownerPost(OrgUnit township) {
        List<Post> all = posts.postsOf(units.systemReader("system-findings"), township.getId()).stream().filter(Post::isActive).toList();
        return all.stream().filter(p -> p.getKind() == PostKind.PROPAGANDA_MEMBER).findFirst()
                .or(() -> all.stream().filter(p -> p.getKind() == PostKind.SECRETARY).findFirst());
    }

    private void warn(OrgUnit township, Post owner, Evaluation e, Obligation o, boolean red) {
        String holder = posts.currentHolder(owner.getId()).map(Person::getName).orElse("");
        String text = zh(red ? "inspection.signal.red" : "inspection.signal.yellow",
                owner.getTitle() + (holder.isEmpty() ? "" : "（" + holder + "）"), township.getName(), o.indicatorCode(),
                o.indicatorName(), o.periodLabel(), o.due(), o.message() == null ? "" : o.message());
        notifications.notify(township.getId(), Actor.TOWNSHIP_OFFICER, text,
                "/assessment/evaluation?townshipId=" + township.getId() + "&year=" + e.year());
    }

    /** Records the warning key; false if it was sent before. */
    private boolean firstWarning(OrgUnit township, String key) {
        boolean sent = jdbc.sql("select count(*) from indicator_warning where origin_key = :key").param("key", key)
                .query(Long.class).single() > 0;
        if (sent) {
            return false;
        }
        jdbc.sql("insert into indicator_warning (unit_id, origin_key, sent_at) values (:unit, :key, :at)")
                .param("unit", township.getId()).param("key", key)
                .param("at", java.sql.Timestamp.from(clock.instant())).update();
        return true;
    }

    private String venueName(DataScope system, LedgerRecord r) {
        Object venue = r.field("venue");
        if (venue instanceof Number id) {
            try {
                return ledger.get(system, id.longValue()).title();
            } catch (NotFoundException e) {
                // a deleted venue: the check's own title still says what was checked
            }
        }
        return r.title();
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    private String zh(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }
}
