package org.luoshi.inspection;

import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** Findings for tests of other modules (the county home), raised through the service as the system raises them. */
@Component
public class RaisedFindings {

    private final FindingService findings;

    RaisedFindings(FindingService findings) {
        this.findings = findings;
    }

    /** A finding on the unit, owned by the post, due on the deadline (which may have passed); answers its id. */
    public long raise(long unitId, long ownerPostId, String title, LocalDate deadline) {
        return findings.raiseFinding(FindingSource.OTHER, unitId, title, null, ownerPostId, deadline, null);
    }
}
