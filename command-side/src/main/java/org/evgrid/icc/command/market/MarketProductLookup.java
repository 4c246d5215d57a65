package org.evgrid.icc.command.market;

import java.util.List;
import java.util.Optional;

import org.evgrid.icc.coreapi.market.MarketProductRule;

/** What bids check about their product: its current rule and whether it is retired. */
public interface MarketProductLookup {

    /** A product as it stands now. */
    record Product(MarketProductRule rule, int version, boolean retired) {
    }

    /** The product with this code: as last defined, or the default if never defined; empty if unknown. */
    Optional<Product> find(String code);

    /** Every known product (defaults and defined ones), by code. */
    List<Product> all();
}
