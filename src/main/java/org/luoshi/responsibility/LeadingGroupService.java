package org.luoshi.responsibility;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 * 意识形态工作领导小组 of each township. Seats bind to posts, so a view always shows who holds the
 * post today; confirming records that holder, and a later change of holder shows up as needing attention.
 */
@Service
@Transactional(readOnly = true)
public class LeadingGroupService {

    /** Name given to a group created implicitly by adding its first seat. */
    static final String DEFAULT_NAME = "意识形态工作领导小组";

    private static final Comparator<GroupSeat> SEAT_ORDER = Comparator.comparing(GroupSeat::getSeatRole)
            .thenComparingInt(GroupSeat::getSortOrder).thenComparing(GroupSeat::getId);

    private final LeadingGroupRepository groups;
    private final GroupSeatRepository seats;
    private final Townships townships;
    private final PostService posts;
    private final Clock clock;

    LeadingGroupService(LeadingGroupRepository groups, GroupSeatRepository seats, Townships townships, PostService posts, Clock clock) {
        this.clock = clock;
        this.groups = groups;
        this.seats = seats;
        this.townships = townships;
        this.posts = posts;
    }

    /** The township's group with its seats in role order, each with the post's current holder. */
    public GroupView view(DataScope scope, long townshipId) {
        OrgUnit township = townships.get(scope, townshipId);
        Optional<LeadingGroup> group = groups.findByOrgUnitId(townshipId);
        if (group.isEmpty()) {
            return new GroupView(townshipId, township.getName(), null, null, null, null, List.of(), null);
        }
        List<GroupSeat> ordered = seats.findByGroupIdAndRemovedOnIsNull(group.get().getId()).stream().sorted(SEAT_ORDER).toList();
        Map<Long, Person> holders = posts.currentHolders(ordered.stream().map(GroupSeat::getPostId).toList());
        List<SeatView> views = ordered.stream().map(s -> {
            Post post = townships.post(scope, s.getPostId());
            Person holder = holders.get(s.getPostId());
            return new SeatView(s.getId(), s.getSeatRole(), post.getId(), post.getTitle(),
                    holder == null ? null : holder.getId(), holder == null ? null : holder.getName(), s.getDuty(),
                    s.getSortOrder(), s.getConfirmedAt(), needsAttention(holder, s.getConfirmedHolderId()), s.getVersion());
        }).toList();
        LeadingGroup g = group.get();
        return new GroupView(townshipId, township.getName(), g.getId(), g.getName(), g.getEstablishedOn(), g.getNote(), views,
                g.getVersion());
    }

    /**
     * The group as it stood at the end of a day, for reports of past years: the seats it had that day,
     * each with whoever held its post then (holderName null where the post was vacant).
     */
    public List<GroupMember> membersOn(DataScope scope, long townshipId, LocalDate day) {
        townships.get(scope, townshipId);
        Optional<LeadingGroup> group = groups.findByOrgUnitId(townshipId);
        if (group.isEmpty()) {
            return List.of();
        }
        List<GroupSeat> then = seats.findByGroupId(group.get().getId()).stream().filter(s -> s.heldOn(day))
                .sorted(SEAT_ORDER).toList();
        List<Long> postIds = then.stream().map(GroupSeat::getPostId).toList();
        Map<Long, Person> holders = posts.holdersOn(postIds, day);
        Map<Long, Post> seatPosts = posts.byIds(scope, postIds);
        return then.stream().map(s -> {
            Person holder = holders.get(s.getPostId());
            return new GroupMember(s.getSeatRole(), seatPosts.get(s.getPostId()).getTitle(),
                    holder == null ? null : holder.getName(), s.getDuty());
        }).toList();
    }

    public SeatView seat(DataScope scope, long townshipId, long seatId) {
        GroupSeat seat = seatOf(scope, townshipId, seatId);
        return view(scope, townshipId).seats().stream().filter(s -> s.id() == seat.getId()).findFirst()
                .orElseThrow(() -> new NotFoundException("GroupSeat", seatId));
    }

    @Transactional
    public void describe(DataScope scope, long townshipId, GroupDetails details, Long expectedVersion) {
        scope.requireWritable();
        OrgUnit township = townships.get(scope, townshipId);
        LeadingGroup group = ensureGroup(township);
        StaleEditException.check(expectedVersion, group.getVersion(), () -> "名称“" + group.getName() + "”"
                + (group.getEstablishedOn() == null ? "" : "，成立于 " + group.getEstablishedOn()));
        group.describe(details.name(), details.establishedOn(), details.note(), clock.instant());
    }

    /** Adds a seat; what the user saw when adding it counts as confirmed. */
    @Transactional
    public long addSeat(DataScope scope, long townshipId, SeatCommand command) {
        scope.requireWritable();
        OrgUnit township = townships.get(scope, townshipId);
        townships.postWithin(scope, township, command.postId());
        LeadingGroup group = ensureGroup(township);
        checkSeatRules(group, null, command);
        return seat(group.getId(), command, since(command));
    }

    private long seat(long groupId, SeatCommand command, LocalDate since) {
        GroupSeat seat = new GroupSeat(groupId, command.role(), command.postId(), command.duty(), command.sortOrder(),
                since);
        seat.confirm(holderId(command.postId()), clock.instant());
        return seats.save(seat).getId();
    }

    private LocalDate since(SeatCommand command) {
        return command.since() == null ? LocalDate.now(clock) : command.since();
    }

    /**
     * Changes a seat. Moving it to another post is a change of the group: the old seat leaves on the
     * command's day and a new one takes its place, so that earlier years keep the post they had. The
     * seat's id after the change is returned.
     */
    @Transactional
    public long updateSeat(DataScope scope, long townshipId, long seatId, SeatCommand command) {
        return updateSeat(scope, townshipId, seatId, command, null);
    }

    /**
     * As {@link #updateSeat(DataScope, long, long, SeatCommand)}, from the copy of version
     * {@code expectedVersion}: a seat saved by someone else since is refused ({@link StaleEditException});
     * null is not checked (an older API client).
     */
    @Transactional
    public long updateSeat(DataScope scope, long townshipId, long seatId, SeatCommand command, Long expectedVersion) {
        scope.requireWritable();
        GroupSeat seat = seatOf(scope, townshipId, seatId);
        StaleEditException.check(expectedVersion, seat.getVersion(), () -> "岗位“" + townships.post(scope, seat.getPostId()).getTitle() + "”，职责“"
                + (seat.getDuty() == null ? "" : seat.getDuty()) + "”");
        OrgUnit township = townships.get(scope, townshipId);
        townships.postWithin(scope, township, command.postId());
        checkSeatRules(groups.findByOrgUnitId(townshipId).orElseThrow(), seat.getId(), command);
        LocalDate since = since(command);
        boolean newPost = !seat.getPostId().equals(command.postId());
        if (newPost && seat.heldOn(since.minusDays(1))) {
            seat.remove(since);
            return seat(seat.getGroupId(), command, since);
        }
        seat.describe(command.role(), command.postId(), command.duty(), command.sortOrder());
        if (newPost) {
            seat.confirm(holderId(command.postId()), clock.instant());
        }
        return seat.getId();
    }

    /** A seat leaves the group today; one added today and removed the same day was a slip and is deleted. */
    @Transactional
    public void removeSeat(DataScope scope, long townshipId, long seatId) {
        scope.requireWritable();
        GroupSeat seat = seatOf(scope, townshipId, seatId);
        LocalDate today = LocalDate.now(clock);
        if (seat.heldOn(today.minusDays(1))) {
            seat.remove(today);
        } else {
            seats.delete(seat);
        }
    }

    /** Records the current holders of every seat as confirmed. */
    @Transactional
    public void confirm(DataScope scope, long townshipId) {
        scope.requireWritable();
        townships.get(scope, townshipId);
        LeadingGroup group = groups.findByOrgUnitId(townshipId).orElseThrow(() -> new NotFoundException("LeadingGroup", townshipId));
        List<GroupSeat> all = seats.findByGroupIdAndRemovedOnIsNull(group.getId());
        Map<Long, Person> holders = posts.currentHolders(all.stream().map(GroupSeat::getPostId).toList());
        Instant now = clock.instant();
        all.forEach(s -> s.confirm(idOf(holders.get(s.getPostId())), now));
    }

    @Transactional
    public void confirmSeat(DataScope scope, long townshipId, long seatId) {
        scope.requireWritable();
        GroupSeat seat = seatOf(scope, townshipId, seatId);
        seat.confirm(holderId(seat.getPostId()), clock.instant());
    }

    private GroupSeat seatOf(DataScope scope, long townshipId, long seatId) {
        townships.get(scope, townshipId);
        LeadingGroup group = groups.findByOrgUnitId(townshipId).orElseThrow(() -> new NotFoundException("GroupSeat", seatId));
        return seats.findById(seatId).filter(s -> s.getGroupId().equals(group.getId()) && s.getRemovedOn() == null)
                .orElseThrow(() -> new NotFoundException("GroupSeat", seatId));
    }

    private LeadingGroup ensureGroup(OrgUnit township) {
        return groups.findByOrgUnitId(township.getId())
                .orElseGet(() -> groups.save(new LeadingGroup(township.getId(), township.getName() + DEFAULT_NAME, clock.instant())));
    }

    private void checkSeatRules(LeadingGroup group, Long seatId, SeatCommand command) {
        List<GroupSeat> others = seats.findByGroupIdAndRemovedOnIsNull(group.getId()).stream()
                .filter(s -> !s.getId().equals(seatId)).toList();
        if (others.stream().anyMatch(s -> s.getPostId().equals(command.postId()))) {
            throw new RuleViolationException("responsibility.seat.duplicatePost");
        }
        if (command.role() == SeatRole.LEADER && others.stream().anyMatch(s -> s.getSeatRole() == SeatRole.LEADER)) {
            throw new RuleViolationException("responsibility.seat.oneLeader");
        }
    }

    private Long holderId(long postId) {
        return posts.currentHolder(postId).map(Person::getId).orElse(null);
    }

    private static Long idOf(Person person) {
        return person == null ? null : person.getId();
    }

    /** A vacant post, or a holder other than the one confirmed, needs someone to look at it. */
    static boolean needsAttention(Person holder, Long confirmedHolderId) {
        return holder == null || !Objects.equals(holder.getId(), confirmedHolderId);
    }

    /** @param version the group's version, to be sent back with a change (null while there is no group) */
    public record GroupView(long townshipId, String townshipName, Long groupId, String name, LocalDate establishedOn,
            String note, List<SeatView> seats, Long version) {

        public boolean exists() {
            return groupId != null;
        }

        public long attentionCount() {
            return seats.stream().filter(SeatView::needsAttention).count();
        }
    }

    /** @param version sent back with a change; a seat saved by someone else since is a stale save */
    public record SeatView(long id, SeatRole role, long postId, String postTitle, Long holderId, String holderName,
            String duty, int sortOrder, Instant confirmedAt, boolean needsAttention, long version) {
    }

    /** One member of a leading group as reports list it. */
    public record GroupMember(SeatRole role, String postTitle, String holderName, String duty) {
    }

    /** @param since the day the seat joins the group or the change takes effect; null for today */
    public record SeatCommand(SeatRole role, long postId, String duty, int sortOrder, LocalDate since) {
    }

    public record GroupDetails(String name, LocalDate establishedOn, String note) {
    }
}
