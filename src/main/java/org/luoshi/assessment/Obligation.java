package org.luoshi.assessment;

import java.time.LocalDate;

/**
 * An unmet period of an indicator, for the obligation calendar: yellow (WARNING) or red (FAILED)
 * warnings, and what is due in the periods still running.
 *
 * @param due the last day of the period
 * @param message what is missing, in Chinese
 */
public record Obligation(String indicatorCode, String indicatorName, String periodLabel, LocalDate due,
        Status status, String message) {
}
