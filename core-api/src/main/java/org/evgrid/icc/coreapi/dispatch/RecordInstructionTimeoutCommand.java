package org.evgrid.icc.coreapi.dispatch;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/** Records that an instruction got no final result by its deadline (center service key). */
@SignedBy({Role.CENTER_SERVICE})
public record RecordInstructionTimeoutCommand(
        InstructionId instructionId) {
    /** The plan the instruction belongs to. */
    @TargetAggregateIdentifier
    public DispatchPlanId planId() {
        return instructionId == null ? null : instructionId.planId();
    }
}
