package org.evgrid.icc.coreapi.dispatch;

import org.axonframework.serialization.Revision;
import org.evgrid.icc.coreapi.archive.OperatorId;

/** A delivery attempt of an instruction failed. */
@Revision("1")
public record InstructionDeliveryFailedEvent(
        InstructionId instructionId,
        DispatchPlanId planId,
        OperatorId operatorId,
        int attempt,
        boolean finalFailure,
        String reason) {
}
