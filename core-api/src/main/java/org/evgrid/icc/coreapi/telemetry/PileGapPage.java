package org.evgrid.icc.coreapi.telemetry;

import java.time.LocalDate;
import java.util.List;

/** A page of an operator's gap report: the piles of this page (100 piles examined per page) that have gaps. */
public record PileGapPage(
        String operatorId,
        LocalDate day,
        int page,
        int pageSize,
        long totalPiles,
        List<PileGapView> piles) {
}
