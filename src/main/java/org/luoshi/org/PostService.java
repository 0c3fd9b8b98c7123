package org.luoshi.org;

import java.time.Clock;
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
    private final Clock clock;

    PostService(PostRepository posts, PostHoldingRepository holdings, PersonRepository people, OrgUnitService units, Clock clock) {
        this.clock = clock;
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

    /** Posts by id, those in units in scope only (one query for their units). */
    public Map<Long, Post> byIds(DataScope scope, Collection<Long> postIds) {
        if (postIds.isEmpty()) {
            return Map.of();
        }
        return units.inScope(scope, posts.findAllById(postIds), Post::getOrgUnitId).stream()
                .collect(Collectors.toMap(Post::getId, Function.identity()));
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

    /**
     * Who held each post on a day (post id → person), in two queries: a report on a past year names
     * the holders at the end of that year, not today's. Vacant posts are absent.
     */
    public Map<Long, Person> holdersOn(Collection<Long> postIds, java.time.LocalDate day) {
        if (postIds.isEmpty()) {
            return Map.of();
        }
        List<PostHolding> held = holdings.findByPostIdIn(postIds).stream()
                .filter(h -> !h.getStartDate().isAfter(day) && (h.getEndDate() == null || !h.getEndDate().isBefore(day)))
                .toList();
        Map<Long, Person> byId = people.findAllById(held.stream().map(PostHolding::getPersonId).toList()).stream()
                .collect(Collectors.toMap(Person::getId, Function.identity()));
        return held.stream().filter(h -> byId.containsKey(h.getPersonId()))
                .collect(Collectors.toMap(PostHolding::getPostId, h -> byId.get(h.getPersonId()), (a, b) -> b));
    }

    public List<PostHolding> history(DataScope scope, long postId) {
        get(scope, postId);
        return holdings.findByPostIdOrderByStartDateDesc(postId);
    }

    @Transactional
    public Post create(DataScope scope, long unitId, String title, PostKind kind, int sortOrder) {
        OrgUnitService.requireWritable(scope);
        OrgUnit unit = units.get(scope, unitId);
        if (!unit.isActive()) {
            throw new RuleViolationException("org.post.unitInactive", unit.getName());
        }
        return posts.save(new Post(unitId, OrgUnitService.clean(title), kind, sortOrder, clock.instant()));
    }

    /** Renames a post or changes its kind; the holders and their history stay. */
    @Transactional
    public Post update(DataScope scope, long postId, String title, PostKind kind, int sortOrder, Long expectedVersion) {
        OrgUnitService.requireWritable(scope);
        Post post = get(scope, postId);
        org.luoshi.web.StaleEditException.check(expectedVersion, post.getVersion(), () -> "岗位名称“" + post.getTitle() + "”");
        post.describe(OrgUnitService.clean(title), kind, sortOrder, clock.instant());
        return post;
    }

    /** Deactivates a vacant post (it is abolished) or reactivates one; a held post must be vacated first. */
    @Transactional
    public Post setActive(DataScope scope, long postId, boolean active) {
        OrgUnitService.requireWritable(scope);
        Post post = get(scope, postId);
        if (!active && holdings.findByPostIdAndEndDateIsNull(postId).isPresent()) {
            throw new RuleViolationException("org.post.deactivateHeld", post.getTitle());
        }
        if (active && !units.getUnchecked(post.getOrgUnitId()).isActive()) {
            throw new RuleViolationException("org.post.unitInactive", units.getUnchecked(post.getOrgUnitId()).getName());
        }
        post.setActive(active, clock.instant());
        return post;
    }

    /**
     * Puts a person into a post from a date: the previous holder's term ends the day before.
     * The person must belong to the post's unit or a unit above it in scope, and the new term
     * must start after every earlier term, so that terms never overlap.
     */
    @Transactional
    public PostHolding assign(DataScope scope, long postId, long personId, LocalDate from) {
        OrgUnitService.requireWritable(scope);
        Post post = get(scope, postId);
        Person person = people.findById(personId).orElseThrow(() -> new NotFoundException("Person", personId));
        OrgUnit personUnit = units.get(scope, person.getOrgUnitId());
        if (!post.isActive()) {
            throw new RuleViolationException("org.post.inactive", post.getTitle());
        }
        if (!person.isActive()) {
            throw new RuleViolationException("org.post.personInactive", person.getName());
        }
        if (!personUnit.contains(units.getUnchecked(post.getOrgUnitId()))) {
            throw new RuleViolationException("org.post.personOutside", person.getName());
        }
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
        } else {
            Optional<PostHolding> last = holdings.findFirstByPostIdOrderByStartDateDesc(post.getId());
            if (last.isPresent() && !from.isAfter(last.get().getEndDate())) {
                throw new RuleViolationException("org.post.startBeforeLastEnd", last.get().getEndDate());
            }
        }
        return holdings.save(new PostHolding(post.getId(), person.getId(), from, clock.instant()));
    }

    /** Ends the current holder's term on its last day, leaving the post vacant. */
    @Transactional
    public PostHolding vacate(DataScope scope, long postId, LocalDate lastDay) {
        OrgUnitService.requireWritable(scope);
        Post post = get(scope, postId);
        PostHolding holding = holdings.findByPostIdAndEndDateIsNull(postId)
                .orElseThrow(() -> new RuleViolationException("org.post.vacant", post.getTitle()));
        if (lastDay.isBefore(holding.getStartDate())) {
            throw new RuleViolationException("org.post.endBeforeStart", holding.getStartDate());
        }
        holding.end(lastDay);
        return holding;
    }

    /** The posts each of these people holds today (person id → post titles), in two queries. */
    Map<Long, List<String>> currentTitles(Collection<Long> personIds) {
        if (personIds.isEmpty()) {
            return Map.of();
        }
        List<PostHolding> open = holdings.findByPersonIdInAndEndDateIsNull(personIds);
        Map<Long, Post> held = byIds(open.stream().map(PostHolding::getPostId).distinct().toList());
        return open.stream().filter(h -> held.containsKey(h.getPostId())).collect(Collectors.groupingBy(
                PostHolding::getPersonId, Collectors.mapping(h -> held.get(h.getPostId()).getTitle(), Collectors.toList())));
    }

    /** Posts by id without a scope check, for a person's history (a post may sit below their unit). */
    Map<Long, Post> byIds(Collection<Long> ids) {
        return posts.findAllById(ids).stream().collect(Collectors.toMap(Post::getId, Function.identity()));
    }
}
