package org.evgrid.icc.coreapi.alarm;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/**
 * Acknowledges a business alarm (R-6.2b) with a note; an alarm is acknowledged once. The center's integrity alarms
 * ({@link SystemAlarmRaisedEvent}) are acknowledged by a security operator with {@link AcknowledgeSystemAlarmCommand}.
 */
@SignedBy({Role.DISPATCHER, Role.TRADER, Role.SETTLEMENT_CLERK})
public record AcknowledgeAlarmCommand(
        @TargetAggregateIdentifier AlarmId alarmId,
        String note) {
}
