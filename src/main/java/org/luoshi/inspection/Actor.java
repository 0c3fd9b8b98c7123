package org.luoshi.inspection;

import java.util.Set;
import java.util.stream.Collectors;
import org.luoshi.org.DataScope;
import org.luoshi.org.Permission;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who acts: the data scope (with the user's rights) plus the role, which only addresses
 * notifications. A county reviewer's scope is read-only for the townships' data, yet it has
 * {@link Permission#SUPERVISION_RUN}: it writes the county's checklists, runs its visits and
 * re-checks rectifications.
 */
record Actor(DataScope scope, String role) {

    static final String ADMIN = "ADMIN";
    static final String COUNTY_REVIEWER = "COUNTY_REVIEWER";
    static final String TOWNSHIP_OFFICER = "TOWNSHIP_OFFICER";
    static final String TOWNSHIP_LEADER = "TOWNSHIP_LEADER";
    static final String VILLAGE_CLERK = "VILLAGE_CLERK";

    static Actor of(DataScope scope, Authentication auth) {
        Set<String> roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).collect(Collectors.toSet());
        return new Actor(scope, roles.stream().findFirst().orElse(""));
    }

    String username() {
        return scope.username();
    }

    /** May write checklists, run visits and re-check the units below. */
    boolean supervises() {
        return scope.may(Permission.SUPERVISION_RUN);
    }

    /**
     * Whether the thing belongs to the actor: a checklist or a visit is its owner unit's own work,
     * changed by that unit only; a unit above reads it (and a system administrator may step in).
     * Covering a unit is reading it, not owning its work.
     */
    boolean owns(org.luoshi.org.OrgUnit owner) {
        return owner.getId() == scope.unitId() || (scope.may(Permission.SYSTEM_ADMIN) && scope.covers(owner));
    }

    void requireSupervisor() {
        if (!supervises()) {
            throw new AccessDeniedException("not a supervising role");
        }
    }

    /** Rectification content is the unit's own work: only writing roles change it. */
    void requireWritable() {
        scope.requireWritable();
    }
}
