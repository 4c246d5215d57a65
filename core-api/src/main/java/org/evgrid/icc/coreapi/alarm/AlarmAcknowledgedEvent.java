package org.evgrid.icc.coreapi.alarm;

import org.axonframework.serialization.Revision;

/** An alarm was acknowledged. */
@Revision("1")
public record AlarmAcknowledgedEvent(
        AlarmId alarmId,
        String note) {
}
