package org.evgrid.icc.coreapi.dispatch;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.OperatorId;

/**
 * An instruction to one operator platform: its piles' schedules in the plan version (OCPI ChargingProfiles pattern),
 * to be answered by {@code responseDeadline}.
 */
@Revision("1")
public record DispatchInstructionIssuedEvent(
        InstructionId instructionId,
        DispatchPlanId planId,
        int version,
        OperatorId operatorId,
        AggregationUnitId unitId,
        LocalDate tradingDay,
        int piles,
        List<BigDecimal> plannedKw,
        String scheduleDigest,
        Instant responseDeadline) {
}
