package org.luoshi.org;

import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Looks up demo units by name and creates fresh fixtures with unique names, so that tests never
 * depend on (or change) what other tests do to the shared demo data.
 */
@Component
class OrgFixtures {

    private final OrgUnitService units;
    private final PersonService people;
    private final PostService posts;

    OrgFixtures(OrgUnitService units, PersonService people, PostService posts) {
        this.units = units;
        this.people = people;
        this.posts = posts;
    }

    DataScope system() {
        return units.systemScope("test");
    }

    OrgUnit county() {
        return units.root().orElseThrow();
    }

    OrgUnit township(String name) {
        return units.ofKind(system(), OrgUnitKind.TOWNSHIP).stream().filter(u -> u.getName().equals(name)).findFirst()
                .orElseThrow();
    }

    OrgUnit child(OrgUnit parent, String name) {
        return units.children(system(), parent.getId()).stream().filter(u -> u.getName().equals(name)).findFirst()
                .orElseThrow();
    }

    Post firstPost(OrgUnit unit) {
        return posts.postsOf(system(), unit.getId()).get(0);
    }

    Person firstPerson(OrgUnit unit) {
        return people.peopleOf(system(), unit.getId()).get(0);
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    OrgUnit newUnit(OrgUnit parent, OrgUnitKind kind, String prefix) {
        return units.create(system(), new OrgUnitCommand(parent.getId(), kind, unique(prefix), null, 100, 50));
    }

    /** A fresh township below the county, so that moves and deletions touch nothing shared. */
    OrgUnit newTownship() {
        return newUnit(county(), OrgUnitKind.TOWNSHIP, "测试镇");
    }

    Person newPerson(OrgUnit unit) {
        return people.create(system(), new PersonCommand(unit.getId(), unique("人"), null, null, null));
    }

    Post newPost(OrgUnit unit) {
        return posts.create(system(), unit.getId(), unique("岗位"), PostKind.PROPAGANDA_OFFICER, 9);
    }
}
