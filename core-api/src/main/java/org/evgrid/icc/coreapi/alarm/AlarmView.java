package org.evgrid.icc.coreapi.alarm;

import java.time.Instant;

/**
 * An alarm in the standard record format (R-6.2b): time, type, level, status, module, title, details, occurrence
 * count, first time, repeat count.
 */
public record AlarmView(
        AlarmId alarmId,
        Instant time,
        String type,
        AlarmLevel level,
        AlarmStatus status,
        String module,
        String title,
        String details,
        long occurrences,
        Instant firstTime,
        long repeatCount,
        String subject,
        String acknowledgedBy,
        Instant acknowledgedAt,
        String note) {
}
