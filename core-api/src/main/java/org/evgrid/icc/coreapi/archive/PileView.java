package org.evgrid.icc.coreapi.archive;

import java.math.BigDecimal;
import java.time.Instant;

/** One pile as queries show it. */
public record PileView(
        PileId pileId,
        OperatorId operatorId,
        StationId stationId,
        DispatchAreaId dispatchAreaId,
        Region region,
        PileType type,
        BigDecimal ratedPowerKw,
        BigDecimal minPowerKw,
        BigDecimal maxDischargeKw,
        int connectorCount,
        PileStatus status,
        AggregationUnitId unitId,
        Instant registeredAt,
        Instant updatedAt) {
}
