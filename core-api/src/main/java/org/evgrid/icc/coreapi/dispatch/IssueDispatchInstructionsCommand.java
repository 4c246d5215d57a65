package org.evgrid.icc.coreapi.dispatch;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/** Issues the approved plan's instructions, one per operator platform (center service key). */
@SignedBy({Role.CENTER_SERVICE})
public record IssueDispatchInstructionsCommand(
        @TargetAggregateIdentifier DispatchPlanId planId) {
}
