package org.luoshi.report;

import org.springframework.stereotype.Component;

/** Lets tests outside this package (the browser journeys) load a year of demo ledger figures. */
@Component
public class ReportFiguresFixture {

    private final RecordedFigures figures;

    ReportFiguresFixture(RecordedFigures figures) {
        this.figures = figures;
    }

    public void loadDemoYear(long townshipId, int year) {
        figures.put(townshipId, RecordedFigures.demoYear(year, townshipId));
    }
}
