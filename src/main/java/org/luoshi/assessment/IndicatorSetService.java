package org.luoshi.assessment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.luoshi.web.NotFoundException;
import org.luoshi.web.RuleViolationException;
import org.luoshi.web.StaleEditException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Indicator sets, always seen through a {@link DataScope}.
 *
 * <p>Who sees what: a set is visible to everyone whose scope covers its owner unit (the county
 * sees every township's internal sets), and, once published, to everyone below the owner (the
 * county's set reaches every township). Another township's set answers 404.
 *
 * <p>Who edits what: the county's sets are edited by the county's administrators and reviewers
 * (the controllers admit only those roles); a township's internal sets by writers whose scope
 * covers the township (its propaganda officer), not by the county reviewer, who edits no
 * township's data. A visible set the user may not edit answers 403. A published set is locked:
 * it must be withdrawn before its indicators change.
 */
@Service
@Transactional(readOnly = true)
class IndicatorSetService {

    static final String DEFAULT_SET = "/assessment/default-indicator-set.yaml";

    private final IndicatorSetRepository sets;
    private final ManualScoreRepository manualScores;
    private final OrgUnitService units;
    private final Clock clock;

    IndicatorSetService(IndicatorSetRepository sets, ManualScoreRepository manualScores, OrgUnitService units, Clock clock) {
        this.clock = clock;
        this.sets = sets;
        this.manualScores = manualScores;
        this.units = units;
    }

    record Listed(IndicatorSet set, OrgUnit owner, boolean editable) {
    }

    List<Listed> list(DataScope scope, int year) {
        List<Listed> listed = new ArrayList<>();
        List<IndicatorSet> ofYear = sets.findByYearOrderByIdAsc(year);
        // the owners in one query: a province's year has a set for each of its counties
        java.util.Map<Long, OrgUnit> owners = units.getAllUnchecked(ofYear.stream().map(IndicatorSet::getOwnerUnitId).toList());
        for (IndicatorSet set : ofYear) {
            OrgUnit owner = owners.get(set.getOwnerUnitId());
            if (visible(scope, set, owner)) {
                listed.add(new Listed(set, owner, editable(scope, owner)));
            }
        }
        // the county's sets first, then the townships' in tree order
        listed.sort(java.util.Comparator.comparing((Listed l) -> l.owner().getDepth())
                .thenComparing(l -> l.owner().getPath()).thenComparing(l -> l.set().getId()));
        return listed;
    }

    IndicatorSet get(DataScope scope, long id) {
        IndicatorSet set = sets.findById(id).orElseThrow(() -> new NotFoundException("IndicatorSet", id));
        if (!visible(scope, set, owner(set))) {
            throw new NotFoundException("IndicatorSet", id);
        }
        return set;
    }

    OrgUnit owner(IndicatorSet set) {
        return units.getUnchecked(set.getOwnerUnitId());
    }

    boolean editable(DataScope scope, IndicatorSet set) {
        return editable(scope, owner(set));
    }

    /** Whether the user's own unit may own sets: the county, or a township whose officer writes. */
    boolean mayCreate(DataScope scope) {
        OrgUnit own = units.getUnchecked(scope.unitId());
        return own.getKind() == OrgUnitKind.COUNTY || (own.getKind() == OrgUnitKind.TOWNSHIP && scope.writable());
    }

    /** Whether the user may load the default set: an editor of the county. */
    boolean mayLoadDefault(DataScope scope) {
        return units.getUnchecked(scope.unitId()).getKind() == OrgUnitKind.COUNTY;
    }

    Indicator indicator(DataScope scope, long setId, long indicatorId) {
        return get(scope, setId).getIndicators().stream().filter(i -> i.getId() == indicatorId).findFirst()
                .orElseThrow(() -> new NotFoundException("Indicator", indicatorId));
    }

    @Transactional
    IndicatorSet create(DataScope scope, int year, String name) {
        OrgUnit owner = requireCreator(scope);
        checkSetDefinition(new SetDefinition(year, name, List.of()));
        requireUniqueName(owner.getId(), year, name, null);
        return sets.saveAndFlush(new IndicatorSet(owner.getId(), year, name.trim(), scope.username(), clock.instant()));
    }

    @Transactional
    IndicatorSet update(DataScope scope, long id, int year, String name, Long expectedVersion) {
        IndicatorSet set = requireEditable(scope, id);
        checkVersion(set, expectedVersion);
        requireDraft(set);
        checkSetDefinition(new SetDefinition(year, name, List.of()));
        requireUniqueName(set.getOwnerUnitId(), year, name, id);
        set.rename(year, name.trim(), clock.instant());
        return set;
    }

    /**
     * A set is edited as one table: a change to its name or any indicator moves its version on, so a save
     * from a page opened before someone else's change is refused with what the set is now.
     */
    private static void checkVersion(IndicatorSet set, Long expectedVersion) {
        StaleEditException.check(expectedVersion, set.getVersion(), () -> "“" + set.getName() + "”（" + set.getYear()
                + "年，" + set.getIndicators().size() + " 项指标）");
    }

    /**
     * Renames and/or publishes or withdraws a set in one step (the API's PUT). Renaming needs a
     * draft, so a request that both withdraws and renames is applied in that order.
     */
    @Transactional
    IndicatorSet change(DataScope scope, long id, int year, String name, Boolean published, Long expectedVersion) {
        Instant now = clock.instant();
        IndicatorSet set = requireEditable(scope, id);
        checkVersion(set, expectedVersion);
        boolean renamed = set.getYear() != year || !set.getName().equals(name == null ? null : name.trim());
        if (renamed) {
            if (Boolean.FALSE.equals(published)) {
                set.setPublished(false, now);
            }
            requireDraft(set);
            checkSetDefinition(new SetDefinition(year, name, List.of()));
            requireUniqueName(set.getOwnerUnitId(), year, name, id);
            set.rename(year, name.trim(), now);
        }
        if (published != null) {
            set.setPublished(published, now);
        }
        sets.flush();
        return set;
    }

    @Transactional
    IndicatorSet publish(DataScope scope, long id, boolean published) {
        IndicatorSet set = requireEditable(scope, id);
        set.setPublished(published, clock.instant());
        return set;
    }

    /** Shows or hides the county ranking of a county set from the townships; county editors only. */
    @Transactional
    IndicatorSet publishRanking(DataScope scope, long id, boolean published) {
        IndicatorSet set = requireEditable(scope, id);
        if (owner(set).getKind() != OrgUnitKind.COUNTY) {
            throw new AccessDeniedException("only a county set has a ranking");
        }
        set.setRankingPublished(published, clock.instant());
        return set;
    }

    /** The county's first published set of the year, if any: the one townships are ranked by. */
    java.util.Optional<IndicatorSet> countySet(OrgUnit county, int year) {
        return sets.findByYearOrderByIdAsc(year).stream()
                .filter(s -> s.isPublished() && s.getOwnerUnitId().equals(county.getId()))
                .findFirst();
    }

    @Transactional
    void delete(DataScope scope, long id) {
        IndicatorSet set = requireEditable(scope, id);
        if (set.isPublished()) {
            throw new RuleViolationException("assessment.set.deletePublished", set.getName());
        }
        sets.delete(set);
        sets.flush();
    }

    @Transactional
    Indicator addIndicator(DataScope scope, long setId, IndicatorDefinition definition) {
        IndicatorSet set = requireEditable(scope, setId);
        requireDraft(set);
        checkIndicator(set, definition, null);
        Indicator indicator = set.add(definition, clock.instant());
        // flush, not save: merging the managed set would persist a copy of the new indicator
        sets.flush();
        return indicator;
    }

    @Transactional
    Indicator updateIndicator(DataScope scope, long setId, long indicatorId, IndicatorDefinition definition,
            Long expectedVersion) {
        IndicatorSet set = requireEditable(scope, setId);
        checkVersion(set, expectedVersion);
        requireDraft(set);
        Indicator indicator = indicator(scope, setId, indicatorId);
        checkIndicator(set, definition, indicator);
        indicator.redefine(definition);
        set.touch(clock.instant());
        sets.flush();
        return indicator;
    }

    /**
     * Makes the draft's volume indicators that score without a stated reason informational: how a county
     * brings a set published before the 2024 rules into line (withdraw, apply, publish again). Returns how
     * many changed.
     */
    @Transactional
    int applyBurdenRules(DataScope scope, long setId) {
        IndicatorSet set = requireEditable(scope, setId);
        requireDraft(set);
        int changed = 0;
        for (Indicator indicator : set.getIndicators()) {
            IndicatorDefinition d = indicator.definition();
            if (d.scoredVolume() && d.volumeReason() == null) {
                indicator.redefine(d.asInformational());
                changed++;
            }
        }
        set.touch(clock.instant());
        sets.flush();
        return changed;
    }

    @Transactional
    void deleteIndicator(DataScope scope, long setId, long indicatorId) {
        IndicatorSet set = requireEditable(scope, setId);
        requireDraft(set);
        set.remove(indicator(scope, setId, indicatorId), clock.instant());
        sets.flush();
    }

    String export(DataScope scope, long id) {
        return IndicatorSetYaml.write(get(scope, id).definition());
    }

    /** Creates a draft set of the user's unit from YAML; nothing is saved if anything is wrong. */
    @Transactional
    IndicatorSet importSet(DataScope scope, String yaml) {
        OrgUnit owner = requireCreator(scope);
        SetDefinition definition = IndicatorSetYaml.read(yaml);
        return save(owner, definition, scope.username(), false);
    }

    /** Loads the shipped default set for the year into the user's county, unless it has a set that year. */
    @Transactional
    IndicatorSet loadDefault(DataScope scope, int year) {
        OrgUnit owner = requireCreator(scope);
        if (owner.getKind() != OrgUnitKind.COUNTY) {
            throw new AccessDeniedException("only the county loads the default set");
        }
        if (sets.existsByOwnerUnitIdAndYear(owner.getId(), year)) {
            throw new RuleViolationException("assessment.set.countyHasSet", String.valueOf(year));
        }
        return save(owner, defaultSet(year), scope.username(), false);
    }

    /** Start-up (demo data): the county gets the default set, published, if it has none for the year. */
    @Transactional
    void ensureDefault(OrgUnit county, int year) {
        if (!sets.existsByOwnerUnitIdAndYear(county.getId(), year)) {
            save(county, defaultSet(year), "system", true);
        }
    }

    static SetDefinition defaultSet(int year) {
        try (InputStream in = IndicatorSetService.class.getResourceAsStream(DEFAULT_SET)) {
            SetDefinition shipped = IndicatorSetYaml.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return new SetDefinition(year, shipped.name(), shipped.indicators());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Gives a manual indicator its score for one township, with reason and evidence. */
    @Transactional
    ManualScore scoreByHand(DataScope scope, long setId, long indicatorId, long townshipId, BigDecimal score,
            String reason, String evidence) {
        IndicatorSet set = get(scope, setId);
        OrgUnit owner = owner(set);
        if (!editable(scope, owner)) {
            throw new AccessDeniedException("may not score this set");
        }
        OrgUnit township = units.get(scope, townshipId);
        if (township.getKind() != OrgUnitKind.TOWNSHIP || !township.getPath().startsWith(owner.getPath())) {
            throw new NotFoundException("OrgUnit", townshipId);
        }
        Indicator indicator = indicator(scope, setId, indicatorId);
        if (!indicator.isManual()) {
            throw new RuleViolationException("assessment.manual.notManual", indicator.getCode());
        }
        if (score.signum() < 0 || score.compareTo(indicator.getWeight()) > 0) {
            throw RuleViolationException.at("score", "assessment.manual.range", indicator.getCode(),
                    Decimals.plain(indicator.getWeight()));
        }
        ManualScore manual = manualScores.findByIndicatorIdAndOrgUnitId(indicatorId, townshipId)
                .orElseGet(() -> new ManualScore(indicatorId, townshipId));
        manual.give(score, reason, evidence, scope.username(), clock.instant());
        return manualScores.saveAndFlush(manual);
    }

    private IndicatorSet save(OrgUnit owner, SetDefinition definition, String username, boolean published) {
        requireUniqueName(owner.getId(), definition.year(), definition.name(), null);
        Instant now = clock.instant();
        IndicatorSet set = new IndicatorSet(owner.getId(), definition.year(), definition.name(), username, now);
        definition.indicators().forEach(indicator -> set.add(indicator, now));
        set.setPublished(published, now);
        return sets.saveAndFlush(set);
    }

    private boolean visible(DataScope scope, IndicatorSet set, OrgUnit owner) {
        return scope.covers(owner) || (set.isPublished() && scope.unitPath().startsWith(owner.getPath()));
    }

    private boolean editable(DataScope scope, OrgUnit owner) {
        return scope.covers(owner) && (owner.getKind() == OrgUnitKind.COUNTY ? editsCountySet(scope, owner) : scope.writable());
    }

    /**
     * A county's set is the county's own: its reviewers (and administrators) edit it; a city or province
     * reviewer above reads it, for with several counties one county's table is not another's.
     */
    private static boolean editsCountySet(DataScope scope, OrgUnit county) {
        return scope.unitId() == county.getId() || scope.may(org.luoshi.org.Permission.SYSTEM_ADMIN);
    }

    private IndicatorSet requireEditable(DataScope scope, long id) {
        IndicatorSet set = get(scope, id);
        OrgUnit owner = owner(set);
        if (!scope.covers(owner)) {
            throw new AccessDeniedException("set of a unit above the user");
        }
        if (owner.getKind() != OrgUnitKind.COUNTY) {
            scope.requireWritable();
        } else if (!editsCountySet(scope, owner)) {
            throw new AccessDeniedException("a county's set is edited by that county");
        }
        return set;
    }

    private OrgUnit requireCreator(DataScope scope) {
        if (!mayCreate(scope)) {
            throw new AccessDeniedException("the user's unit does not own indicator sets");
        }
        return units.getUnchecked(scope.unitId());
    }

    private static void requireDraft(IndicatorSet set) {
        if (set.isPublished()) {
            throw new RuleViolationException("assessment.set.publishedLocked", set.getName());
        }
    }

    private void requireUniqueName(Long ownerId, int year, String name, Long id) {
        boolean taken = id == null
                ? sets.existsByOwnerUnitIdAndYearAndName(ownerId, year, name.trim())
                : sets.existsByOwnerUnitIdAndYearAndNameAndIdNot(ownerId, year, name.trim(), id);
        if (taken) {
            throw new RuleViolationException("assessment.set.duplicateName", name.trim(), String.valueOf(year));
        }
    }

    private static void checkSetDefinition(SetDefinition definition) {
        List<Problem> problems = DefinitionCheck.set(definition);
        if (!problems.isEmpty()) {
            throw new InvalidDefinitionException(problems);
        }
    }

    private static void checkIndicator(IndicatorSet set, IndicatorDefinition definition, Indicator self) {
        List<Problem> problems = new ArrayList<>(DefinitionCheck.indicator(definition));
        boolean duplicate = set.getIndicators().stream()
                .anyMatch(i -> i != self && i.getCode().equals(definition.code()));
        if (duplicate) {
            problems.add(Problem.at("code").messageKey("assessment.error.duplicateCode", definition.code()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidDefinitionException(problems);
        }
    }

    /** Manual scores of a township for the indicators of a set, by indicator code. */
    java.util.Map<String, ManualScoreValue> manualScores(IndicatorSet set, long townshipId) {
        java.util.Map<Long, String> codes = new java.util.HashMap<>();
        set.getIndicators().forEach(i -> codes.put(i.getId(), i.getCode()));
        java.util.Map<String, ManualScoreValue> byCode = new java.util.HashMap<>();
        if (!codes.isEmpty()) {
            manualScores.findByIndicatorIdInAndOrgUnitId(codes.keySet(), townshipId)
                    .forEach(m -> byCode.put(codes.get(m.getIndicatorId()), m.value()));
        }
        return byCode;
    }

    /**
     * {@link #manualScores(IndicatorSet, long)} of many townships in one query: a ranking asks for
     * every township of a county at once.
     */
    java.util.Map<Long, java.util.Map<String, ManualScoreValue>> manualScores(IndicatorSet set,
            java.util.Collection<Long> townshipIds) {
        java.util.Map<Long, String> codes = new java.util.HashMap<>();
        set.getIndicators().forEach(i -> codes.put(i.getId(), i.getCode()));
        java.util.Map<Long, java.util.Map<String, ManualScoreValue>> byTownship = new java.util.HashMap<>();
        townshipIds.forEach(id -> byTownship.put(id, new java.util.HashMap<>()));
        if (!codes.isEmpty() && !townshipIds.isEmpty()) {
            manualScores.findByIndicatorIdInAndOrgUnitIdIn(codes.keySet(), townshipIds)
                    .forEach(m -> byTownship.get(m.getOrgUnitId()).put(codes.get(m.getIndicatorId()), m.value()));
        }
        return byTownship;
    }

    /** The first published set of the year of each unit that has one: what a ranking of its townships uses. */
    java.util.Map<Long, IndicatorSet> countySets(java.util.Collection<Long> ownerIds, int year) {
        java.util.Map<Long, IndicatorSet> found = new java.util.HashMap<>();
        sets.findByYearOrderByIdAsc(year).stream()
                .filter(s -> s.isPublished() && ownerIds.contains(s.getOwnerUnitId()))
                .forEach(s -> found.putIfAbsent(s.getOwnerUnitId(), s));
        return found;
    }

    /**
     * The published sets that apply to a township in a year: its county's and its own. A unit's path is the
     * ids from the root down ("/1/11/101/1001/"), so an owner above the township is one whose id is in the
     * path: no owner is read (a province's year has a set for each of its 75 counties).
     */
    List<IndicatorSet> applicable(OrgUnit township, int year) {
        return sets.findByYearOrderByIdAsc(year).stream()
                .filter(IndicatorSet::isPublished)
                .filter(s -> township.getPath().contains("/" + s.getOwnerUnitId() + "/"))
                .toList();
    }
}
