package org.luoshi.report;

/**
 * One record behind a figure, as the user can open it.
 *
 * @param label what the record is, e.g. "2025-03-12 中心组学习：……"
 * @param href where the record is shown, e.g. {@code /ledger/records/42} or a filtered ledger list
 */
record EvidenceLink(String label, String href) {
}
