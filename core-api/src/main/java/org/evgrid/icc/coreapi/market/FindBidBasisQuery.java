package org.evgrid.icc.coreapi.market;

import java.time.LocalDate;

import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.security.Viewer;

/** Asks for the basis of a bid; answers {@link BidBasisView}. */
public record FindBidBasisQuery(
        Viewer viewer,
        String product,
        LocalDate periodStart,
        AggregationUnitId unitId) {
}
