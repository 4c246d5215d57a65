package org.evgrid.icc.coreapi.alarm;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/**
 * A security operator acknowledges one of the center's integrity alarms (R-6.2b: a broken ledger or audit log chain, a
 * projection differing from its rebuild) with a note; once. A security operation, not a business one: business alarms
 * are acknowledged by business staff ({@link AcknowledgeAlarmCommand}).
 */
@SignedBy({Role.SECURITY_OPERATOR})
public record AcknowledgeSystemAlarmCommand(
        @TargetAggregateIdentifier AlarmId alarmId,
        String note) {
}
