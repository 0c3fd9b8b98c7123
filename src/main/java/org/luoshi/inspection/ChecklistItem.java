package org.luoshi.inspection;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One item to check: what, how to check it, and the evidence it expects. */
@Entity
@Table(name = "checklist_item")
class ChecklistItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long checklistId;
    private String itemNo;
    private String title;
    private String guidance;
    private String expectedEvidence;

    @Enumerated(EnumType.STRING)
    private FindingCategory category;

    private String indicatorCode;
    private int sortOrder;

    @jakarta.persistence.Version
    private long version;

    protected ChecklistItem() {
    }

    ChecklistItem(long checklistId, int sortOrder) {
        this.checklistId = checklistId;
        this.sortOrder = sortOrder;
    }

    void describe(ItemCommand c) {
        this.itemNo = c.itemNo();
        this.title = c.title();
        this.guidance = c.guidance();
        this.expectedEvidence = c.expectedEvidence();
        this.category = c.category() == null ? FindingCategory.OTHER : c.category();
        this.indicatorCode = c.indicatorCode();
    }

    public long getVersion() {
        return version;
    }

    public Long getId() {
        return id;
    }

    public Long getChecklistId() {
        return checklistId;
    }

    public String getItemNo() {
        return itemNo;
    }

    public String getTitle() {
        return title;
    }

    public String getGuidance() {
        return guidance;
    }

    public String getExpectedEvidence() {
        return expectedEvidence;
    }

    public FindingCategory getCategory() {
        return category;
    }

    public String getIndicatorCode() {
        return indicatorCode;
    }

    public int getSortOrder() {
        return sortOrder;
    }
}
