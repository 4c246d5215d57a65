package org.evgrid.icc.coreapi.market;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/**
 * Defines a market product or replaces its definition: segment, what is bid, period, gate closure and
 * settlement rule reference. Products are configuration, changed at run time by a trader; each change is a new
 * version.
 */
@SignedBy({Role.TRADER})
public record DefineMarketProductCommand(
        MarketProductRule rule,
        String reason) {
    /** The product addressed. */
    @TargetAggregateIdentifier
    public MarketProductCode productCode() {
        return rule == null ? null : new MarketProductCode(rule.code());
    }
}
