package org.evgrid.icc.coreapi.market;

import java.util.List;

/** A page of bids. */
public record BidList(
        List<BidView> items,
        long total) {
}
