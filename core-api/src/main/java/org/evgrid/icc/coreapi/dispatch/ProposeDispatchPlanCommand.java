package org.evgrid.icc.coreapi.dispatch;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/**
 * Proposes (or, for an existing plan not yet issued, recomputes) the dispatch plan of an aggregation unit for a
 * trading day from a cleared trade or an accepted demand response event: the target curve of 96 quarter-hour
 * points in kW (null where the source sets no target) is allocated to piles by the documented fair rule. Sent by the
 * lifecycle saga with the center's key.
 */
@SignedBy({Role.CENTER_SERVICE})
public record ProposeDispatchPlanCommand(
        @TargetAggregateIdentifier DispatchPlanId planId,
        AggregationUnitId unitId,
        LocalDate tradingDay,
        DispatchSourceKind sourceKind,
        String sourceRef,
        List<BigDecimal> targetKw,
        BigDecimal tolerancePercent) {
}
