package org.luoshi.assessment;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** 量化考评表: the indicators one unit (the county for all its townships, or one township) assesses in a year. */
@Entity
@Table(name = "indicator_set")
class IndicatorSet {

    // Getters are public for the templates (SpEL); the class itself stays package-private.

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long ownerUnitId;

    @Column(name = "set_year")
    private int year;

    private String name;
    private boolean published;
    private boolean rankingPublished;
    private String createdBy;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private long version;

    // Sets are small (tens of indicators) and always read whole, also outside the transaction (open-in-view is off).
    @OneToMany(mappedBy = "set", cascade = CascadeType.ALL, orphanRemoval = true, fetch = jakarta.persistence.FetchType.EAGER)
    @org.hibernate.annotations.Fetch(org.hibernate.annotations.FetchMode.SUBSELECT)
    @OrderBy("sortOrder, id")
    private List<Indicator> indicators = new ArrayList<>();

    protected IndicatorSet() {
    }

    IndicatorSet(long ownerUnitId, int year, String name, String createdBy, Instant now) {
        this.ownerUnitId = ownerUnitId;
        this.year = year;
        this.name = name;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Long getOwnerUnitId() {
        return ownerUnitId;
    }

    public int getYear() {
        return year;
    }

    public String getName() {
        return name;
    }

    public boolean isPublished() {
        return published;
    }

    /** Whether the townships may see the county ranking of this set (the county decides). */
    public boolean isRankingPublished() {
        return rankingPublished;
    }

    void setRankingPublished(boolean rankingPublished, Instant now) {
        this.rankingPublished = rankingPublished;
        touch(now);
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }

    public List<Indicator> getIndicators() {
        return indicators;
    }

    public java.math.BigDecimal totalWeight() {
        return indicators.stream().filter(i -> !i.isInformational()).map(Indicator::getWeight).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
    }

    /**
     * The codes of its scored volume indicators without a stated reason: a set published before the 2024
     * rules were applied. It is not changed silently; the page says so and the county can re-publish.
     */
    public List<String> unexplainedVolume() {
        return definition().indicators().stream().filter(d -> d.scoredVolume() && d.volumeReason() == null)
                .map(IndicatorDefinition::code).toList();
    }

    void rename(int year, String name, Instant now) {
        this.year = year;
        this.name = name;
        touch(now);
    }

    void setPublished(boolean published, Instant now) {
        this.published = published;
        touch(now);
    }

    Indicator add(IndicatorDefinition definition, Instant now) {
        Indicator indicator = new Indicator(this, definition,
                indicators.stream().mapToInt(Indicator::getSortOrder).max().orElse(0) + 1);
        indicators.add(indicator);
        touch(now);
        return indicator;
    }

    void remove(Indicator indicator, Instant now) {
        indicators.remove(indicator);
        touch(now);
    }

    SetDefinition definition() {
        return new SetDefinition(year, name, indicators.stream().map(Indicator::definition).toList());
    }

    void touch(Instant now) {
        this.updatedAt = now;
    }
}
