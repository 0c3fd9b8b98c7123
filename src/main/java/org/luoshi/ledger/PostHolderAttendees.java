package org.luoshi.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.Person;
import org.luoshi.org.Post;
import org.luoshi.org.PostService;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The default attendees: whoever holds a post in the unit today, in post order. */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class PostHolderAttendees implements AttendeeSuggestions {

    private final PostService posts;

    PostHolderAttendees(PostService posts) {
        this.posts = posts;
    }

    @Override
    public List<Person> suggest(DataScope scope, OrgUnit unit, RecordKind kind) {
        List<Post> held = posts.postsOf(scope, unit.getId()).stream().filter(Post::isActive).toList();
        Map<Long, Person> holders = posts.currentHolders(held.stream().map(Post::getId).toList());
        List<Person> people = new ArrayList<>();
        for (Post post : held) {
            Person person = holders.get(post.getId());
            if (person != null && people.stream().noneMatch(p -> p.getId().equals(person.getId()))) {
                people.add(person);
            }
        }
        return people;
    }
}
