package org.evgrid.icc.coreapi.market;

import org.axonframework.serialization.Revision;

/** A market product was defined or redefined; {@code version} counts definitions from 1. */
@Revision("1")
public record MarketProductDefinedEvent(
        MarketProductCode productCode,
        MarketProductRule rule,
        int version,
        String reason) {
}
