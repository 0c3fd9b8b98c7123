package org.luoshi.org;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** 人员: a cadre or staff member of an org unit. Personal data is kept to what the records need. */
@Entity
@Table(name = "person")
public class Person {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long orgUnitId;
    private String name;
    private String gender;
    /** Sealed at rest (SM4-GCM, {@link SealedPhone}); never searched or sorted in SQL. */
    @jakarta.persistence.Convert(converter = SealedPhone.class)
    private String phone;
    private String note;
    private boolean active = true;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private long version;

    protected Person() {
    }

    Person(Long orgUnitId, String name, Instant now) {
        this.orgUnitId = orgUnitId;
        this.name = name;
        this.createdAt = now;
        this.updatedAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Long getOrgUnitId() {
        return orgUnitId;
    }

    public String getName() {
        return name;
    }

    /** MALE, FEMALE (see {@link Gender}) or null. */
    public String getGender() {
        return gender;
    }

    public String getPhone() {
        return phone;
    }

    public String getNote() {
        return note;
    }

    public boolean isActive() {
        return active;
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

    void describe(String name, String gender, String phone, String note, Instant now) {
        this.name = name;
        this.gender = gender;
        this.phone = phone;
        this.note = note;
        this.updatedAt = now;
    }

    void moveTo(Long orgUnitId, Instant now) {
        this.orgUnitId = orgUnitId;
        this.updatedAt = now;
    }

    void setActive(boolean active, Instant now) {
        this.active = active;
        this.updatedAt = now;
    }
}
