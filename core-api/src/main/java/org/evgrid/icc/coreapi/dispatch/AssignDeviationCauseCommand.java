package org.evgrid.icc.coreapi.dispatch;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/** A dispatcher records a deviation's cause from the catalogue, with free text. */
@SignedBy({Role.DISPATCHER})
public record AssignDeviationCauseCommand(
        DeviationId deviationId,
        DeviationCause cause,
        String detail) {
    /** The plan the deviation belongs to. */
    @TargetAggregateIdentifier
    public DispatchPlanId planId() {
        return deviationId == null ? null : deviationId.planId();
    }
}
