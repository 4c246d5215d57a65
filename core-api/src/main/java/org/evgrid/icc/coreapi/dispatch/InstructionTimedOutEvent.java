package org.evgrid.icc.coreapi.dispatch;

import java.time.Instant;

import org.axonframework.serialization.Revision;
import org.evgrid.icc.coreapi.archive.OperatorId;

/** An instruction got no final result by its deadline. */
@Revision("1")
public record InstructionTimedOutEvent(
        InstructionId instructionId,
        DispatchPlanId planId,
        OperatorId operatorId,
        Instant responseDeadline) {
}
