package org.luoshi.inspection;

import java.util.Set;
import java.util.stream.Collectors;
import org.luoshi.org.DataScope;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who acts: the data scope plus the role. Supervision needs the role because a county reviewer's
 * scope is read-only for the townships' data, yet the reviewer writes checklists, runs visits and
 * re-checks rectifications.
 */
record Actor(DataScope scope, String role) {

    static final String ADMIN = "ADMIN";
    static final String COUNTY_REVIEWER = "COUNTY_REVIEWER";
    static final String TOWNSHIP_OFFICER = "TOWNSHIP_OFFICER";
    static final String TOWNSHIP_LEADER = "TOWNSHIP_LEADER";
    static final String VILLAGE_CLERK = "VILLAGE_CLERK";

    private static final Set<String> SUPERVISORS = Set.of(ADMIN, COUNTY_REVIEWER, TOWNSHIP_OFFICER);

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
        return SUPERVISORS.contains(role);
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
