package org.evgrid.icc.coreapi.dispatch;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/** A dispatcher closes a deviation whose cause and handling are recorded; closed deviations are settlement input. */
@SignedBy({Role.DISPATCHER})
public record CloseDeviationCommand(
        DeviationId deviationId,
        String conclusion) {
    /** The plan the deviation belongs to. */
    @TargetAggregateIdentifier
    public DispatchPlanId planId() {
        return deviationId == null ? null : deviationId.planId();
    }
}
