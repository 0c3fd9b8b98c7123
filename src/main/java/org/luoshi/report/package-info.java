/**
 * Reports (落实意识形态工作责任制情况的报告, 自查报告, 宣传思想工作总结): drafted from the figures of the
 * ledger and assessment, edited, written as GB/T 9704 Word documents, submitted to and accepted by the county.
 */
package org.luoshi.report;
