/**
 * Evidence files (photos, scanned sign-in sheets, PDF, Office documents): checked by content,
 * hashed, stored under the data directory. Owners (letters, ledger records) check scope before
 * handing a file out; this module has no pages of its own.
 */
package org.luoshi.evidence;
