package org.evgrid.icc.coreapi.market;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/** Retires a market product: no new bids; bids already drafted keep their product. */
@SignedBy({Role.TRADER})
public record RetireMarketProductCommand(
        @TargetAggregateIdentifier MarketProductCode productCode,
        String reason) {
}
