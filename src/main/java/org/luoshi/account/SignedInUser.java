package org.luoshi.account;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import org.luoshi.org.DataScope;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal of a session or token: who, in which role, over which subtree. Kept small and
 * serialisable because it lives in the JDBC session store; the password hash is erased after login.
 */
public final class SignedInUser implements UserDetails, CredentialsContainer, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long accountId;
    private final String username;
    private final String displayName;
    private final Role role;
    private final long unitId;
    private final String unitPath;
    private final String unitName;
    /** The message key of the role's name at this unit (a reviewer is named for its tier); null in older sessions. */
    private final String roleLabelKey;
    private final boolean enabled;
    private final boolean locked;
    private String passwordHash;

    SignedInUser(Account account, long unitId, String unitPath, String unitName, org.luoshi.org.OrgUnitKind unitKind,
            boolean unitActive, boolean locked) {
        this.roleLabelKey = unitKind == null ? null : account.getRole().labelKey(unitKind);
        this.accountId = account.getId();
        this.username = account.getUsername();
        this.displayName = account.getDisplayName();
        this.role = account.getRole();
        this.unitId = unitId;
        this.unitPath = unitPath;
        this.unitName = unitName;
        this.enabled = account.isEnabled() && unitActive;
        this.locked = locked;
        this.passwordHash = account.getPasswordHash();
    }

    public DataScope scope() {
        return DataScope.ofUser(username, unitId, unitPath, role.permissions());
    }

    public long getAccountId() {
        return accountId;
    }

    public String getDisplayName() {
        return displayName;
    }

    public Role getRole() {
        return role;
    }

    /** The message key of the role's name as the header shows it: 市委宣传部审核人 for a reviewer at a city. */
    public String getRoleLabelKey() {
        return roleLabelKey == null ? "role." + role.name() : roleLabelKey;
    }

    public long getUnitId() {
        return unitId;
    }

    public String getUnitName() {
        return unitName;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        // the role, and its rights as codes: what @PreAuthorize and sec:authorize ask for
        List<GrantedAuthority> authorities = new java.util.ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(role.authority()));
        role.permissions().forEach(p -> authorities.add(new SimpleGrantedAuthority(p.code())));
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
