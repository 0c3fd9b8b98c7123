package org.luoshi.request;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;

/** One measure of a submitted answer: the records' figure, and the figure typed over it if any. */
@Embeddable
class TaskFigure {

    @Enumerated(EnumType.STRING)
    private Measure measure;

    private BigDecimal fromRecords;
    private BigDecimal typed;
    private String note;

    protected TaskFigure() {
    }

    TaskFigure(Measure measure, BigDecimal fromRecords, BigDecimal typed, String note) {
        this.measure = measure;
        this.fromRecords = fromRecords;
        this.typed = typed;
        this.note = note;
    }

    public Measure getMeasure() {
        return measure;
    }

    public BigDecimal getFromRecords() {
        return fromRecords;
    }

    public BigDecimal getTyped() {
        return typed;
    }

    public String getNote() {
        return note;
    }

    /** Whether the township typed a figure other than the records' (shown marked wherever it appears). */
    public boolean isTypedOver() {
        return typed != null;
    }

    /** The figure the township reports: the typed one where it typed, else the records'. */
    public BigDecimal getAnswered() {
        return typed != null ? typed : fromRecords;
    }
}
