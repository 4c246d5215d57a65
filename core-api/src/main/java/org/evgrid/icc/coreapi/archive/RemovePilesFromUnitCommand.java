package org.evgrid.icc.coreapi.archive;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignedBy;

/** Removes piles from an aggregation unit. */
@SignedBy({Role.ARCHIVE_MANAGER, Role.TRADER})
public record RemovePilesFromUnitCommand(
        @TargetAggregateIdentifier AggregationUnitId unitId,
        List<PileId> pileIds) {
}
