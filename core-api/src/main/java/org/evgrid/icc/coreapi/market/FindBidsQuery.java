package org.evgrid.icc.coreapi.market;

import java.time.LocalDate;

import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.security.Viewer;

/**
 * Asks for bids, newest period first, optionally of one product, unit, status and period range; answers {@link
 * BidList}.
 */
public record FindBidsQuery(
        Viewer viewer,
        String product,
        AggregationUnitId unitId,
        BidStatus status,
        LocalDate from,
        LocalDate to,
        int page,
        int size) {
}
