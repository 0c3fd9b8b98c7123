package org.luoshi.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.web.NotFoundException;
import org.luoshi.web.RuleViolationException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

@LuoshiTest
@Import(OrgFixtures.class)
class PostServiceTest {

    static final LocalDate MARCH = LocalDate.of(2024, 3, 1);

    @Autowired
    PostService posts;

    @Autowired
    PersonService people;

    @Autowired
    OrgFixtures fx;

    static String rule(Throwable e) {
        return ((RuleViolationException) e).messageKey();
    }

    @Test
    void aNewHolderEndsThePreviousTermTheDayBeforeAndTheHistoryIsKept() {
        OrgUnit township = fx.newTownship();
        Post post = fx.newPost(township);
        Person first = fx.newPerson(township);
        Person second = fx.newPerson(township);

        posts.assign(fx.system(), post.getId(), first.getId(), MARCH);
        posts.assign(fx.system(), post.getId(), second.getId(), LocalDate.of(2025, 7, 15));

        List<PostHolding> history = posts.history(fx.system(), post.getId());
        assertThat(history).hasSize(2);
        assertThat(history.get(0).getPersonId()).isEqualTo(second.getId());
        assertThat(history.get(0).isCurrent()).isTrue();
        assertThat(history.get(1).getPersonId()).isEqualTo(first.getId());
        assertThat(history.get(1).getStartDate()).isEqualTo(MARCH);
        assertThat(history.get(1).getEndDate()).isEqualTo(LocalDate.of(2025, 7, 14));
        assertThat(posts.currentHolder(post.getId())).map(Person::getId).contains(second.getId());
        assertThat(people.postsHeld(fx.system(), first.getId())).extracting(PostHolding::getEndDate)
                .containsExactly(LocalDate.of(2025, 7, 14));
    }

    @Test
    void refusesATermThatStartsOnOrBeforeTheCurrentOne() {
        OrgUnit township = fx.newTownship();
        Post post = fx.newPost(township);
        Person first = fx.newPerson(township);
        Person second = fx.newPerson(township);
        posts.assign(fx.system(), post.getId(), first.getId(), MARCH);

        assertThatThrownBy(() -> posts.assign(fx.system(), post.getId(), second.getId(), MARCH.minusDays(1)))
                .satisfies(e -> assertThat(rule(e)).isEqualTo("org.post.startBeforeCurrent"));
        assertThatThrownBy(() -> posts.assign(fx.system(), post.getId(), second.getId(), MARCH))
                .satisfies(e -> assertThat(rule(e)).isEqualTo("org.post.startBeforeCurrent"));
        assertThatThrownBy(() -> posts.assign(fx.system(), post.getId(), first.getId(), MARCH.plusDays(3)))
                .satisfies(e -> assertThat(rule(e)).isEqualTo("org.post.alreadyHolds"));
        assertThat(posts.history(fx.system(), post.getId())).singleElement().satisfies(h -> {
            assertThat(h.getPersonId()).isEqualTo(first.getId());
            assertThat(h.isCurrent()).isTrue();
        });
    }

    @Test
    void aVacatedPostCanBeFilledOnlyAfterTheLastTermEnded() {
        OrgUnit township = fx.newTownship();
        Post post = fx.newPost(township);
        Person first = fx.newPerson(township);
        Person second = fx.newPerson(township);
        posts.assign(fx.system(), post.getId(), first.getId(), MARCH);
        assertThatThrownBy(() -> posts.vacate(fx.system(), post.getId(), MARCH.minusDays(1)))
                .satisfies(e -> assertThat(rule(e)).isEqualTo("org.post.endBeforeStart"));

        posts.vacate(fx.system(), post.getId(), MARCH.plusMonths(6));
        assertThat(posts.currentHolder(post.getId())).isEmpty();
        assertThatThrownBy(() -> posts.vacate(fx.system(), post.getId(), MARCH.plusMonths(7)))
                .satisfies(e -> assertThat(rule(e)).isEqualTo("org.post.vacant"));
        assertThatThrownBy(() -> posts.assign(fx.system(), post.getId(), second.getId(), MARCH.plusMonths(6)))
                .satisfies(e -> assertThat(rule(e)).isEqualTo("org.post.startBeforeLastEnd"));

        posts.assign(fx.system(), post.getId(), second.getId(), MARCH.plusMonths(6).plusDays(1));
        assertThat(posts.currentHolder(post.getId())).map(Person::getId).contains(second.getId());
    }

    @Test
    void aHolderComesFromThePostsUnitOrAUnitAboveIt() {
        OrgUnit township = fx.newTownship();
        OrgUnit station = fx.newUnit(township, OrgUnitKind.DEPARTMENT, "文化站");
        OrgUnit village = fx.newUnit(township, OrgUnitKind.VILLAGE, "村");
        Post head = fx.newPost(station);
        Person cadre = fx.newPerson(township);
        Person villager = fx.newPerson(village);

        assertThat(people.candidatesFor(fx.system(), station.getId())).extracting(Person::getId)
                .contains(cadre.getId()).doesNotContain(villager.getId());
        assertThatThrownBy(() -> posts.assign(fx.system(), head.getId(), villager.getId(), MARCH))
                .satisfies(e -> assertThat(rule(e)).isEqualTo("org.post.personOutside"));
        posts.assign(fx.system(), head.getId(), cadre.getId(), MARCH);
        assertThat(posts.currentHolder(head.getId())).map(Person::getId).contains(cadre.getId());
    }

    @Test
    void heldPostsAndTheirHoldersCannotBeDeactivatedUntilTheTermEnds() {
        OrgUnit township = fx.newTownship();
        Post post = fx.newPost(township);
        Person person = fx.newPerson(township);
        posts.assign(fx.system(), post.getId(), person.getId(), MARCH);

        assertThatThrownBy(() -> posts.setActive(fx.system(), post.getId(), false))
                .satisfies(e -> assertThat(rule(e)).isEqualTo("org.post.deactivateHeld"));
        assertThatThrownBy(() -> people.setActive(fx.system(), person.getId(), false))
                .satisfies(e -> assertThat(rule(e)).isEqualTo("org.person.deactivateHoldsPost"));
        assertThatThrownBy(() -> people.update(fx.system(), person.getId(),
                new PersonCommand(fx.newTownship().getId(), person.getName(), null, null, null), null))
                .satisfies(e -> assertThat(rule(e)).isEqualTo("org.person.moveHoldsPost"));

        posts.vacate(fx.system(), post.getId(), MARCH.plusDays(10));
        assertThat(posts.setActive(fx.system(), post.getId(), false).isActive()).isFalse();
        assertThat(people.setActive(fx.system(), person.getId(), false).isActive()).isFalse();
        Person other = fx.newPerson(township);
        assertThatThrownBy(() -> posts.assign(fx.system(), post.getId(), other.getId(), MARCH.plusMonths(1)))
                .satisfies(e -> assertThat(rule(e)).isEqualTo("org.post.inactive"));
    }

    @Test
    void peopleAndPostsOfAnotherTownshipAreNotFound() {
        OrgUnit mine = fx.newTownship();
        OrgUnit theirs = fx.newTownship();
        Post post = fx.newPost(theirs);
        Person person = fx.newPerson(theirs);
        DataScope officer = DataScope.ofUser("o", mine.getId(), mine.getPath(), true);
        assertThatThrownBy(() -> posts.get(officer, post.getId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> people.get(officer, person.getId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> people.peopleOf(officer, theirs.getId())).isInstanceOf(NotFoundException.class);
        Person mineToo = fx.newPerson(mine);
        assertThatThrownBy(() -> posts.assign(officer, post.getId(), mineToo.getId(), MARCH))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aPersonsDetailsAreTrimmedAndGenderIsStoredAsItsCode() {
        OrgUnit township = fx.newTownship();
        Person person = people.create(fx.system(),
                new PersonCommand(township.getId(), "  张三  ", Gender.FEMALE, " 13800001111 ", ""));
        assertThat(person.getName()).isEqualTo("张三");
        assertThat(person.getGender()).isEqualTo("FEMALE");
        assertThat(person.getPhone()).isEqualTo("13800001111");
        assertThat(person.getNote()).isNull();
    }
}
