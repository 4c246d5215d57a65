package org.evgrid.icc.coreapi.dr;

import java.math.BigDecimal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/**
 * The aggregator opts an aggregation unit into a demand response event with a committed capacity in kW (reduction for
 * peak shaving, increase for valley filling); refused after the response deadline.
 */
@SignedBy({Role.TRADER})
public record OptInDrEventCommand(
        @TargetAggregateIdentifier DrEventId eventId,
        AggregationUnitId unitId,
        BigDecimal committedKw) {
}
