package org.luoshi.responsibility;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.Person;
import org.luoshi.org.Post;
import org.luoshi.org.PostService;
import org.luoshi.web.NotFoundException;
import org.luoshi.web.RuleViolationException;
import org.luoshi.web.StaleEditException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 第一责任人, 直接责任人 and 一岗双责 of each township, bound to posts. Like seats, they follow the
 * post's holder and need confirming when the holder changes.
 */
@Service
@Transactional(readOnly = true)
public class ResponsibilityService {

    private final ResponsibilityRepository duties;
    private final Townships townships;
    private final PostService posts;
    private final Clock clock;

    ResponsibilityService(ResponsibilityRepository duties, Townships townships, PostService posts, Clock clock) {
        this.clock = clock;
        this.duties = duties;
        this.townships = townships;
        this.posts = posts;
    }

    /** The township's responsibilities, primary first, each with the post's current holder. */
    public List<DutyView> list(DataScope scope, long townshipId) {
        townships.get(scope, townshipId);
        List<Responsibility> all = duties.findByOrgUnitId(townshipId);
        Map<Long, Person> holders = posts.currentHolders(all.stream().map(Responsibility::getPostId).toList());
        return all.stream().map(d -> {
            Post post = townships.post(scope, d.getPostId());
            return view(d, post, holders.get(d.getPostId()));
        }).sorted(Comparator.comparing(DutyView::kind).thenComparing(DutyView::postSortOrder).thenComparing(DutyView::id))
                .toList();
    }

    public DutyView get(DataScope scope, long id) {
        Responsibility duty = find(scope, id);
        return view(duty, townships.post(scope, duty.getPostId()), posts.currentHolder(duty.getPostId()).orElse(null));
    }

    @Transactional
    public long create(DataScope scope, DutyCommand command) {
        Instant now = clock.instant();
        scope.requireWritable();
        OrgUnit township = townships.get(scope, command.townshipId());
        townships.postWithin(scope, township, command.postId());
        checkRules(township.getId(), null, command);
        Responsibility duty = new Responsibility(township.getId(), command.kind(), command.postId(), command.scope(), now);
        duty.confirm(holderId(command.postId()), now);
        return duties.save(duty).getId();
    }

    /** Changes kind, post or scope text; the township of a responsibility does not change. */
    @Transactional
    public void update(DataScope scope, long id, DutyCommand command, Long expectedVersion) {
        Instant now = clock.instant();
        scope.requireWritable();
        Responsibility duty = find(scope, id);
        StaleEditException.check(expectedVersion, duty.getVersion(), () -> "分工“"
                + (duty.getScope() == null ? "" : duty.getScope()) + "”");
        OrgUnit township = townships.get(scope, duty.getOrgUnitId());
        townships.postWithin(scope, township, command.postId());
        checkRules(township.getId(), id, command);
        boolean newPost = !duty.getPostId().equals(command.postId());
        duty.describe(command.kind(), command.postId(), command.scope(), now);
        if (newPost) {
            duty.confirm(holderId(command.postId()), now);
        }
    }

    @Transactional
    public void delete(DataScope scope, long id) {
        scope.requireWritable();
        duties.delete(find(scope, id));
    }

    @Transactional
    public void confirm(DataScope scope, long id) {
        scope.requireWritable();
        Responsibility duty = find(scope, id);
        duty.confirm(holderId(duty.getPostId()), clock.instant());
    }

    /** Confirms every responsibility of the township with its current holders. */
    @Transactional
    public void confirmAll(DataScope scope, long townshipId) {
        scope.requireWritable();
        townships.get(scope, townshipId);
        Instant now = clock.instant();
        duties.findByOrgUnitId(townshipId).forEach(d -> d.confirm(holderId(d.getPostId()), now));
    }

    private Responsibility find(DataScope scope, long id) {
        Responsibility duty = duties.findById(id).orElseThrow(() -> new NotFoundException("Responsibility", id));
        townships.get(scope, duty.getOrgUnitId());
        return duty;
    }

    private void checkRules(long townshipId, Long id, DutyCommand command) {
        List<Responsibility> others = duties.findByOrgUnitId(townshipId).stream().filter(d -> !d.getId().equals(id)).toList();
        if (command.kind() == ResponsibilityKind.PRIMARY
                && others.stream().anyMatch(d -> d.getKind() == ResponsibilityKind.PRIMARY)) {
            throw RuleViolationException.at("kind", "responsibility.duty.onePrimary");
        }
        if (others.stream().anyMatch(d -> d.getKind() == command.kind() && d.getPostId().equals(command.postId()))) {
            throw RuleViolationException.at("postId", "responsibility.duty.duplicate");
        }
    }

    private Long holderId(long postId) {
        return posts.currentHolder(postId).map(Person::getId).orElse(null);
    }

    private static DutyView view(Responsibility d, Post post, Person holder) {
        return new DutyView(d.getId(), d.getOrgUnitId(), d.getKind(), post.getId(), post.getTitle(), post.getSortOrder(),
                holder == null ? null : holder.getId(), holder == null ? null : holder.getName(), d.getScope(),
                d.getConfirmedAt(), LeadingGroupService.needsAttention(holder, d.getConfirmedHolderId()), d.getVersion());
    }

    public record DutyView(long id, long townshipId, ResponsibilityKind kind, long postId, String postTitle,
            int postSortOrder, Long holderId, String holderName, String scope, Instant confirmedAt,
            boolean needsAttention, long version) {
    }

    public record DutyCommand(long townshipId, ResponsibilityKind kind, long postId, String scope) {
    }
}
