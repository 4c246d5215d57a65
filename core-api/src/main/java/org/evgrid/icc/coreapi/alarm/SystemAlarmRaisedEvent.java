package org.evgrid.icc.coreapi.alarm;

import org.axonframework.serialization.Revision;

/** The center raised (or raised again) an alarm about its own integrity; the fields are those of the command. */
@Revision("1")
public record SystemAlarmRaisedEvent(
        AlarmId alarmId,
        String type,
        AlarmLevel level,
        String module,
        String titleZh,
        String titleEn,
        String details,
        String subject) {
}
