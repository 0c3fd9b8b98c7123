package org.luoshi.assessment;

/** Where an indicator or one of its periods stands on the evaluation date. */
public enum Status {
    /** Target reached. */
    MET,
    /** Not reached yet, but the period is running and less than two thirds of it has passed. */
    PENDING,
    /** Not reached, period running, two thirds or more of it passed (yellow). */
    WARNING,
    /** Not reached and the period has ended (red). */
    FAILED;

    /** The worse of two statuses, for an indicator over several periods. */
    Status worse(Status other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
