package org.evgrid.icc.coreapi.dispatch;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/** A dispatcher rejects the named version of a proposed plan, with the reason. */
@SignedBy({Role.DISPATCHER})
public record RejectDispatchPlanCommand(
        @TargetAggregateIdentifier DispatchPlanId planId,
        int version,
        String reason) {
}
