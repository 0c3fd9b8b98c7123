package org.luoshi.org;

import java.util.List;
import org.luoshi.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** People of the org units in scope. */
@Service
@Transactional(readOnly = true)
public class PersonService {

    private final PersonRepository people;
    private final PostHoldingRepository holdings;
    private final OrgUnitService units;

    PersonService(PersonRepository people, PostHoldingRepository holdings, OrgUnitService units) {
        this.people = people;
        this.holdings = holdings;
        this.units = units;
    }

    /** The person, if their unit is in scope; otherwise 404. */
    public Person get(DataScope scope, long personId) {
        Person person = people.findById(personId).orElseThrow(() -> new NotFoundException("Person", personId));
        units.get(scope, person.getOrgUnitId());
        return person;
    }

    public List<Person> peopleOf(DataScope scope, long unitId) {
        units.get(scope, unitId);
        return people.findByOrgUnitIdOrderByName(unitId);
    }

    /** The posts a person held and holds, newest first. */
    public List<PostHolding> postsHeld(DataScope scope, long personId) {
        get(scope, personId);
        return holdings.findByPersonIdOrderByStartDateDesc(personId);
    }

    @Transactional
    public Person create(DataScope scope, long unitId, String name, String gender, String phone, String note) {
        scope.requireWritable();
        units.get(scope, unitId);
        Person person = new Person(unitId, name);
        person.describe(name, gender, phone, note);
        return people.save(person);
    }
}
