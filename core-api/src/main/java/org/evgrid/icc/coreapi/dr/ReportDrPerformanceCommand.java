package org.evgrid.icc.coreapi.dr;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/**
 * The center's performance report for a unit in a demand response event (signed with the center's key and delivered to
 * the dispatch center): baseline, actual and performance (baseline − actual for peak shaving, actual − baseline for
 * valley filling) per quarter hour in kW (null outside the event), and the energy delivered against the energy
 * committed.
 */
@SignedBy({Role.CENTER_SERVICE})
public record ReportDrPerformanceCommand(
        @TargetAggregateIdentifier DrEventId eventId,
        AggregationUnitId unitId,
        List<BigDecimal> baselineKw,
        List<BigDecimal> actualKw,
        List<BigDecimal> performanceKw,
        BigDecimal deliveredKwh,
        BigDecimal committedKwh,
        List<LocalDate> baselineDays) {
}
