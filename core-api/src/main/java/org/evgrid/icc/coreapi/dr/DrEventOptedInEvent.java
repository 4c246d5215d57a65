package org.evgrid.icc.coreapi.dr;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;

/**
 * An aggregation unit was opted into a demand response event; carries the event's terms so the lifecycle saga can plan
 * from it.
 */
@Revision("1")
public record DrEventOptedInEvent(
        DrEventId eventId,
        AggregationUnitId unitId,
        BigDecimal committedKw,
        DrProgramType programType,
        BaselineRule baselineRule,
        LocalDate tradingDay,
        List<DrInterval> intervals,
        boolean realTime) {
}
