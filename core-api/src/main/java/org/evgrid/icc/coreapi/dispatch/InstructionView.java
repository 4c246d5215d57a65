package org.evgrid.icc.coreapi.dispatch;

import java.math.BigDecimal;
import java.time.Instant;

import org.evgrid.icc.coreapi.archive.OperatorId;

/** One operator's instruction in a plan with its delivery, answer and result. */
public record InstructionView(
        InstructionId instructionId,
        OperatorId operatorId,
        InstructionStatus status,
        int piles,
        BigDecimal plannedKwh,
        Instant issuedAt,
        Instant responseDeadline,
        int deliveryAttempts,
        InstructionResponse response,
        String responseMessage,
        InstructionResult result,
        int appliedPiles,
        String resultMessage,
        Instant updatedAt) {
}
