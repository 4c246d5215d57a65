package org.evgrid.icc.coreapi.archive;

import java.math.BigDecimal;
import java.time.Instant;

/** One aggregation unit with its member count and rated power. */
public record AggregationUnitView(
        AggregationUnitId unitId,
        String name,
        DispatchAreaId dispatchAreaId,
        String provinceCode,
        long piles,
        BigDecimal ratedPowerKw,
        Instant createdAt) {
}
