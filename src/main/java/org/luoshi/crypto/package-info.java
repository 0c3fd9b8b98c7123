/**
 * Confidentiality of personal data at rest (GB/T 39786 storage): SM4-GCM sealing of the few personal fields
 * the database holds, with a configured key and a key id on every ciphertext so that keys can be rotated.
 */
package org.luoshi.crypto;
