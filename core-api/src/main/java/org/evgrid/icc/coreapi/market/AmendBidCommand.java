package org.evgrid.icc.coreapi.market;

import java.math.BigDecimal;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/** Amends a bid before gate closure; a submitted bid goes back to draft and must be submitted again. */
@SignedBy({Role.TRADER})
public record AmendBidCommand(
        @TargetAggregateIdentifier BidId bidId,
        BigDecimal energyKwh,
        List<BigDecimal> curveKw,
        BigDecimal limitPriceCnyPerMwh,
        String note) {
}
