/**
 * Demo data for the default run: a fictional county with three townships, their people, posts,
 * responsibility system and accounts. Switched off by {@code luoshi.demo-data=false} (the prod profile).
 */
package org.luoshi.demo;
