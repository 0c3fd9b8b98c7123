package org.luoshi.responsibility;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnit;
import org.luoshi.org.Person;
import org.luoshi.org.PersonService;
import org.luoshi.org.Post;
import org.luoshi.org.PostService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The needs-attention list: seats and responsibilities whose post is vacant or changed holder
 * since they were last confirmed, across every township in scope.
 */
@Service
@Transactional(readOnly = true)
class AttentionService {

    private final GroupSeatRepository seats;
    private final LeadingGroupRepository groups;
    private final ResponsibilityRepository duties;
    private final PostService posts;
    private final PersonService people;
    private final Townships townships;

    AttentionService(GroupSeatRepository seats, LeadingGroupRepository groups, ResponsibilityRepository duties,
            PostService posts, PersonService people, Townships townships) {
        this.seats = seats;
        this.groups = groups;
        this.duties = duties;
        this.posts = posts;
        this.people = people;
        this.townships = townships;
    }

    /**
     * Seats and responsibilities of the townships in scope whose post has no current holder, or one
     * other than the holder confirmed last. The name of the holder confirmed last is shown only if
     * that person still belongs to the post's unit or the township (someone who has since moved
     * elsewhere is shown without a name). Posts and people come from the org module's batch calls.
     */
    public List<AttentionItem> items(DataScope scope) {
        Map<Long, OrgUnit> inScope = townships.inScope(scope).stream()
                .collect(Collectors.toMap(OrgUnit::getId, Function.identity()));
        if (inScope.isEmpty()) {
            return List.of();
        }
        List<Bound> bound = new ArrayList<>();
        Map<Long, Long> townshipOfGroup = groups.findByOrgUnitIdIn(inScope.keySet()).stream()
                .collect(Collectors.toMap(LeadingGroup::getId, LeadingGroup::getOrgUnitId));
        if (!townshipOfGroup.isEmpty()) {
            seats.findByGroupIdInAndRemovedOnIsNull(townshipOfGroup.keySet()).forEach(s -> bound.add(new Bound(AttentionItem.Subject.SEAT,
                    s.getId(), townshipOfGroup.get(s.getGroupId()), s.getSeatRole().name(), s.getPostId(),
                    s.getConfirmedHolderId(), s.getConfirmedAt())));
        }
        duties.findByOrgUnitIdIn(inScope.keySet()).forEach(d -> bound.add(new Bound(AttentionItem.Subject.DUTY, d.getId(),
                d.getOrgUnitId(), d.getKind().name(), d.getPostId(), d.getConfirmedHolderId(), d.getConfirmedAt())));
        List<Long> postIds = bound.stream().map(Bound::postId).distinct().toList();
        Map<Long, Post> postById = posts.byIds(scope, postIds);
        Map<Long, Person> holders = posts.currentHolders(postIds);
        Map<Long, Person> confirmed = people.byIds(scope, bound.stream().map(Bound::confirmedHolderId)
                .filter(java.util.Objects::nonNull).distinct().toList());
        List<AttentionItem> items = new ArrayList<>();
        for (Bound b : bound) {
            Post post = postById.get(b.postId());
            Person holder = holders.get(b.postId());
            if (post == null || (holder != null && holder.getId().equals(b.confirmedHolderId()))) {
                continue;
            }
            Person before = b.confirmedHolderId() == null ? null : confirmed.get(b.confirmedHolderId());
            boolean stillHere = before != null && (before.getOrgUnitId().equals(post.getOrgUnitId())
                    || before.getOrgUnitId().equals(b.townshipId()));
            items.add(new AttentionItem(b.subject(), b.id(), b.townshipId(), inScope.get(b.townshipId()).getName(), b.label(),
                    post.getTitle(), holder == null ? null : holder.getName(), stillHere ? before.getName() : null,
                    b.confirmedAt()));
        }
        items.sort(Comparator.comparing(AttentionItem::townshipName).thenComparing(AttentionItem::subject)
                .thenComparing(AttentionItem::postTitle));
        return items;
    }

    /** A seat or responsibility bound to a post, as this module stores it. */
    private record Bound(AttentionItem.Subject subject, long id, long townshipId, String label, long postId,
            Long confirmedHolderId, Instant confirmedAt) {
    }

    /**
     * One seat or responsibility to look at.
     *
     * @param label the seat role or responsibility kind, as the enum constant name
     * @param holderName who holds the post now; null when vacant
     * @param confirmedHolderName who held it when last confirmed, if known
     */
    public record AttentionItem(Subject subject, long id, long townshipId, String townshipName, String label,
            String postTitle, String holderName, String confirmedHolderName, Instant confirmedAt) {

        public enum Subject { SEAT, DUTY }

        public boolean vacant() {
            return holderName == null;
        }
    }
}
