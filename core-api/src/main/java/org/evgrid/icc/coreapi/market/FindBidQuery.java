package org.evgrid.icc.coreapi.market;

import org.evgrid.icc.coreapi.security.Viewer;

/** Asks for one bid; answers {@link BidView} or null. */
public record FindBidQuery(
        Viewer viewer,
        BidId bidId) {
}
