package org.evgrid.icc.coreapi.dispatch;

import java.math.BigDecimal;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/**
 * Records a quarter hour's execution of a plan (center service key, at the interval's end plus a grace for late
 * telemetry): the unit's actual load from telemetry roll-ups and who contributed to any deviation. The plan compares
 * it with the target and the tolerance and records a deviation when it is breached or telemetry is missing.
 */
@SignedBy({Role.CENTER_SERVICE})
public record RecordIntervalExecutionCommand(
        @TargetAggregateIdentifier DispatchPlanId planId,
        int interval,
        BigDecimal actualKw,
        int reportingPiles,
        int expectedPiles,
        boolean telemetryComplete,
        List<OperatorDeviation> byOperator,
        List<PileDeviation> topPiles) {
}
