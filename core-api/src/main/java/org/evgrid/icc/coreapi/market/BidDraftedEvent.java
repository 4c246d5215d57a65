package org.evgrid.icc.coreapi.market;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.declaration.DeclarationKind;
import org.evgrid.icc.coreapi.forecast.ForecastId;

/** A bid was drafted (first time, or again after it was withdrawn, rejected or expired). */
@Revision("1")
public record BidDraftedEvent(
        BidId bidId,
        String product,
        MarketSegment segment,
        DeclarationKind kind,
        LocalDate periodStart,
        LocalDate periodEnd,
        AggregationUnitId unitId,
        BidDirection direction,
        BigDecimal energyKwh,
        List<BigDecimal> curveKw,
        BigDecimal limitPriceCnyPerMwh,
        ForecastId basisForecastId,
        Instant gateClosure,
        int version,
        String note) {
}
