package org.luoshi.org;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The create / edit form of a post. The unit is chosen on create only. */
class PostForm {

    @NotNull(message = "{org.post.unit.required}")
    private Long unitId;

    @NotBlank(message = "{org.post.title.required}")
    @Size(max = 50, message = "{org.post.title.size}")
    private String title;

    @NotNull(message = "{org.post.kind.required}")
    private PostKind kind;

    @NotNull(message = "{org.unit.sortOrder.required}")
    @Min(value = 0, message = "{org.unit.sortOrder.range}")
    @Max(value = 9999, message = "{org.unit.sortOrder.range}")
    private Integer sortOrder = 0;
    /** The version the user opened; a save from an older one is refused (someone else saved in between). */
    private Long version;

    static PostForm of(Post post) {
        PostForm form = new PostForm();
        form.version = post.getVersion();
        form.unitId = post.getOrgUnitId();
        form.title = post.getTitle();
        form.kind = post.getKind();
        form.sortOrder = post.getSortOrder();
        return form;
    }

    public Long getUnitId() {
        return unitId;
    }

    public void setUnitId(Long unitId) {
        this.unitId = unitId;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public PostKind getKind() {
        return kind;
    }

    public void setKind(PostKind kind) {
        this.kind = kind;
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
