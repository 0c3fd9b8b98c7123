package org.luoshi.report;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnitService;
import org.luoshi.org.Person;
import org.luoshi.org.PersonService;
import org.springframework.stereotype.Component;

/**
 * The proper nouns a report's traditional version keeps as written: a name converted is another name (秦杰 →
 * 秦傑), and a unit's or an outlet's name is what it is registered as. From the org module's services (never
 * its tables) and from the figures the version states, so that a name in an old version is kept even after
 * the person has left.
 */
@Component
class ProperNouns {

    /** The list figures whose entries are named by a person, a unit, an outlet or an account. */
    private static final List<FigureName> NAMED = List.of(FigureName.LEADING_GROUP_MEMBERS,
            FigureName.PRIMARY_RESPONSIBLE, FigureName.DIRECT_RESPONSIBLE, FigureName.MEDIA_OUTLETS,
            FigureName.OWN_ACCOUNTS, FigureName.LETTERS_UNSIGNED);

    private final OrgUnitService units;
    private final PersonService people;

    ProperNouns(OrgUnitService units, PersonService people) {
        this.units = units;
        this.people = people;
    }

    /**
     * The names of the report: the signing unit and the addressee; the units from the top of the tree down to
     * the township and all below it, with their people; and the people, outlets, accounts and units the
     * version's figures name.
     */
    Set<String> of(Report report, WordReport word) {
        Set<String> names = new LinkedHashSet<>();
        names.add(word.unitName());
        if (word.addressee() != null) {
            names.add(word.addressee());
        }
        // read on no user's behalf: the names are only kept from conversion, never shown beyond the report
        DataScope reader = units.systemReader("traditional-report-names");
        String path = units.getUnchecked(report.getOrgUnitId()).getPath();
        List<Long> around = units.unitIds(path, true);
        names.addAll(units.names(around).values());
        for (long unitId : around) {
            people.peopleOf(reader, unitId).stream().map(Person::getName).forEach(names::add);
        }
        for (FigureName figure : NAMED) {
            word.items().getOrDefault(figure.key(), List.of()).stream().map(ReportContent.Item::label)
                    .filter(label -> !label.startsWith("（")) // "（空缺）", a vacant post, is no name
                    .forEach(names::add);
        }
        names.removeIf(name -> name == null || name.isBlank());
        return names;
    }
}
