package org.evgrid.icc.coreapi.dispatch;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/**
 * Records a failed delivery attempt of an instruction (center service key); {@code finalAttempt} when the gateway
 * gives up.
 */
@SignedBy({Role.CENTER_SERVICE})
public record RecordInstructionDeliveryFailureCommand(
        InstructionId instructionId,
        int attempt,
        boolean finalAttempt,
        String reason) {
    /** The plan the instruction belongs to. */
    @TargetAggregateIdentifier
    public DispatchPlanId planId() {
        return instructionId == null ? null : instructionId.planId();
    }
}
