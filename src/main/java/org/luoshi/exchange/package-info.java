/** Excel exchange of ledger records: templates, checked imports with a preview, and exports of list views. */
package org.luoshi.exchange;
