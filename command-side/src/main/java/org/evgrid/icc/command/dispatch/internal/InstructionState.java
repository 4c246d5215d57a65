package org.evgrid.icc.command.dispatch.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.evgrid.icc.coreapi.dispatch.InstructionStatus;

/**
 * What a plan remembers of one instruction.
 *
 * @param status where the instruction is
 * @param piles piles in the instruction
 * @param plannedKw the operator's planned curve
 * @param responseDeadline when the final result is due
 * @param lastAttempt the last failed delivery attempt recorded (0 if none)
 * @param resultReported whether the final result was reported
 */
public record InstructionState(InstructionStatus status, int piles, List<BigDecimal> plannedKw, Instant responseDeadline,
                               int lastAttempt, boolean resultReported) {

    /** The same instruction in another status. */
    public InstructionState withStatus(InstructionStatus next) {
        return new InstructionState(next, piles, plannedKw, responseDeadline, lastAttempt, resultReported);
    }

    /** The same instruction after a failed delivery attempt. */
    public InstructionState failedAttempt(int attempt, boolean finalFailure) {
        return new InstructionState(finalFailure ? InstructionStatus.DELIVERY_FAILED : status, piles, plannedKw, responseDeadline,
                Math.max(lastAttempt, attempt), resultReported);
    }

    /** The same instruction with its final result. */
    public InstructionState completed() {
        return new InstructionState(InstructionStatus.COMPLETED, piles, plannedKw, responseDeadline, lastAttempt, true);
    }
}
