package org.luoshi.inspection;

import java.time.LocalDate;

/** Raises a visit's finding for tests of other modules (the finding source is the inspection module's own type). */
public final class TestFindings {

    private TestFindings() {
    }

    public static long visitFinding(FindingService findings, long unitId, String title, long ownerPostId, LocalDate deadline) {
        return findings.raiseFinding(FindingSource.VISIT, unitId, title, "检查发现", ownerPostId, deadline, "test");
    }
}
