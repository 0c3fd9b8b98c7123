package org.luoshi.responsibility;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** 意识形态工作责任书 between a township and one of its villages or departments, for one year. */
@Entity
@Table(name = "responsibility_letter")
class ResponsibilityLetter {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long orgUnitId;
    private Long counterpartUnitId;

    @Column(name = "letter_year")
    private int year;

    private LocalDate signedOn;
    private String signerName;
    private Long attachmentId;
    private String note;
    /** The ledger's record of the meeting where the letter was signed (集中签订), if one was named. */
    private Long meetingRecordId;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private long version;

    protected ResponsibilityLetter() {
    }

    ResponsibilityLetter(long townshipId, long counterpartUnitId, int year, Instant now) {
        this.orgUnitId = townshipId;
        this.counterpartUnitId = counterpartUnitId;
        this.year = year;
        this.createdAt = now;
        this.updatedAt = createdAt;
    }

    long getVersion() {
        return version;
    }

    Long getId() {
        return id;
    }

    Long getOrgUnitId() {
        return orgUnitId;
    }

    Long getCounterpartUnitId() {
        return counterpartUnitId;
    }

    int getYear() {
        return year;
    }

    LocalDate getSignedOn() {
        return signedOn;
    }

    String getSignerName() {
        return signerName;
    }

    Long getAttachmentId() {
        return attachmentId;
    }

    String getNote() {
        return note;
    }

    Long getMeetingRecordId() {
        return meetingRecordId;
    }

    /** The meeting where the letter was signed; null leaves it unnamed. */
    void atMeeting(Long meetingRecordId) {
        this.meetingRecordId = meetingRecordId;
    }

    boolean isSigned() {
        return signedOn != null;
    }

    void sign(LocalDate signedOn, String signerName, String note, Instant now) {
        this.signedOn = signedOn;
        this.signerName = signerName;
        this.note = note;
        this.updatedAt = now;
    }

    /** The scan replaces any earlier one on the letter; the earlier file stays stored as evidence. */
    void attachScan(long attachmentId, Instant now) {
        this.attachmentId = attachmentId;
        this.updatedAt = now;
    }
}
