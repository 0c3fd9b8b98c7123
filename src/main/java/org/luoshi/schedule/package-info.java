/**
 * Scheduled jobs run once across all instances of a deployment: each job takes a lock row in the database
 * ({@code job_lock}) before it runs, so two instances behind a proxy do not both send the day's warnings.
 */
package org.luoshi.schedule;
