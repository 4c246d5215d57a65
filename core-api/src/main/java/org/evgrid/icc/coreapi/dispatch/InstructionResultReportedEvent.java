package org.evgrid.icc.coreapi.dispatch;

import java.util.List;

import org.axonframework.serialization.Revision;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileId;

/** An operator platform reported the final result of an instruction. */
@Revision("1")
public record InstructionResultReportedEvent(
        InstructionId instructionId,
        DispatchPlanId planId,
        OperatorId operatorId,
        InstructionResult result,
        int appliedPiles,
        List<PileId> rejectedPiles,
        String message) {
}
