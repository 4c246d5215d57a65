package org.evgrid.icc.coreapi.dispatch;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/**
 * Records the operator platform's immediate answer to an instruction delivery (center service key, from the gateway).
 */
@SignedBy({Role.CENTER_SERVICE})
public record RecordInstructionResponseCommand(
        InstructionId instructionId,
        InstructionResponse response,
        String message) {
    /** The plan the instruction belongs to. */
    @TargetAggregateIdentifier
    public DispatchPlanId planId() {
        return instructionId == null ? null : instructionId.planId();
    }
}
