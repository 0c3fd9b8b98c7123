package org.luoshi.responsibility;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.luoshi.account.AccessTokenService;
import org.luoshi.account.SignedInUser;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.luoshi.org.Person;
import org.luoshi.org.PersonService;
import org.luoshi.org.Post;
import org.luoshi.org.PostKind;
import org.luoshi.org.PostService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Demo units and accounts looked up by name, bearer tokens for the API, and posts and people of the
 * test's own. A plain object, not a bean, so that the shared test context stays the same for every test.
 */
class Fixtures {

    private final OrgUnitService units;
    private final PostService posts;
    private final PersonService people;
    private final UserDetailsService users;
    private final AccessTokenService tokens;
    private final Map<String, String> issued = new HashMap<>();

    Fixtures(OrgUnitService units, PostService posts, PersonService people, UserDetailsService users,
            AccessTokenService tokens) {
        this.units = units;
        this.posts = posts;
        this.people = people;
        this.users = users;
        this.tokens = tokens;
    }

    DataScope system() {
        return units.systemScope("test");
    }

    DataScope scopeOf(String username) {
        return ((SignedInUser) users.loadUserByUsername(username)).scope();
    }

    OrgUnit township(String name) {
        return units.ofKind(system(), OrgUnitKind.TOWNSHIP).stream().filter(u -> u.getName().equals(name)).findFirst()
                .orElseThrow();
    }

    OrgUnit unit(String township, String name) {
        return units.children(system(), township(township).getId()).stream().filter(u -> u.getName().equals(name))
                .findFirst().orElseThrow();
    }

    /** A post of the township with a unique title, held by a new person since a month ago. */
    Post heldPost(String township, String holderName) {
        long unitId = township(township).getId();
        Post post = posts.create(system(), unitId, "测试岗位" + unique(), PostKind.OTHER, 900);
        Person holder = people.create(system(), unitId, holderName, null, null, null);
        posts.assign(system(), post.getId(), holder.getId(), org.luoshi.TestClock.today().minusDays(30));
        return post;
    }

    Person handOver(Post post, String successorName) {
        Person successor = people.create(system(), post.getOrgUnitId(), successorName, null, null, null);
        posts.assign(system(), post.getId(), successor.getId(), org.luoshi.TestClock.today().minusDays(1));
        return successor;
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** {@code Authorization: Bearer …} for a demo account, as API clients send it. */
    RequestPostProcessor bearer(String username) {
        String token = issued.computeIfAbsent(username, u -> tokens.issue(
                ((SignedInUser) users.loadUserByUsername(u)).getAccountId(), "test-" + unique(), null).token());
        return request -> {
            request.addHeader("Authorization", "Bearer " + token);
            return request;
        };
    }
}
