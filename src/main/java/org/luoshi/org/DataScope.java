package org.luoshi.org;

/**
 * What the signed-in user may see and change: the subtree below their own org unit, and
 * whether they may write in it. Built by the account module from the session or token and
 * passed to services, which filter every query by it.
 *
 * @param username the account name, for "recorded by" and the audit trail
 * @param unitId the user's own org unit
 * @param unitPath that unit's materialised path; everything whose path starts with it is in scope
 * @param writable false for read-only roles (county reviewer, township leader)
 */
public record DataScope(String username, long unitId, String unitPath, boolean writable) {

    public boolean covers(OrgUnit unit) {
        return covers(unit.getPath());
    }

    public boolean covers(String path) {
        return path.startsWith(unitPath);
    }

    /** Refuses (403) a change by a read-only role. */
    public void requireWritable() {
        if (!writable) {
            throw new org.springframework.security.access.AccessDeniedException("read-only scope");
        }
    }

    /** A LIKE pattern matching the paths in scope. */
    public String pathPattern() {
        return unitPath + "%";
    }
}
