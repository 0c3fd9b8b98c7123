package org.luoshi.report;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/**
 * The port through which a report's appendix names on paper the records behind its figures: the
 * date, kind and title of each record an evidence link points to. A link that is not one record (a
 * filtered ledger list, the evaluation page) is not described; the appendix lists it as a source.
 */
interface EvidenceRecords {

    /**
     * The records among {@code hrefs} (the links' {@code href}s as the version stores them), by href;
     * only records of the township's subtree are described.
     */
    Map<String, EvidenceRecord> describe(long townshipId, int year, Collection<String> hrefs);

    /**
     * One record as the appendix prints it.
     *
     * @param kind the Chinese name of its kind, e.g. 会议, 督导检查问题
     * @param deleted whether the record was deleted after the version named it
     */
    record EvidenceRecord(LocalDate date, String kind, String title, boolean deleted) {
    }
}
