package org.evgrid.icc.coreapi.market;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.declaration.DeclarationKind;

/**
 * A bid version was submitted; the gateway delivers exactly this content under {@code requestId} (idempotent at the
 * exchange).
 */
@Revision("1")
public record BidSubmittedEvent(
        BidId bidId,
        int version,
        String requestId,
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
        Instant gateClosure) {
}
