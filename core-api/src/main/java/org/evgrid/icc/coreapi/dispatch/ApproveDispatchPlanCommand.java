package org.evgrid.icc.coreapi.dispatch;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/** A dispatcher approves the named version of a proposed plan. */
@SignedBy({Role.DISPATCHER})
public record ApproveDispatchPlanCommand(
        @TargetAggregateIdentifier DispatchPlanId planId,
        int version,
        String note) {
}
