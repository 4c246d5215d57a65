package org.evgrid.icc.coreapi.dispatch;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/**
 * A dispatcher asks for a fresh allocation of a plan not yet approved (e.g. after rejecting it, or after piles went
 * offline).
 */
@SignedBy({Role.DISPATCHER})
public record RecomputeDispatchPlanCommand(
        @TargetAggregateIdentifier DispatchPlanId planId,
        String reason) {
}
