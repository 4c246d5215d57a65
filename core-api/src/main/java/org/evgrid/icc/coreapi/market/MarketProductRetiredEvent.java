package org.evgrid.icc.coreapi.market;

import org.axonframework.serialization.Revision;

/** A market product was retired. */
@Revision("1")
public record MarketProductRetiredEvent(
        MarketProductCode productCode,
        int version,
        String reason) {
}
