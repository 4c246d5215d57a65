package org.evgrid.icc.coreapi.market;

import java.time.Instant;

/** A market product as configured now. */
public record MarketProductView(
        MarketProductRule rule,
        int version,
        boolean retired,
        String definedBy,
        Instant definedAt) {
}
