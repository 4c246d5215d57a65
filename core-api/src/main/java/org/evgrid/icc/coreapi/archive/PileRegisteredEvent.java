package org.evgrid.icc.coreapi.archive;

import java.math.BigDecimal;

import org.axonframework.serialization.Revision;

/** A pile was registered; its station's location and dispatch area are copied in, so the pile's history stands alone. */
@Revision("1")
public record PileRegisteredEvent(
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
        ImportBatchId batchId) {
}
