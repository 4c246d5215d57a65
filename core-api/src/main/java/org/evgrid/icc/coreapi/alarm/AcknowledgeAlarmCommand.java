package org.evgrid.icc.coreapi.alarm;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/**
 * Acknowledges an alarm (R-6.2b) with a note; an alarm is acknowledged once. Business alarms by the business roles; the
 * center's integrity alarms ({@link SystemAlarmRaisedEvent}: ledger, projections, audit log) by a security operator only.
 */
@SignedBy({Role.DISPATCHER, Role.TRADER, Role.SETTLEMENT_CLERK, Role.SECURITY_OPERATOR})
public record AcknowledgeAlarmCommand(
        @TargetAggregateIdentifier AlarmId alarmId,
        String note) {
}
