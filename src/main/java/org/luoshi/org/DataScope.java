package org.luoshi.org;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a caller may see and change: the subtree below one org unit, and the rights ({@link Permission})
 * the caller has in it.
 * Services filter every query by it. There are three ways to get one, each named for who uses it:
 * <ul>
 * <li>{@link #ofUser}: a signed-in user's, made by the account module only, from the session or token
 * (a static check keeps it there);</li>
 * <li>{@link #readOnly}: a named, read-only view of one unit's subtree, for a step the caller has
 * already authorised (the figures of a report, the letters list of a township);</li>
 * <li>{@link OrgUnitService#systemScope}: the whole tree, for start-up data and scheduled jobs.</li>
 * </ul>
 * The constructor is private, so no other code forges a scope with write rights.
 */
public final class DataScope {

    private final String username;
    private final long unitId;
    private final String unitPath;
    private final Set<Permission> permissions;

    private DataScope(String username, long unitId, String unitPath, Set<Permission> permissions) {
        this.username = Objects.requireNonNull(username);
        this.unitId = unitId;
        this.unitPath = Objects.requireNonNull(unitPath);
        this.permissions = permissions.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(permissions));
    }

    /**
     * A signed-in user's scope.
     *
     * @param username the account name, for "recorded by" and the audit trail
     * @param unitId the user's own org unit
     * @param unitPath that unit's materialised path; everything whose path starts with it is in scope
     * @param permissions what the user's role may do (account's role table)
     */
    public static DataScope ofUser(String username, long unitId, String unitPath, Set<Permission> permissions) {
        return new DataScope(username, unitId, unitPath, permissions);
    }

    /** A user's scope that may write records or only read them (tests, and callers that need no other right). */
    public static DataScope ofUser(String username, long unitId, String unitPath, boolean writable) {
        return new DataScope(username, unitId, unitPath, writable ? Set.of(Permission.RECORDS_WRITE) : Set.of());
    }

    /** A read-only view of the unit's subtree, named for what it is used for (shown where a name is recorded). */
    public static DataScope readOnly(String purpose, OrgUnit unit) {
        return new DataScope(purpose, unit.getId(), unit.getPath(), Set.of());
    }

    /** The whole tree from the root for a named job: see {@link OrgUnitService#systemScope}. */
    static DataScope system(OrgUnit root, String job, boolean writable) {
        if (job == null || !job.matches("[a-z][a-z-]{1,40}")) {
            throw new IllegalArgumentException("a system scope is named for its job: " + job);
        }
        // every right but reviewing the reports sent up: that is a person's act, and a reviewer does not
        // see drafts, which start-up data and jobs must
        return new DataScope("system:" + job, root.getId(), root.getPath(),
                writable ? EnumSet.complementOf(EnumSet.of(Permission.REPORT_REVIEW)) : Set.of());
    }

    public String username() {
        return username;
    }

    public long unitId() {
        return unitId;
    }

    public String unitPath() {
        return unitPath;
    }

    /** Whether the caller may write records in the scope ({@link Permission#RECORDS_WRITE}). */
    public boolean writable() {
        return may(Permission.RECORDS_WRITE);
    }

    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }

    /** Refuses (403) a step the caller's role has no right to. */
    public void require(Permission permission) {
        if (!may(permission)) {
            throw new org.springframework.security.access.AccessDeniedException("no right " + permission.code());
        }
    }

    public boolean covers(OrgUnit unit) {
        return covers(unit.getPath());
    }

    public boolean covers(String path) {
        return path.startsWith(unitPath);
    }

    /** Refuses (403) a change by a read-only role. */
    public void requireWritable() {
        if (!writable()) {
            throw new org.springframework.security.access.AccessDeniedException("read-only scope");
        }
    }

    /** A LIKE pattern matching the paths in scope. */
    public String pathPattern() {
        return unitPath + "%";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataScope s && s.unitId == unitId && s.permissions.equals(permissions)
                && s.username.equals(username) && s.unitPath.equals(unitPath);
    }

    @Override
    public int hashCode() {
        return Objects.hash(username, unitId, unitPath, permissions);
    }

    @Override
    public String toString() {
        return "DataScope[" + username + " " + unitPath + " " + permissions + "]";
    }
}
