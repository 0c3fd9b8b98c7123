package org.luoshi.responsibility;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
public class AttentionService {

    private final LeadingGroupRepository groups;
    private final GroupSeatRepository seats;
    private final ResponsibilityRepository duties;
    private final Townships townships;
    private final PostService posts;
    private final PersonService people;

    AttentionService(LeadingGroupRepository groups, GroupSeatRepository seats, ResponsibilityRepository duties,
            Townships townships, PostService posts, PersonService people) {
        this.groups = groups;
        this.seats = seats;
        this.duties = duties;
        this.townships = townships;
        this.posts = posts;
        this.people = people;
    }

    public List<AttentionItem> items(DataScope scope) {
        Map<Long, OrgUnit> inScope = townships.inScope(scope).stream()
                .collect(Collectors.toMap(OrgUnit::getId, Function.identity()));
        if (inScope.isEmpty()) {
            return List.of();
        }
        Map<Long, LeadingGroup> groupById = groups.findByOrgUnitIdIn(inScope.keySet()).stream()
                .collect(Collectors.toMap(LeadingGroup::getId, Function.identity()));
        List<GroupSeat> allSeats = groupById.isEmpty() ? List.of() : seats.findByGroupIdIn(groupById.keySet());
        List<Responsibility> allDuties = duties.findByOrgUnitIdIn(inScope.keySet());
        List<Long> postIds = new ArrayList<>();
        allSeats.forEach(s -> postIds.add(s.getPostId()));
        allDuties.forEach(d -> postIds.add(d.getPostId()));
        Map<Long, Person> holders = posts.currentHolders(postIds);
        Names names = new Names(scope);
        List<AttentionItem> items = new ArrayList<>();
        for (GroupSeat seat : allSeats) {
            Person holder = holders.get(seat.getPostId());
            if (LeadingGroupService.needsAttention(holder, seat.getConfirmedHolderId())) {
                OrgUnit township = inScope.get(groupById.get(seat.getGroupId()).getOrgUnitId());
                items.add(item(AttentionItem.Subject.SEAT, seat.getId(), township, seat.getSeatRole().name(),
                        seat.getPostId(), holder, seat.getConfirmedHolderId(), seat.getConfirmedAt(), scope, names));
            }
        }
        for (Responsibility duty : allDuties) {
            Person holder = holders.get(duty.getPostId());
            if (LeadingGroupService.needsAttention(holder, duty.getConfirmedHolderId())) {
                items.add(item(AttentionItem.Subject.DUTY, duty.getId(), inScope.get(duty.getOrgUnitId()),
                        duty.getKind().name(), duty.getPostId(), holder, duty.getConfirmedHolderId(),
                        duty.getConfirmedAt(), scope, names));
            }
        }
        items.sort(Comparator.comparing(AttentionItem::townshipName).thenComparing(AttentionItem::subject)
                .thenComparing(AttentionItem::postTitle));
        return items;
    }

    private AttentionItem item(AttentionItem.Subject subject, long id, OrgUnit township, String label, long postId,
            Person holder, Long confirmedHolderId, Instant confirmedAt, DataScope scope, Names names) {
        Post post = posts.get(scope, postId);
        return new AttentionItem(subject, id, township.getId(), township.getName(), label, post.getTitle(),
                holder == null ? null : holder.getName(), names.of(post.getOrgUnitId(), township.getId(), confirmedHolderId),
                confirmedAt);
    }

    /**
     * Names of previously confirmed holders, looked up among the people of the post's unit and the
     * township; someone who has since moved out of scope is shown without a name.
     */
    private final class Names {
        private final DataScope scope;
        private final Map<Long, Map<Long, String>> byUnit = new HashMap<>();

        Names(DataScope scope) {
            this.scope = scope;
        }

        String of(long postUnitId, long townshipId, Long personId) {
            if (personId == null) {
                return null;
            }
            String name = unit(postUnitId).get(personId);
            return name != null ? name : unit(townshipId).get(personId);
        }

        private Map<Long, String> unit(long unitId) {
            return byUnit.computeIfAbsent(unitId, id -> people.peopleOf(scope, id).stream()
                    .collect(Collectors.toMap(Person::getId, Person::getName)));
        }
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

        /** The day of the last confirmation, in the township's time zone. */
        public java.time.LocalDate confirmedOn() {
            return confirmedAt == null ? null : java.time.LocalDate.ofInstant(confirmedAt, Townships.ZONE);
        }

        public enum Subject { SEAT, DUTY }

        public boolean vacant() {
            return holderName == null;
        }
    }
}
