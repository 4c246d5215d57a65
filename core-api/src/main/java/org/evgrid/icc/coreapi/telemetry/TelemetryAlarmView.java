package org.evgrid.icc.coreapi.telemetry;

import java.time.Instant;

/**
 * An alarm in the R-6.2b format: when, type, level, status, raising module, title, details, how often it occurred,
 * when first, how often it was raised again.
 */
public record TelemetryAlarmView(
        String id,
        Instant time,
        String type,
        String level,
        String status,
        String module,
        String title,
        String details,
        int occurrences,
        Instant firstTime,
        int repeats) {
}
