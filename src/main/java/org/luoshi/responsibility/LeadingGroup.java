package org.luoshi.responsibility;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** 意识形态工作领导小组 of one township; its seats are {@link GroupSeat} rows. */
@Entity
@Table(name = "leading_group")
class LeadingGroup {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long orgUnitId;
    private String name;
    private LocalDate establishedOn;
    private String note;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private long version;

    protected LeadingGroup() {
    }

    LeadingGroup(long orgUnitId, String name, Instant now) {
        this.orgUnitId = orgUnitId;
        this.name = name;
        this.createdAt = now;
        this.updatedAt = createdAt;
    }

    Long getId() {
        return id;
    }

    Long getOrgUnitId() {
        return orgUnitId;
    }

    String getName() {
        return name;
    }

    long getVersion() {
        return version;
    }

    LocalDate getEstablishedOn() {
        return establishedOn;
    }

    String getNote() {
        return note;
    }

    void describe(String name, LocalDate establishedOn, String note, Instant now) {
        this.name = name;
        this.establishedOn = establishedOn;
        this.note = note;
        this.updatedAt = now;
    }
}
