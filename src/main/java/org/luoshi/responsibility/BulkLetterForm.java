package org.luoshi.responsibility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * 集中签订: the letters of a township's villages and departments signed at one meeting, registered in
 * one step. Each row is one unsigned letter (checked by default) with its signer; the date and the
 * meeting are shared.
 */
class BulkLetterForm {

    private Long townshipId;
    private Integer year;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate signedOn;
    /** The meeting's record in the ledger (会议), optional. */
    private Long meetingRecordId;
    private List<Row> rows = new ArrayList<>();

    /** One letter of the form: whether it is signed now, by whom, from which copy (its version). */
    public static class Row {
        private Long counterpartUnitId;
        private boolean selected;
        private String signerName;
        private Long version;

        public Long getCounterpartUnitId() {
            return counterpartUnitId;
        }

        public void setCounterpartUnitId(Long counterpartUnitId) {
            this.counterpartUnitId = counterpartUnitId;
        }

        public boolean isSelected() {
            return selected;
        }

        public void setSelected(boolean selected) {
            this.selected = selected;
        }

        public String getSignerName() {
            return signerName;
        }

        public void setSignerName(String signerName) {
            this.signerName = signerName;
        }

        public Long getVersion() {
            return version;
        }

        public void setVersion(Long version) {
            this.version = version;
        }
    }

    public Long getTownshipId() {
        return townshipId;
    }

    public void setTownshipId(Long townshipId) {
        this.townshipId = townshipId;
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public LocalDate getSignedOn() {
        return signedOn;
    }

    public void setSignedOn(LocalDate signedOn) {
        this.signedOn = signedOn;
    }

    public Long getMeetingRecordId() {
        return meetingRecordId;
    }

    public void setMeetingRecordId(Long meetingRecordId) {
        this.meetingRecordId = meetingRecordId;
    }

    public List<Row> getRows() {
        return rows;
    }

    public void setRows(List<Row> rows) {
        this.rows = rows;
    }
}
