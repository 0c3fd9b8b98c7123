package org.luoshi.org;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** 组织单元: a node of the org tree. The materialised {@code path} makes subtree queries one indexed range. */
@Entity
@Table(name = "org_unit")
public class OrgUnit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long parentId;

    @Enumerated(EnumType.STRING)
    private OrgUnitKind kind;

    private String name;
    private String code;
    private String path;
    private Integer registeredPopulation;
    private boolean active = true;
    private int sortOrder;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private long version;

    protected OrgUnit() {
    }

    OrgUnit(Long parentId, OrgUnitKind kind, String name, Instant now) {
        this.parentId = parentId;
        this.kind = kind;
        this.name = name;
        this.path = "/new-" + java.util.UUID.randomUUID() + "/";
        this.createdAt = now;
        this.updatedAt = this.createdAt;
    }

    public Long getId() {
        return id;
    }

    public Long getParentId() {
        return parentId;
    }

    public OrgUnitKind getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }

    /** The local name of the unit's tier (地区, 自治州 → 州, 自治区 …), or null: see {@link OrgUnitKind#localTierName}. */
    public String getTierName() {
        return kind.localTierName(name);
    }

    public String getCode() {
        return code;
    }

    public String getPath() {
        return path;
    }

    /** Depth in the tree: 0 for the root (a county, or the city or province above it). */
    public int getDepth() {
        return (int) path.chars().filter(c -> c == '/').count() - 2;
    }

    public Integer getRegisteredPopulation() {
        return registeredPopulation;
    }

    public boolean isActive() {
        return active;
    }

    public int getSortOrder() {
        return sortOrder;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }

    /** Whether {@code other} is this unit or lies below it. */
    public boolean contains(OrgUnit other) {
        return other.path.startsWith(path);
    }

    void placeUnder(OrgUnit parent, Instant now) {
        this.parentId = parent == null ? null : parent.id;
        this.path = (parent == null ? "/" : parent.path) + id + "/";
        touch(now);
    }

    /** Rewrites the path prefix after an ancestor moved. */
    void rebase(String oldPrefix, String newPrefix, Instant now) {
        this.path = newPrefix + path.substring(oldPrefix.length());
        touch(now);
    }

    void describe(String name, String code, Integer registeredPopulation, int sortOrder, Instant now) {
        this.name = name;
        this.code = code;
        this.registeredPopulation = registeredPopulation;
        this.sortOrder = sortOrder;
        touch(now);
    }

    void setActive(boolean active, Instant now) {
        this.active = active;
        touch(now);
    }

    private void touch(Instant now) {
        this.updatedAt = now;
    }
}
