/**
 * 报送任务: the county asks its townships for a table of measures by a deadline, and each township
 * answers from its ledger (figures prefilled, a typed-over figure marked), so that nothing the ledger
 * holds is typed again (最多报一次).
 */
package org.luoshi.request;
