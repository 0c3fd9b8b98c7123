package org.luoshi.inspection;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.luoshi.web.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * In-app notifications, addressed to a unit and a role (e.g. the TOWNSHIP_LEADER of 柳溪镇) rather
 * than to an account: the holder of a post may have no account, while every unit's officer or
 * leader reads the notices of their own unit. Each account marks them read for itself
 * ({@code notification_read}): one officer reading a notice leaves it new for the unit's other officers.
 */
@Service
@Transactional
public class Notifications {

    private static final String UNREAD = "from notification n where n.unit_id = :unit and n.role = :role"
            + " and not exists (select 1 from notification_read r where r.notification_id = n.id and r.username = :user)";

    private final NotificationRepository notifications;
    private final JdbcClient jdbc;
    private final Clock clock;

    Notifications(NotificationRepository notifications, JdbcClient jdbc, Clock clock) {
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Leaves a notice for the accounts of {@code role} (a role name such as TOWNSHIP_OFFICER) in the unit. */
    public void notify(long unitId, String role, String text, String link) {
        String message = text.length() > 500 ? text.substring(0, 500) : text;
        notifications.save(new Notification(unitId, role, message, link, clock.instant()));
    }

    /** How many notices of the unit and role no account has read yet: what is waiting for the unit as a whole. */
    @Transactional(readOnly = true)
    public long unread(long unitId, String role) {
        return jdbc.sql("select count(*) from notification n where n.unit_id = :unit and n.role = :role"
                        + " and not exists (select 1 from notification_read r where r.notification_id = n.id)")
                .param("unit", unitId).param("role", role).query(Long.class).single();
    }

    /** How many notices of the unit and role the account has not read (the header's bell). */
    @Transactional(readOnly = true)
    public long unread(long unitId, String role, String username) {
        return jdbc.sql("select count(*) " + UNREAD).param("unit", unitId).param("role", role).param("user", username)
                .query(Long.class).single();
    }

    /** A notice as one account sees it. */
    public record Notice(long id, String message, String link, Instant createdAt, boolean unread) {
    }

    /**
     * The account's unread notices created after {@code since} (all of them when null), oldest first,
     * at most {@code limit}: what a digest mail lists. Reading is the account's own business; a digest
     * marks nothing read.
     */
    @Transactional(readOnly = true)
    public List<Notice> unreadSince(long unitId, String role, String username, Instant since, int limit) {
        return jdbc.sql("select n.id, n.message, n.link, n.created_at " + UNREAD
                        + (since == null ? "" : " and n.created_at > :since") + " order by n.created_at, n.id")
                .param("unit", unitId).param("role", role).param("user", username)
                .params(since == null ? java.util.Map.of() : java.util.Map.of("since", Timestamp.from(since)))
                .query((rs, i) -> new Notice(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), true))
                .stream().limit(limit).toList();
    }

    @Transactional(readOnly = true)
    Page<Notice> list(Actor actor, int page) {
        Page<Notification> found = notifications.findByUnitIdAndRoleOrderByCreatedAtDescIdDesc(actor.scope().unitId(),
                actor.role(), PageRequest.of(Math.max(page, 0), 20));
        Set<Long> read = new HashSet<>();
        if (!found.isEmpty()) {
            read.addAll(jdbc.sql("select notification_id from notification_read where username = :user"
                            + " and notification_id in (:ids)")
                    .param("user", actor.username())
                    .param("ids", found.getContent().stream().map(Notification::getId).toList())
                    .query(Long.class).list());
        }
        return found.map(n -> new Notice(n.getId(), n.getMessage(), n.getLink(), n.getCreatedAt(),
                !read.contains(n.getId())));
    }

    /** Marks one notice read for the actor; a notice addressed to another unit or role is not found. */
    void markRead(Actor actor, long id) {
        Notification n = notifications.findById(id)
                .filter(x -> x.getUnitId() == actor.scope().unitId() && x.getRole().equals(actor.role()))
                .orElseThrow(() -> new NotFoundException("Notification", id));
        Instant now = clock.instant();
        n.read(actor.username(), now);
        jdbc.sql("insert into notification_read (notification_id, username, read_at) select :id, :user, :at"
                        + " from notification where id = :id and not exists (select 1 from notification_read r"
                        + " where r.notification_id = :id and r.username = :user)")
                .param("id", id).param("user", actor.username()).param("at", Timestamp.from(now)).update();
    }

    /** 全部已读: every notice addressed to the actor's unit and role, read for the actor only; how many were new. */
    int markAllRead(Actor actor) {
        Instant now = clock.instant();
        int marked = jdbc.sql("insert into notification_read (notification_id, username, read_at) select n.id, :user, :at "
                        + UNREAD)
                .param("unit", actor.scope().unitId()).param("role", actor.role()).param("user", actor.username())
                .param("at", Timestamp.from(now)).update();
        // The first reader stays recorded on the notice itself, as a single read records it.
        jdbc.sql("update notification set read_at = :at, read_by = :user"
                        + " where unit_id = :unit and role = :role and read_at is null")
                .param("unit", actor.scope().unitId()).param("role", actor.role()).param("user", actor.username())
                .param("at", Timestamp.from(now)).update();
        return marked;
    }
}
