package org.evgrid.icc.coreapi.dispatch;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/** A dispatcher records how a deviation was handled and the result. */
@SignedBy({Role.DISPATCHER})
public record RecordDeviationHandlingCommand(
        DeviationId deviationId,
        String method,
        String result) {
    /** The plan the deviation belongs to. */
    @TargetAggregateIdentifier
    public DispatchPlanId planId() {
        return deviationId == null ? null : deviationId.planId();
    }
}
