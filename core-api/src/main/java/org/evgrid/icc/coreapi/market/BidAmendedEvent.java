package org.evgrid.icc.coreapi.market;

import java.math.BigDecimal;
import java.util.List;

import org.axonframework.serialization.Revision;

/** A bid was amended; {@code version} is the new content version. */
@Revision("1")
public record BidAmendedEvent(
        BidId bidId,
        BigDecimal energyKwh,
        List<BigDecimal> curveKw,
        BigDecimal limitPriceCnyPerMwh,
        int version,
        String note) {
}
