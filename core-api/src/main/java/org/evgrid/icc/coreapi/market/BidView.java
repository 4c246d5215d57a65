package org.evgrid.icc.coreapi.market;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.declaration.DeclarationKind;
import org.evgrid.icc.coreapi.forecast.ForecastId;

/** A bid with its state, content, delivery, exchange answer, clearing and history. */
public record BidView(
        BidId bidId,
        String product,
        MarketSegment segment,
        DeclarationKind kind,
        LocalDate periodStart,
        LocalDate periodEnd,
        AggregationUnitId unitId,
        BidDirection direction,
        BidStatus status,
        int version,
        BigDecimal energyKwh,
        List<BigDecimal> curveKw,
        BigDecimal limitPriceCnyPerMwh,
        ForecastId basisForecastId,
        Instant gateClosure,
        String requestId,
        int deliveryAttempts,
        String exchangeReference,
        String rejectionReason,
        BigDecimal clearedEnergyKwh,
        List<BigDecimal> clearedCurveKw,
        List<BigDecimal> clearingPricesCnyPerMwh,
        Instant clearedAt,
        List<BidHistoryEntry> history,
        Instant updatedAt) {
}
