package org.luoshi.org;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.luoshi.web.NotFoundException;
import org.luoshi.web.RuleViolationException;
import org.luoshi.web.StaleEditException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The org tree, always seen through a {@link DataScope}. */
@Service
@Transactional(readOnly = true)
public class OrgUnitService {

    private final OrgUnitRepository units;
    private final PersonRepository people;
    private final PostRepository posts;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    OrgUnitService(OrgUnitRepository units, PersonRepository people, PostRepository posts, Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.clock = clock;
        this.units = units;
        this.people = people;
        this.posts = posts;
    }

    /** The unit, if it exists and lies in scope; otherwise 404, so that foreign ids reveal nothing. */
    public OrgUnit get(DataScope scope, long id) {
        return units.findById(id).filter(scope::covers).orElseThrow(() -> new NotFoundException("OrgUnit", id));
    }

    /** The unit for internal use (e.g. building a scope at login); no scope check. */
    public OrgUnit getUnchecked(long id) {
        return units.findById(id).orElseThrow(() -> new NotFoundException("OrgUnit", id));
    }

    /** The units of these ids, in one query, for internal use like {@link #getUnchecked}; missing ids are absent. */
    public java.util.Map<Long, OrgUnit> getAllUnchecked(java.util.Collection<Long> ids) {
        java.util.Map<Long, OrgUnit> found = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            units.findAllById(java.util.Set.copyOf(ids)).forEach(u -> found.put(u.getId(), u));
        }
        return found;
    }

    /** Every unit in scope, in tree order: parents before children, siblings by sort order and name. */
    public List<OrgUnit> tree(DataScope scope) {
        return inTreeOrder(units.findSubtree(scope.unitPath()));
    }

    /**
     * The ids of the subtree below (and including) the unit with this path when it has at most {@code max}
     * units, else empty: list queries take a small subtree unit by unit and a large one by date. One
     * query that stops after {@code max + 1} units, whatever the size of the tree.
     */
    public java.util.Optional<List<Long>> smallSubtreeIds(String path, int max) {
        List<OrgUnit> first = units.findSubtreeFirst(path, org.springframework.data.domain.PageRequest.of(0, max + 1));
        return first.size() > max ? java.util.Optional.empty() : java.util.Optional.of(first.stream().map(OrgUnit::getId).toList());
    }

    /**
     * The units a unit selector offers without typing, in tree order: the whole tree in scope when it has at
     * most {@code max} units (a township, a small county); otherwise the scope's own unit and its children,
     * and the selected unit with its ancestors in scope and its children, so that a page holds a few dozen
     * units, not a province's 30,000 villages. Other units are found by {@link #search}.
     */
    public List<OrgUnit> selectorUnits(DataScope scope, Long selectedId, int max) {
        List<OrgUnit> first = units.findSubtreeFirst(scope.unitPath(), org.springframework.data.domain.PageRequest.of(0, max + 1));
        if (first.size() <= max) {
            return inTreeOrder(first);
        }
        java.util.Map<Long, OrgUnit> chosen = new java.util.LinkedHashMap<>();
        OrgUnit top = get(scope, scope.unitId());
        chosen.put(top.getId(), top);
        units.findByParentIdOrderBySortOrderAscNameAsc(top.getId()).stream().limit(max).forEach(u -> chosen.put(u.getId(), u));
        // a selected unit outside the scope is not offered (the page itself answers 404 for it)
        OrgUnit selected = selectedId == null ? null : units.findById(selectedId).filter(scope::covers).orElse(null);
        if (selected != null) {
            List<String> above = new ArrayList<>();
            String path = selected.getPath();
            for (int i = path.indexOf('/', 1); i > 0 && i < path.length() - 1; i = path.indexOf('/', i + 1)) {
                String prefix = path.substring(0, i + 1);
                if (scope.covers(prefix)) {
                    above.add(prefix);
                }
            }
            units.findByPathIn(above).forEach(u -> chosen.put(u.getId(), u));
            chosen.put(selected.getId(), selected);
            units.findByParentIdOrderBySortOrderAscNameAsc(selected.getId()).stream().limit(max)
                    .forEach(u -> chosen.put(u.getId(), u));
        }
        return inTreeOrder(new ArrayList<>(chosen.values()));
    }

    /**
     * Units in scope whose name contains the text, at most {@code limit}, nearest the top of the tree first:
     * what a search-as-you-type unit picker offers. A blank text finds nothing.
     */
    public List<OrgUnit> search(DataScope scope, String text, int limit) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return List.of();
        }
        String pattern = "%" + t.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return units.searchSubtree(scope.unitPath(), pattern, org.springframework.data.domain.PageRequest.of(0, limit));
    }

    public List<OrgUnit> subtree(DataScope scope, long rootId) {
        return inTreeOrder(units.findSubtree(get(scope, rootId).getPath()));
    }

    /**
     * The ids of the unit with this path and of every unit below it, and with {@code withAncestors} also
     * of the units above it: one query, no scope check (the path is the caller's scope or a unit it has
     * checked). Other modules limit their own SQL and JPQL with these ids ({@code unitId in :ids}) instead
     * of naming org_unit or OrgUnit, which only this module reads (see TableOwnershipTest); the one method
     * with a flag serves them all, so that the public API stays small.
     */
    public List<Long> unitIds(String path, boolean withAncestors) {
        return withAncestors ? units.findSubtreeAndAncestorIds(path) : units.findSubtreeIds(path);
    }

    /** Orders a subtree depth-first; the first unit (shortest path) is the root. */
    static List<OrgUnit> inTreeOrder(List<OrgUnit> subtree) {
        if (subtree.isEmpty()) {
            return subtree;
        }
        Comparator<OrgUnit> siblings = Comparator.comparingInt(OrgUnit::getSortOrder)
                .thenComparing(OrgUnit::getName).thenComparing(OrgUnit::getId);
        Map<Long, List<OrgUnit>> byParent = new HashMap<>();
        for (OrgUnit unit : subtree) {
            if (unit.getParentId() != null) {
                byParent.computeIfAbsent(unit.getParentId(), k -> new ArrayList<>()).add(unit);
            }
        }
        byParent.values().forEach(list -> list.sort(siblings));
        OrgUnit root = subtree.stream().min(Comparator.comparingInt(u -> u.getPath().length())).orElseThrow();
        List<OrgUnit> ordered = new ArrayList<>(subtree.size());
        Deque<OrgUnit> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            OrgUnit unit = stack.pop();
            ordered.add(unit);
            List<OrgUnit> children = byParent.getOrDefault(unit.getId(), List.of());
            for (int i = children.size() - 1; i >= 0; i--) {
                stack.push(children.get(i));
            }
        }
        return ordered;
    }

    public List<OrgUnit> children(DataScope scope, long parentId) {
        get(scope, parentId);
        return units.findByParentIdOrderBySortOrderAscNameAsc(parentId);
    }

    /** Those of the items whose unit lies in scope: one query for their units, for batch reads of people and posts. */
    <T> List<T> inScope(DataScope scope, List<T> items, java.util.function.Function<T, Long> unitOf) {
        java.util.Set<Long> visible = units.findAllById(items.stream().map(unitOf).distinct().toList()).stream()
                .filter(scope::covers).map(OrgUnit::getId).collect(java.util.stream.Collectors.toSet());
        return items.stream().filter(item -> visible.contains(unitOf.apply(item))).toList();
    }

    /** The children of many units at once (parent id → children in order), those in scope only: one query. */
    public java.util.Map<Long, List<OrgUnit>> children(DataScope scope, java.util.Collection<Long> parentIds) {
        if (parentIds.isEmpty()) {
            return java.util.Map.of();
        }
        return units.findByParentIdInOrderBySortOrderAscNameAsc(parentIds).stream().filter(scope::covers)
                .collect(java.util.stream.Collectors.groupingBy(OrgUnit::getParentId, java.util.LinkedHashMap::new,
                        java.util.stream.Collectors.toList()));
    }

    public List<OrgUnit> ofKind(DataScope scope, OrgUnitKind kind) {
        return units.findSubtreeOfKind(scope.unitPath(), kind);
    }

    /** How many units of the kind the scope holds, inactive ones too. */
    public long countOfKind(DataScope scope, OrgUnitKind kind) {
        return units.countByPathStartingWithAndKind(scope.unitPath(), kind);
    }

    /** The township the unit belongs to (itself if it is one), or empty above township level. */
    public java.util.Optional<OrgUnit> townshipOf(OrgUnit unit) {
        OrgUnit current = unit;
        while (current != null) {
            if (current.getKind() == OrgUnitKind.TOWNSHIP) {
                return java.util.Optional.of(current);
            }
            current = current.getParentId() == null ? null : units.findById(current.getParentId()).orElse(null);
        }
        return java.util.Optional.empty();
    }

    /**
     * The county the unit belongs to (itself if it is one): its nearest COUNTY ancestor. Empty above the
     * county (a city, a province) and for a city's or province's own departments. With tiers above the
     * county the root is no longer "the county": county-owned things (indicator sets, requests, the
     * addressee of reports) are found from the township up, never from the root. One query.
     */
    public java.util.Optional<OrgUnit> countyOf(OrgUnit unit) {
        if (unit.getKind() == OrgUnitKind.COUNTY) {
            return java.util.Optional.of(unit);
        }
        List<Long> ancestorIds = java.util.Arrays.stream(unit.getPath().split("/")).filter(s -> !s.isEmpty())
                .map(Long::valueOf).toList();
        return units.findAllById(ancestorIds).stream().filter(u -> u.getKind() == OrgUnitKind.COUNTY)
                .max(Comparator.comparingInt(u -> u.getPath().length()));
    }

    /**
     * Puts a new city or province at the top of the tree, above the present root (which becomes its
     * first child, its subtree's paths rewritten as by {@link #move}). Only a caller whose scope is the
     * whole tree and who administers the system may do it: the new root lies outside every scope until
     * then. Administrators of the former root follow it up (the account module listens to
     * {@link OrgRootAdded}), so that the whole tree still has its administrators.
     */
    @Transactional
    public OrgUnit addRootAbove(DataScope scope, OrgUnitKind kind, String name, String code) {
        Instant now = clock.instant();
        requireWritable(scope);
        scope.require(Permission.SYSTEM_ADMIN);
        OrgUnit former = root().orElseThrow(() -> new IllegalStateException("no org tree yet"));
        if (former.getId() != scope.unitId()) {
            throw new RuleViolationException("org.unit.rootAbove.notWholeTree");
        }
        if (kind == null || !kind.mayContain(former.getKind())) {
            throw new RuleViolationException("org.unit.rootAbove.badKind", former.getName());
        }
        String cleanName = clean(name);
        if (cleanName == null) {
            throw new RuleViolationException("org.unit.name.required");
        }
        String cleanCode = clean(code);
        checkUniqueCode(cleanCode, -1L);
        OrgUnit top = new OrgUnit(null, kind, cleanName, now);
        top.describe(cleanName, cleanCode, null, 0, now);
        units.saveAndFlush(top);
        top.placeUnder(null, now);
        String oldPrefix = former.getPath();
        List<OrgUnit> below = units.findSubtree(oldPrefix);
        former.placeUnder(top, now);
        String newPrefix = former.getPath();
        for (OrgUnit descendant : below) {
            if (!Objects.equals(descendant.getId(), former.getId())) {
                descendant.rebase(oldPrefix, newPrefix, now);
            }
        }
        units.flush();
        events.publishEvent(new OrgUnitMoved(former.getId(), oldPrefix, newPrefix));
        events.publishEvent(new OrgRootAdded(former.getId(), top.getId()));
        return top;
    }

    /** Creates the county at the root of an empty tree: for start-up (first admin, demo data) only. */
    @Transactional
    public OrgUnit createRoot(String name) {
        Instant now = clock.instant();
        if (units.findByParentIdIsNull().isPresent()) {
            throw new RuleViolationException("org.unit.rootExists");
        }
        OrgUnit unit = new OrgUnit(null, OrgUnitKind.COUNTY, name, now);
        units.saveAndFlush(unit);
        unit.placeUnder(null, now);
        return unit;
    }

    @Transactional(readOnly = true)
    /**
     * The registered population (户籍人口) of a unit: its own figure where one is entered, otherwise the
     * sum over its active villages and communities; 0 when neither is known. One rule for every figure
     * that divides by population (volunteer coverage, hours per resident).
     */
    public long registeredPopulation(OrgUnit unit) {
        Integer own = unit.getRegisteredPopulation();
        if (own != null && own > 0) {
            return own;
        }
        return units.sumVillagePopulation(unit.getPath());
    }

    /**
     * {@link #registeredPopulation} of many units by their ids, with one query for all those without a
     * figure of their own (the villages below their longest common path prefix): a county's ranking
     * asks for every township at once.
     */
    @Transactional(readOnly = true)
    public java.util.Map<Long, Long> registeredPopulations(java.util.Collection<OrgUnit> wanted) {
        java.util.Map<Long, Long> found = new java.util.HashMap<>();
        List<OrgUnit> summed = new java.util.ArrayList<>();
        for (OrgUnit unit : wanted) {
            Integer own = unit.getRegisteredPopulation();
            if (own != null && own > 0) {
                found.put(unit.getId(), (long) own);
            } else {
                found.put(unit.getId(), 0L);
                summed.add(unit);
            }
        }
        if (summed.isEmpty()) {
            return found;
        }
        String prefix = summed.get(0).getPath();
        for (OrgUnit unit : summed) {
            int i = 0;
            while (i < prefix.length() && i < unit.getPath().length() && prefix.charAt(i) == unit.getPath().charAt(i)) {
                i++;
            }
            prefix = prefix.substring(0, i);
        }
        for (Object[] village : units.villagePopulations(prefix)) {
            String path = (String) village[0];
            long population = ((Number) village[1]).longValue();
            for (OrgUnit unit : summed) {
                if (path.startsWith(unit.getPath())) {
                    found.merge(unit.getId(), population, Long::sum);
                }
            }
        }
        return found;
    }

    /**
     * The paths of the units with these ids, in one query; ids that do not exist are absent. For
     * modules that keep a unit's path beside their records; a path is only ids and reveals nothing.
     */
    @Transactional(readOnly = true)
    public java.util.Map<Long, String> paths(java.util.Collection<Long> ids) {
        return byId(ids, OrgUnit::getPath);
    }

    /** The units in scope at these paths (a figure names its unit by path), in one query; others are absent. */
    @Transactional(readOnly = true)
    public java.util.Map<String, OrgUnit> atPaths(DataScope scope, java.util.Collection<String> paths) {
        java.util.Map<String, OrgUnit> found = new java.util.HashMap<>();
        if (!paths.isEmpty()) {
            units.findByPathIn(java.util.Set.copyOf(paths)).stream().filter(u -> scope.covers(u.getPath()))
                    .forEach(u -> found.put(u.getPath(), u));
        }
        return found;
    }

    /** The names of the units with these ids, in one query; for lists of records that name their unit. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, String> names(java.util.Collection<Long> ids) {
        return byId(ids, OrgUnit::getName);
    }

    private java.util.Map<Long, String> byId(java.util.Collection<Long> ids, java.util.function.Function<OrgUnit, String> value) {
        java.util.Map<Long, String> found = new java.util.HashMap<>();
        getAllUnchecked(ids).forEach((id, unit) -> found.put(id, value.apply(unit)));
        return found;
    }

    /** The active villages (村 / 社区) of the subtree with this path: their ids and paths. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, String> activeVillages(String path) {
        java.util.Map<Long, String> villages = new java.util.LinkedHashMap<>();
        units.activeVillagePaths(path).forEach(row -> villages.put((Long) row[0], (String) row[1]));
        return villages;
    }

    public java.util.Optional<OrgUnit> root() {
        return units.findByParentIdIsNull();
    }

    /**
     * A full-rights scope over the whole tree for a job the system runs itself (demo data, findings
     * raised from red indicators), named for the job so that what it records says who did it. It is
     * never the scope of a request: pages and API calls get the signed-in user's scope from the
     * account module only (ScopeSourcesTest).
     */
    public DataScope systemScope(String job) {
        return DataScope.system(root().orElseThrow(() -> new IllegalStateException("no org tree yet")), job, true);
    }

    /** A read-only scope over the whole tree, for reads that are not on a user's behalf (names, letters due). */
    public DataScope systemReader(String purpose) {
        return DataScope.system(root().orElseThrow(() -> new IllegalStateException("no org tree yet")), purpose, false);
    }

    /** Creates a unit below a parent in scope; the parent must be active and may contain the kind. */
    @Transactional
    public OrgUnit create(DataScope scope, OrgUnitCommand command) {
        Instant now = clock.instant();
        requireWritable(scope);
        OrgUnit parent = command.parentId() == null ? null : get(scope, command.parentId());
        String name = clean(command.name());
        String code = clean(command.code());
        if (parent == null) {
            if (units.findByParentIdIsNull().isPresent()) {
                throw new RuleViolationException("org.unit.rootExists");
            }
        } else {
            checkPlacement(parent, command.kind());
            checkUniqueName(parent.getId(), name, -1L);
        }
        checkUniqueCode(code, -1L);
        checkPopulation(command.registeredPopulation());
        OrgUnit unit = new OrgUnit(parent == null ? null : parent.getId(), command.kind(), name, now);
        unit.describe(name, code, command.registeredPopulation(), command.sortOrder(), now);
        units.saveAndFlush(unit);
        unit.placeUnder(parent, now);
        return unit;
    }

    /**
     * Renames a unit and changes its code, population and sort order. The parent and kind of the
     * command are ignored: a unit changes place only by {@link #move}, and its kind never changes.
     */
    @Transactional
    public OrgUnit update(DataScope scope, long id, OrgUnitCommand command, Long expectedVersion) {
        requireWritable(scope);
        OrgUnit unit = get(scope, id);
        StaleEditException.check(expectedVersion, unit.getVersion(), () -> "名称“" + unit.getName() + "”"
                + (unit.getCode() == null ? "" : "，代码 " + unit.getCode())
                + (unit.getRegisteredPopulation() == null ? "" : "，户籍人口 " + unit.getRegisteredPopulation()));
        String name = clean(command.name());
        String code = clean(command.code());
        checkUniqueName(unit.getParentId(), name, id);
        checkUniqueCode(code, id);
        checkPopulation(command.registeredPopulation());
        if (unit.getId() == scope.unitId() && !scope.may(Permission.COUNTY_OVERSEE)
                && !java.util.Objects.equals(unit.getRegisteredPopulation(), command.registeredPopulation())) {
            // a unit's own population is the denominator of its per-resident figures: set from above
            throw new RuleViolationException("org.unit.population.fromAbove");
        }
        unit.describe(name, code, command.registeredPopulation(), command.sortOrder(), clock.instant());
        return unit;
    }

    /** Moves a unit (with its subtree) below another parent; both must be in scope. */
    @Transactional
    public OrgUnit move(DataScope scope, long id, long newParentId) {
        Instant now = clock.instant();
        requireWritable(scope);
        OrgUnit unit = get(scope, id);
        OrgUnit parent = get(scope, newParentId);
        if (unit.getId().equals(scope.unitId())) {
            throw new RuleViolationException("org.unit.moveOwnRoot");
        }
        if (unit.contains(parent)) {
            throw new RuleViolationException("org.unit.moveIntoItself");
        }
        if (Objects.equals(unit.getParentId(), parent.getId())) {
            return unit;
        }
        checkPlacement(parent, unit.getKind());
        checkUniqueName(parent.getId(), unit.getName(), unit.getId());
        String oldPrefix = unit.getPath();
        List<OrgUnit> below = units.findSubtree(oldPrefix);
        unit.placeUnder(parent, now);
        String newPrefix = unit.getPath();
        for (OrgUnit descendant : below) {
            if (!Objects.equals(descendant.getId(), unit.getId())) {
                descendant.rebase(oldPrefix, newPrefix, now);
            }
        }
        events.publishEvent(new OrgUnitMoved(unit.getId(), oldPrefix, newPrefix));
        return unit;
    }

    @Transactional
    public OrgUnit setActive(DataScope scope, long id, boolean active) {
        requireWritable(scope);
        OrgUnit unit = get(scope, id);
        if (!active && unit.getId().equals(scope.unitId())) {
            throw new RuleViolationException("org.unit.deactivateOwn");
        }
        // An active unit always has an active parent, so that nobody works in a unit hidden below a closed one.
        if (!active && units.existsByParentIdAndActiveTrue(id)) {
            throw new RuleViolationException("org.unit.deactivateHasActiveChildren", unit.getName());
        }
        if (active && unit.getParentId() != null && !units.findById(unit.getParentId()).map(OrgUnit::isActive).orElse(true)) {
            throw new RuleViolationException("org.unit.parentInactive");
        }
        unit.setActive(active, clock.instant());
        return unit;
    }

    /** Deletes a unit that has no children and no records; anything else is refused with the reason. */
    @Transactional
    public void delete(DataScope scope, long id) {
        requireWritable(scope);
        OrgUnit unit = get(scope, id);
        if (unit.getId().equals(scope.unitId())) {
            throw new RuleViolationException("org.unit.deleteOwn");
        }
        if (units.existsByParentId(id)) {
            throw new RuleViolationException("org.unit.deleteHasChildren", unit.getName());
        }
        if (people.existsByOrgUnitId(id) || posts.existsByOrgUnitId(id)) {
            throw new RuleViolationException("org.unit.deleteHasPeople", unit.getName());
        }
        try {
            units.delete(unit);
            units.flush();
        } catch (DataIntegrityViolationException e) {
            // Records of other modules (ledger, letters, accounts) reference the unit by foreign key.
            throw new RuleViolationException("org.unit.deleteHasRecords", unit.getName());
        }
    }

    private void checkPlacement(OrgUnit parent, OrgUnitKind kind) {
        if (!parent.isActive()) {
            throw new RuleViolationException("org.unit.parentInactive");
        }
        if (kind == null || !parent.getKind().mayContain(kind)) {
            throw new RuleViolationException("org.unit.badPlacement", parent.getName());
        }
    }

    private void checkUniqueName(Long parentId, String name, Long id) {
        if (parentId != null && units.existsByParentIdAndNameAndIdNot(parentId, name, id)) {
            throw new RuleViolationException("org.unit.duplicateName", name);
        }
    }

    private void checkUniqueCode(String code, Long id) {
        if (code != null && units.existsByCodeAndIdNot(code, id)) {
            throw new RuleViolationException("org.unit.duplicateCode", code);
        }
    }

    private static void checkPopulation(Integer population) {
        if (population != null && population < 0) {
            throw new RuleViolationException("org.unit.populationNegative");
        }
    }

    static String clean(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.strip();
    }

    static void requireWritable(DataScope scope) {
        scope.requireWritable();
    }
}
