package org.luoshi.report;

import org.springframework.stereotype.Component;

/**
 * Stands in until the ledger and assessment provide the figures: every figure is missing, so that
 * drafts show 【待补充】 markers rather than numbers nobody recorded. A real implementation marked
 * {@code @Primary} replaces it.
 */
@Component
class NoFigures implements ReportFigures {

    @Override
    public FigureSet figures(long townshipId, int year) {
        return FigureSet.empty(townshipId, year);
    }
}
