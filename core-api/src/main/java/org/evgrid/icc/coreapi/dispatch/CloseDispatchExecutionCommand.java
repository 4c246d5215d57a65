package org.evgrid.icc.coreapi.dispatch;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/** Closes a plan's execution at the end of its trading day (center service key); the closed day goes to settlement. */
@SignedBy({Role.CENTER_SERVICE})
public record CloseDispatchExecutionCommand(
        @TargetAggregateIdentifier DispatchPlanId planId) {
}
