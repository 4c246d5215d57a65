package org.evgrid.icc.coreapi.market;

import org.evgrid.icc.coreapi.security.Viewer;

/** Asks for all market products; answers {@link MarketProductList}. */
public record FindMarketProductsQuery(
        Viewer viewer) {
}
