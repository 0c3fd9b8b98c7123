/**
 * Assessment (量化考评): indicator sets defined by the county or a township, rules over the work
 * ledger evaluated per month, quarter, half or year through the {@link org.luoshi.assessment.LedgerFigures} port.
 */
package org.luoshi.assessment;
