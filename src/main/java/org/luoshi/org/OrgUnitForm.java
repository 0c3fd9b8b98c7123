package org.luoshi.org;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The create / edit form of an org unit. On edit the parent and kind are shown, not changed. */
class OrgUnitForm {

    @NotNull(message = "{org.unit.parent.required}")
    private Long parentId;

    @NotNull(message = "{org.unit.kind.required}")
    private OrgUnitKind kind;

    @NotBlank(message = "{org.unit.name.required}")
    @Size(max = 100, message = "{org.unit.name.size}")
    private String name;

    @Size(max = 32, message = "{org.unit.code.size}")
    @Pattern(regexp = "[A-Za-z0-9_-]*", message = "{org.unit.code.pattern}")
    private String code;

    @Min(value = 0, message = "{org.unit.population.min}")
    @Max(value = 100_000_000, message = "{org.unit.population.max}")
    private Integer registeredPopulation;

    @NotNull(message = "{org.unit.sortOrder.required}")
    @Min(value = 0, message = "{org.unit.sortOrder.range}")
    @Max(value = 9999, message = "{org.unit.sortOrder.range}")
    private Integer sortOrder = 0;
    /** The version the user opened; a save from an older one is refused (someone else saved in between). */
    private Long version;

    static OrgUnitForm of(OrgUnit unit) {
        OrgUnitForm form = new OrgUnitForm();
        form.version = unit.getVersion();
        form.parentId = unit.getParentId();
        form.kind = unit.getKind();
        form.name = unit.getName();
        form.code = unit.getCode();
        form.registeredPopulation = unit.getRegisteredPopulation();
        form.sortOrder = unit.getSortOrder();
        return form;
    }

    OrgUnitCommand toCommand() {
        return new OrgUnitCommand(parentId, kind, name, code, registeredPopulation, sortOrder == null ? 0 : sortOrder);
    }

    public Long getParentId() {
        return parentId;
    }

    public void setParentId(Long parentId) {
        this.parentId = parentId;
    }

    public OrgUnitKind getKind() {
        return kind;
    }

    public void setKind(OrgUnitKind kind) {
        this.kind = kind;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public Integer getRegisteredPopulation() {
        return registeredPopulation;
    }

    public void setRegisteredPopulation(Integer registeredPopulation) {
        this.registeredPopulation = registeredPopulation;
    }

    public Integer getSortOrder() {
        return sortOrder;
    }

    public void setSortOrder(Integer sortOrder) {
        this.sortOrder = sortOrder;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
