package org.luoshi.inspection;

import java.time.Clock;
import org.luoshi.web.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * In-app notifications, addressed to a unit and a role (e.g. the TOWNSHIP_LEADER of 柳溪镇) rather
 * than to an account: the holder of a post may have no account, while every unit's officer or
 * leader reads the notices of their own unit. Read by one, read for all of that unit and role.
 */
@Service
@Transactional
public class Notifications {

    private final NotificationRepository notifications;
    private final Clock clock;

    Notifications(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Leaves a notice for the accounts of {@code role} (a role name such as TOWNSHIP_OFFICER) in the unit. */
    public void notify(long unitId, String role, String text, String link) {
        String message = text.length() > 500 ? text.substring(0, 500) : text;
        notifications.save(new Notification(unitId, role, message, link, clock.instant()));
    }

    @Transactional(readOnly = true)
    public long unread(long unitId, String role) {
        return notifications.countByUnitIdAndRoleAndReadAtIsNull(unitId, role);
    }

    @Transactional(readOnly = true)
    Page<Notification> list(Actor actor, int page) {
        return notifications.findByUnitIdAndRoleOrderByCreatedAtDescIdDesc(actor.scope().unitId(), actor.role(),
                PageRequest.of(Math.max(page, 0), 20));
    }

    /** 全部已读: the actor's unread notices (their unit and role) are read now; answers how many. */
    int markAllRead(Actor actor) {
        return notifications.markAllRead(actor.scope().unitId(), actor.role(), clock.instant());
    }

    void markRead(Actor actor, long id) {
        Notification n = notifications.findById(id)
                .filter(x -> x.getUnitId() == actor.scope().unitId() && x.getRole().equals(actor.role()))
                .orElseThrow(() -> new NotFoundException("Notification", id));
        n.read(actor.username(), clock.instant());
    }
}
