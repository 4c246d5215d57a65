package org.evgrid.icc.coreapi.market;

import java.util.List;

/** The market products. */
public record MarketProductList(
        List<MarketProductView> items) {
}
