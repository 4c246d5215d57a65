package org.evgrid.icc.coreapi.dr;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/**
 * A demand response event of a program (OpenADR 3 event): the trading day, its quarter-hour intervals with targets,
 * and the deadline for the aggregator's response; real-time events start within the hour.
 */
@SignedBy({Role.EXCHANGE_GATEWAY})
public record PublishDrEventCommand(
        @TargetAggregateIdentifier DrEventId eventId,
        DrProgramId programId,
        DrProgramType programType,
        BaselineRule baselineRule,
        LocalDate tradingDay,
        List<DrInterval> intervals,
        Instant responseDeadline,
        boolean realTime) {
}
