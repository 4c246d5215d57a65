package org.evgrid.icc.coreapi.dr;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A demand response event with the units taking part. */
public record DrEventView(
        DrEventId eventId,
        DrProgramId programId,
        DrProgramType programType,
        BaselineRule baselineRule,
        LocalDate tradingDay,
        List<DrInterval> intervals,
        Instant responseDeadline,
        boolean realTime,
        boolean cancelled,
        String cancelReason,
        List<DrParticipationView> participations,
        Instant publishedAt) {
}
