/**
 * Search across everything (全局搜索) from the header: one page that asks each module's own read
 * service for what matches the typed text, in the user's data scope, and shows the first few of each
 * group with a link to that module's list filtered by the same text. It stores and indexes nothing.
 */
package org.luoshi.search;
