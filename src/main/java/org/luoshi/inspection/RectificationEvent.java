package org.luoshi.inspection;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of a rectification's timeline: who did what, when, from which state to which, and why. Never changed. */
@Entity
@Table(name = "rectification_event")
class RectificationEvent {

    enum Action { RAISED, PLANNED, STARTED, NOTE, EVIDENCE, SUBMITTED, PASSED, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long findingId;

    @Enumerated(EnumType.STRING)
    private Action action;

    @Enumerated(EnumType.STRING)
    private RectificationState fromState;

    @Enumerated(EnumType.STRING)
    private RectificationState toState;

    private String note;
    private String actor;
    private Instant occurredAt;

    protected RectificationEvent() {
    }

    RectificationEvent(long findingId, Action action, RectificationState from, RectificationState to, String note,
            String actor, Instant now) {
        this.findingId = findingId;
        this.action = action;
        this.fromState = from;
        this.toState = to;
        this.note = note;
        this.actor = actor;
        this.occurredAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getFindingId() {
        return findingId;
    }

    public Action getAction() {
        return action;
    }

    public RectificationState getFromState() {
        return fromState;
    }

    public RectificationState getToState() {
        return toState;
    }

    public String getNote() {
        return note;
    }

    public String getActor() {
        return actor;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }
}
