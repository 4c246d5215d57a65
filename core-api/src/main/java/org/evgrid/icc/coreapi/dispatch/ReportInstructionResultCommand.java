package org.evgrid.icc.coreapi.dispatch;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.security.OperatorScoped;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/**
 * The operator platform's final result for an instruction (OCPI ChargingProfileResult), signed with its own key: how
 * many piles apply the schedule and which could not.
 */
@SignedBy({Role.OPERATOR_PLATFORM})
public record ReportInstructionResultCommand(
        InstructionId instructionId,
        OperatorId operatorId,
        InstructionResult result,
        int appliedPiles,
        List<PileId> rejectedPiles,
        String message) implements OperatorScoped {
    /** The plan the instruction belongs to. */
    @TargetAggregateIdentifier
    public DispatchPlanId planId() {
        return instructionId == null ? null : instructionId.planId();
    }
}
