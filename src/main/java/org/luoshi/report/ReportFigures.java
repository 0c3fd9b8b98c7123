package org.luoshi.report;

/**
 * The port through which reports get their figures from the ledger and assessment. The report
 * module calls it only after checking that the caller may see the township.
 */
interface ReportFigures {

    /**
     * The figures of a township for a calendar year. Figures without records are left out of the
     * set or given as {@link Figure#missing(String)}; never as zero unless zero records were found
     * where records were expected.
     */
    FigureSet figures(long townshipId, int year);
}
