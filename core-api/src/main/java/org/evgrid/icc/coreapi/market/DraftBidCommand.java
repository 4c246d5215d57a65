package org.evgrid.icc.coreapi.market;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.forecast.ForecastId;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/**
 * Drafts the aggregator's bid for one product, period and aggregation unit: energy (kWh) for an ENERGY
 * product or 96 quarter-hour points (kW) for a CURVE product, an optional limit price, and the forecast it was based
 * on. Refused after the product's gate closure and when a live bid exists (amend it).
 */
@SignedBy({Role.TRADER})
public record DraftBidCommand(
        String product,
        LocalDate periodStart,
        AggregationUnitId unitId,
        BidDirection direction,
        BigDecimal energyKwh,
        List<BigDecimal> curveKw,
        BigDecimal limitPriceCnyPerMwh,
        ForecastId basisForecastId,
        String note) {
    /** The bid addressed: the aggregator's slot for the product, period and unit. */
    @TargetAggregateIdentifier
    public BidId bidId() {
        return BidId.of(product, periodStart, unitId);
    }
}
