package org.evgrid.icc.coreapi.dr;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;

/** A demand response event was published to the aggregator. */
@Revision("1")
public record DrEventPublishedEvent(
        DrEventId eventId,
        DrProgramId programId,
        DrProgramType programType,
        BaselineRule baselineRule,
        LocalDate tradingDay,
        List<DrInterval> intervals,
        Instant responseDeadline,
        boolean realTime) {
}
