package org.luoshi.org;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.luoshi.web.NotFoundException;
import org.luoshi.web.RuleViolationException;
import org.luoshi.web.StaleEditException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** People of the org units in scope. */
@Service
@Transactional(readOnly = true)
public class PersonService {

    private final PersonRepository people;
    private final PostHoldingRepository holdings;
    private final OrgUnitService units;
    private final Clock clock;

    PersonService(PersonRepository people, PostHoldingRepository holdings, OrgUnitService units, Clock clock) {
        this.clock = clock;
        this.people = people;
        this.holdings = holdings;
        this.units = units;
    }

    /** The person, if their unit is in scope; otherwise 404. */
    public Person get(DataScope scope, long personId) {
        Person person = people.findById(personId).orElseThrow(() -> new NotFoundException("Person", personId));
        if (!units.getUnchecked(person.getOrgUnitId()).getPath().startsWith(scope.unitPath())) {
            throw new NotFoundException("Person", personId);
        }
        return person;
    }

    /**
     * A person's name without a scope: shown as the one who recorded, scored or acted on something the
     * viewer may already open (the viewer sees that a person did it, never the person's record).
     */
    public java.util.Optional<String> nameOf(long personId) {
        return people.findById(personId).map(Person::getName);
    }

    public List<Person> peopleOf(DataScope scope, long unitId) {
        units.get(scope, unitId);
        return people.findByOrgUnitIdOrderByName(unitId);
    }

    /** People in scope whose name contains the text, by name, at most {@code limit}: the header's search. */
    public List<Person> search(DataScope scope, String text, int limit) {
        String escaped = text.strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_");
        return people.searchByName(scope.pathPattern(), "%" + escaped + "%",
                org.springframework.data.domain.PageRequest.of(0, Math.max(1, limit)));
    }

    /** One page of a unit's people, by name. */
    public Page<Person> peopleOf(DataScope scope, long unitId, Pageable pageable) {
        units.get(scope, unitId);
        return people.findByOrgUnitIdOrderByNameAscIdAsc(unitId, pageable);
    }

    /** The posts a person held and holds, newest first. */
    public List<PostHolding> postsHeld(DataScope scope, long personId) {
        get(scope, personId);
        return holdings.findByPersonIdOrderByStartDateDesc(personId);
    }

    /**
     * Who may be put into a post of this unit: the active people of the unit and of the units
     * above it, as far up as the scope reaches (a township cadre may head its 文化站).
     */
    public List<Person> candidatesFor(DataScope scope, long unitId) {
        OrgUnit unit = units.get(scope, unitId);
        List<Long> chain = unitChainInScope(scope, unit);
        return people.findByOrgUnitIdInAndActiveTrueOrderByName(chain);
    }

    /** Ids of the unit and its ancestors that lie in scope, from the scope's unit down. */
    static List<Long> unitChainInScope(DataScope scope, OrgUnit unit) {
        String below = unit.getPath().substring(scope.unitPath().length());
        List<Long> chain = new java.util.ArrayList<>();
        chain.add(scope.unitId());
        for (String id : below.split("/")) {
            if (!id.isEmpty()) {
                chain.add(Long.valueOf(id));
            }
        }
        return chain;
    }

    /** Kept for callers that pass the gender as text (MALE, FEMALE or null). */
    @Transactional
    public Person create(DataScope scope, long unitId, String name, String gender, String phone, String note) {
        return create(scope, new PersonCommand(unitId, name, Gender.parse(gender), phone, note));
    }

    @Transactional
    public Person create(DataScope scope, PersonCommand command) {
        scope.requireWritable();
        OrgUnit unit = units.get(scope, command.unitId());
        if (!unit.isActive()) {
            throw new RuleViolationException("org.person.unitInactive", unit.getName());
        }
        String name = OrgUnitService.clean(command.name());
        Person person = new Person(unit.getId(), name, clock.instant());
        describe(person, command);
        return people.save(person);
    }

    /** Changes a person's details; a changed unit moves them, unless they hold a post at the moment. */
    @Transactional
    public Person update(DataScope scope, long personId, PersonCommand command, Long expectedVersion) {
        scope.requireWritable();
        Person person = get(scope, personId);
        StaleEditException.check(expectedVersion, person.getVersion(), () -> "姓名“" + person.getName() + "”"
                + (person.getPhone() == null ? "" : "，电话 " + person.getPhone())
                + (person.getNote() == null ? "" : "，备注“" + person.getNote() + "”"));
        if (command.unitId() != person.getOrgUnitId()) {
            OrgUnit target = units.get(scope, command.unitId());
            if (!target.isActive()) {
                throw new RuleViolationException("org.person.unitInactive", target.getName());
            }
            if (!holdings.findByPersonIdAndEndDateIsNull(personId).isEmpty()) {
                throw new RuleViolationException("org.person.moveHoldsPost", person.getName());
            }
            person.moveTo(target.getId(), clock.instant());
        }
        describe(person, command);
        return person;
    }

    /** Deactivates (e.g. after retirement or transfer) or reactivates a person; history stays. */
    @Transactional
    public Person setActive(DataScope scope, long personId, boolean active) {
        scope.requireWritable();
        Person person = get(scope, personId);
        if (!active && !holdings.findByPersonIdAndEndDateIsNull(personId).isEmpty()) {
            throw new RuleViolationException("org.person.deactivateHoldsPost", person.getName());
        }
        person.setActive(active, clock.instant());
        return person;
    }

    /** People by id without a scope check, for showing who held a post (they may sit above the viewer's unit). */
    Map<Long, Person> byIds(Collection<Long> ids) {
        return people.findAllById(ids).stream().collect(Collectors.toMap(Person::getId, Function.identity()));
    }

    /** People by id, those of units in scope only (one query for their units). */
    public Map<Long, Person> byIds(DataScope scope, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return units.inScope(scope, people.findAllById(ids), Person::getOrgUnitId).stream()
                .collect(Collectors.toMap(Person::getId, Function.identity()));
    }

    private void describe(Person person, PersonCommand command) {
        person.describe(OrgUnitService.clean(command.name()),
                command.gender() == null ? null : command.gender().name(),
                OrgUnitService.clean(command.phone()), OrgUnitService.clean(command.note()), clock.instant());
    }
}
