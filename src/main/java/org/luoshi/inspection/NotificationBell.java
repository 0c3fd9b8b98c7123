package org.luoshi.inspection;

import org.luoshi.account.SignedInUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The header's bell: how many notices the signed-in account has not read. Asked by the layout on
 * every page ({@code @bell.unread()}), so it is one count query; anyone not signed in sees none.
 */
@Component("bell")
public class NotificationBell {

    private final Notifications notifications;

    NotificationBell(Notifications notifications) {
        this.notifications = notifications;
    }

    public long unread() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof SignedInUser user)) {
            return 0;
        }
        Actor actor = Actor.of(user.scope(), auth);
        return notifications.unread(actor.scope().unitId(), actor.role(), actor.username());
    }
}
