/** Luoshi: the township ideological-work responsibility system and propaganda-work ledger. */
package org.luoshi;
