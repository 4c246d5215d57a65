package org.evgrid.icc.coreapi.dr;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;

/** A performance report for a unit in a demand response event. */
@Revision("1")
public record DrPerformanceReportedEvent(
        DrEventId eventId,
        AggregationUnitId unitId,
        List<BigDecimal> baselineKw,
        List<BigDecimal> actualKw,
        List<BigDecimal> performanceKw,
        BigDecimal deliveredKwh,
        BigDecimal committedKwh,
        List<LocalDate> baselineDays) {
}
