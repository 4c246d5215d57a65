package org.evgrid.icc.coreapi.dr;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.evgrid.icc.coreapi.archive.AggregationUnitId;

/** A unit's participation in a demand response event and, once reported, its performance. */
public record DrParticipationView(
        AggregationUnitId unitId,
        BigDecimal committedKw,
        boolean optedIn,
        Instant optedInAt,
        List<BigDecimal> baselineKw,
        List<BigDecimal> actualKw,
        List<BigDecimal> performanceKw,
        BigDecimal deliveredKwh,
        BigDecimal committedKwh) {
}
