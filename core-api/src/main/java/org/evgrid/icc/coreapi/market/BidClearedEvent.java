package org.evgrid.icc.coreapi.market;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.declaration.DeclarationKind;

/** A bid was cleared (the trade the lifecycle saga starts from, DESIGN §7). */
@Revision("1")
public record BidClearedEvent(
        BidId bidId,
        String requestId,
        String product,
        MarketSegment segment,
        DeclarationKind kind,
        LocalDate periodStart,
        LocalDate periodEnd,
        AggregationUnitId unitId,
        BidDirection direction,
        BigDecimal clearedEnergyKwh,
        List<BigDecimal> clearedCurveKw,
        List<BigDecimal> clearingPricesCnyPerMwh,
        Instant clearedAt,
        String exchangeReference) {
}
