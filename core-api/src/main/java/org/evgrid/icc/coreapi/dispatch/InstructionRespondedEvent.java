package org.evgrid.icc.coreapi.dispatch;

import org.axonframework.serialization.Revision;
import org.evgrid.icc.coreapi.archive.OperatorId;

/** The operator platform answered an instruction delivery. */
@Revision("1")
public record InstructionRespondedEvent(
        InstructionId instructionId,
        DispatchPlanId planId,
        OperatorId operatorId,
        InstructionResponse response,
        String message) {
}
