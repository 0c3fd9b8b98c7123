package org.luoshi.org;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.luoshi.web.NotFoundException;
import org.luoshi.web.RuleViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts and who holds them. Seats and responsibilities bind to posts; this service answers who
 * holds a post now, and keeps the history when the holder changes.
 */
@Service
@Transactional(readOnly = true)
public class PostService {

    private final PostRepository posts;
    private final PostHoldingRepository holdings;
    private final PersonRepository people;
    private final OrgUnitService units;

    PostService(PostRepository posts, PostHoldingRepository holdings, PersonRepository people, OrgUnitService units) {
        this.posts = posts;
        this.holdings = holdings;
        this.people = people;
        this.units = units;
    }

    /** The post, if its unit is in scope; otherwise 404. */
    public Post get(DataScope scope, long postId) {
        Post post = posts.findById(postId).orElseThrow(() -> new NotFoundException("Post", postId));
        units.get(scope, post.getOrgUnitId());
        return post;
    }

    public List<Post> postsOf(DataScope scope, long unitId) {
        units.get(scope, unitId);
        return posts.findByOrgUnitIdOrderBySortOrderAscIdAsc(unitId);
    }

    /** The person holding the post today, if anyone. */
    public Optional<Person> currentHolder(long postId) {
        return holdings.findByPostIdAndEndDateIsNull(postId).flatMap(h -> people.findById(h.getPersonId()));
    }

    /** Current holders of many posts at once (post id → person); vacant posts are absent. */
    public Map<Long, Person> currentHolders(Collection<Long> postIds) {
        if (postIds.isEmpty()) {
            return Map.of();
        }
        List<PostHolding> open = holdings.findByPostIdInAndEndDateIsNull(postIds);
        Map<Long, Person> byId = people.findAllById(open.stream().map(PostHolding::getPersonId).toList()).stream()
                .collect(Collectors.toMap(Person::getId, Function.identity()));
        return open.stream().filter(h -> byId.containsKey(h.getPersonId()))
                .collect(Collectors.toMap(PostHolding::getPostId, h -> byId.get(h.getPersonId())));
    }

    public List<PostHolding> history(DataScope scope, long postId) {
        get(scope, postId);
        return holdings.findByPostIdOrderByStartDateDesc(postId);
    }

    @Transactional
    public Post create(DataScope scope, long unitId, String title, PostKind kind, int sortOrder) {
        OrgUnitService.requireWritable(scope);
        units.get(scope, unitId);
        return posts.save(new Post(unitId, title, kind, sortOrder));
    }

    /**
     * Puts a person into a post from a date: the previous holder's term ends the day before.
     * The person must belong to the post's unit or a unit above it in scope.
     */
    @Transactional
    public PostHolding assign(DataScope scope, long postId, long personId, LocalDate from) {
        OrgUnitService.requireWritable(scope);
        Post post = get(scope, postId);
        Person person = people.findById(personId).orElseThrow(() -> new NotFoundException("Person", personId));
        units.get(scope, person.getOrgUnitId());
        Optional<PostHolding> current = holdings.findByPostIdAndEndDateIsNull(post.getId());
        if (current.isPresent()) {
            PostHolding holding = current.get();
            if (holding.getPersonId().equals(personId)) {
                throw new RuleViolationException("org.post.alreadyHolds", person.getName());
            }
            if (!from.isAfter(holding.getStartDate())) {
                throw new RuleViolationException("org.post.startBeforeCurrent", holding.getStartDate());
            }
            holding.end(from.minusDays(1));
        }
        return holdings.save(new PostHolding(post.getId(), person.getId(), from));
    }

    /** Ends the current holder's term, leaving the post vacant. */
    @Transactional
    public void vacate(DataScope scope, long postId, LocalDate lastDay) {
        OrgUnitService.requireWritable(scope);
        get(scope, postId);
        holdings.findByPostIdAndEndDateIsNull(postId).ifPresent(h -> {
            if (lastDay.isBefore(h.getStartDate())) {
                throw new RuleViolationException("org.post.endBeforeStart", h.getStartDate());
            }
            h.end(lastDay);
        });
    }
}
