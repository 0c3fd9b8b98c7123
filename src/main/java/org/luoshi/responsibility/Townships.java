package org.luoshi.responsibility;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.OrgUnitKind;
import org.luoshi.org.OrgUnitService;
import org.luoshi.org.Post;
import org.luoshi.org.PostService;
import org.luoshi.web.NotFoundException;
import org.luoshi.web.RuleViolationException;
import org.springframework.stereotype.Component;

/** The townships a user may look at and the posts a seat or responsibility of a township may bind to. */
@Component
class Townships {

    private final OrgUnitService units;
    private final PostService posts;
    private final Clock clock;

    Townships(OrgUnitService units, PostService posts, Clock clock) {
        this.clock = clock;
        this.units = units;
        this.posts = posts;
    }

    /** Today in the business zone: years and signing dates follow Beijing time, not the server's zone. */
    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** A township in scope; any other id (another township, a village, nothing) is 404. */
    OrgUnit get(DataScope scope, long townshipId) {
        OrgUnit unit = units.get(scope, townshipId);
        if (unit.getKind() != OrgUnitKind.TOWNSHIP) {
            throw new NotFoundException("Township", townshipId);
        }
        return unit;
    }

    List<OrgUnit> inScope(DataScope scope) {
        return units.ofKind(scope, OrgUnitKind.TOWNSHIP);
    }

    /** The requested township, or the first one in scope when none was asked for; empty for a village user. */
    Optional<OrgUnit> chosen(DataScope scope, Long requested) {
        if (requested != null) {
            return Optional.of(get(scope, requested));
        }
        return inScope(scope).stream().findFirst();
    }

    /** The posts of the township itself and of its departments (e.g. the 文化站站长), in listing order. */
    List<Post> postsOf(DataScope scope, OrgUnit township) {
        List<Post> result = new ArrayList<>(posts.postsOf(scope, township.getId()));
        for (OrgUnit child : units.children(scope, township.getId())) {
            if (child.getKind() == OrgUnitKind.DEPARTMENT && child.isActive()) {
                result.addAll(posts.postsOf(scope, child.getId()));
            }
        }
        return result;
    }

    /** A post in scope that belongs to the township or one of its units; a post elsewhere is refused. */
    Post postWithin(DataScope scope, OrgUnit township, long postId) {
        Post post = posts.get(scope, postId);
        OrgUnit unit = units.get(scope, post.getOrgUnitId());
        if (!township.contains(unit)) {
            throw new RuleViolationException("responsibility.post.outsideTownship", post.getTitle(), township.getName());
        }
        return post;
    }

    /** The posts a seat or responsibility of the township may bind to, labelled with their current holders. */
    List<PostOption> postOptions(DataScope scope, OrgUnit township) {
        List<Post> all = postsOf(scope, township);
        java.util.Map<Long, org.luoshi.org.Person> holders = posts.currentHolders(all.stream().map(Post::getId).toList());
        return all.stream().filter(Post::isActive).map(p -> new PostOption(p.getId(), p.getTitle(),
                holders.containsKey(p.getId()) ? holders.get(p.getId()).getName() : null)).toList();
    }

    record PostOption(long id, String title, String holderName) {
    }

    Post post(DataScope scope, long postId) {
        return posts.get(scope, postId);
    }
}
